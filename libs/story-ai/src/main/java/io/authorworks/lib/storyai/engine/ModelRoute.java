package io.authorworks.lib.storyai.engine;

/**
 * Which provider and model serve a step.
 *
 * @param provider {@code anthropic}, {@code openai} or {@code offline}
 * @param model the provider's model name
 */
public record ModelRoute(String provider, String model) {

	public ModelRoute {
		if (provider.isBlank() || model.isBlank()) {
			throw new IllegalArgumentException("A route needs a provider and a model");
		}
	}

	/** Parses {@code provider:model}; the model may itself contain colons. */
	public static ModelRoute parse(String text) {
		int colon = text.indexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			throw new IllegalArgumentException("A model route looks like provider:model, not \"" + text + "\"");
		}
		return new ModelRoute(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
	}

	@Override
	public String toString() {
		return this.provider + ":" + this.model;
	}

}
