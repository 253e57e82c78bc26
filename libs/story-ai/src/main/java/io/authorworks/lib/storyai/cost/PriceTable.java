package io.authorworks.lib.storyai.cost;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prices by model, from configuration ({@code authorworks.ai.prices[<model>]}). A price
 * is found by {@code provider:model}, then by model, then by the longest configured
 * prefix of the model name, so {@code claude-sonnet-5-5} also prices a dated snapshot
 * such as {@code claude-sonnet-5-5-20260901}.
 */
public final class PriceTable {

	private final Map<String, ModelPrice> prices = new TreeMap<>();

	public PriceTable(Map<String, ModelPrice> prices) {
		prices.forEach((model, price) -> this.prices.put(model.strip().toLowerCase(Locale.ROOT), price));
	}

	/** Parses configuration values such as {@code "2.00/10.00 USD"}. */
	public static PriceTable parse(Map<String, String> configured) {
		Map<String, ModelPrice> prices = new TreeMap<>();
		configured.forEach((model, price) -> prices.put(model, ModelPrice.parse(price)));
		return new PriceTable(prices);
	}

	/** The configured price, if any. */
	public Optional<ModelPrice> find(String provider, String model) {
		String lowerModel = model.strip().toLowerCase(Locale.ROOT);
		String qualified = provider.toLowerCase(Locale.ROOT) + ":" + lowerModel;
		ModelPrice exact = this.prices.getOrDefault(qualified, this.prices.get(lowerModel));
		if (exact != null) {
			return Optional.of(exact);
		}
		return this.prices.entrySet()
			.stream()
			.filter((entry) -> lowerModel.startsWith(entry.getKey()) || qualified.startsWith(entry.getKey()))
			.max(Comparator.comparingInt((Map.Entry<String, ModelPrice> entry) -> entry.getKey().length()))
			.map(Map.Entry::getValue);
	}

	/**
	 * The price, or free for models nobody priced (local servers, the offline provider).
	 */
	public ModelPrice priceOf(String provider, String model) {
		return find(provider, model).orElse(ModelPrice.FREE);
	}

}
