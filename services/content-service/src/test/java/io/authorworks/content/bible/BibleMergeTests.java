package io.authorworks.content.bible;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series-then-book merge a book sees: filled-in book fields win, book entries replace
 * same-named series entries in place, and the rest follow.
 */
class BibleMergeTests {

	private static final Instant NOW = Instant.parse("2026-11-26T21:35:00Z");

	@Test
	void bookFieldsWinWhenFilledIn() {
		BibleView series = view(
				new BibleView.Fields("Series premise", "Series synopsis", "third person", "past", "wry", null),
				Map.of());
		BibleView book = view(new BibleView.Fields("Book premise", " ", null, "present", null, "A sample."), Map.of());
		BibleView.Fields merged = BibleMerge.resolve(series, book).fields();
		assertThat(merged).isEqualTo(
				new BibleView.Fields("Book premise", "Series synopsis", "third person", "present", "wry", "A sample."));
	}

	@Test
	void bookEntriesOverrideSeriesEntriesOfTheSameNameInPlace() {
		BibleView series = view(BibleView.Fields.EMPTY, Map.of(EntryKind.CHARACTER,
				List.of(entry("Ada", "series"), entry("Charles", "series"), entry("Mary", "series"))));
		BibleView book = view(BibleView.Fields.EMPTY,
				Map.of(EntryKind.CHARACTER, List.of(entry("Lovelace", "book"), entry("  charles ", "book"))));
		List<BibleView.Entry> merged = BibleMerge.resolve(series, book).entries().get(EntryKind.CHARACTER);
		assertThat(merged).extracting(BibleView.Entry::name).containsExactly("Ada", "  charles ", "Mary", "Lovelace");
		assertThat(merged).extracting(BibleView.Entry::source).containsExactly("series", "book", "series", "book");
		assertThat(merged).extracting(BibleView.Entry::position).containsExactly(1, 2, 3, 4);
		assertThat(BibleMerge.resolve(series, book).entries().get(EntryKind.NOTE)).isEmpty();
	}

	@Test
	void mergedCollectionsHoldEveryNameOnceWithBookEntriesWinning() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(11L);
		String[] names = { "Ada", "Charles", "Mary", "Percy", "Byron", "Babbage", "Faraday", "Somerville" };
		for (int round = 0; round < 300; round++) {
			List<BibleView.Entry> seriesEntries = sample(random, names, "series");
			List<BibleView.Entry> bookEntries = sample(random, names, "book");
			BibleView merged = BibleMerge.resolve(view(BibleView.Fields.EMPTY, Map.of(EntryKind.LORE, seriesEntries)),
					view(BibleView.Fields.EMPTY, Map.of(EntryKind.LORE, bookEntries)));
			List<BibleView.Entry> lore = Objects.requireNonNull(merged.entries().get(EntryKind.LORE));
			Set<String> expected = new HashSet<>();
			seriesEntries.forEach((e) -> expected.add(e.name()));
			bookEntries.forEach((e) -> expected.add(e.name()));
			assertThat(lore).extracting(BibleView.Entry::name)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(expected);
			Set<String> fromBook = new HashSet<>();
			bookEntries.forEach((e) -> fromBook.add(e.name()));
			lore.forEach((e) -> assertThat(e.source()).isEqualTo(fromBook.contains(e.name()) ? "book" : "series"));
			List<String> seriesOrder = new ArrayList<>(seriesEntries.stream().map(BibleView.Entry::name).toList());
			assertThat(lore.subList(0, seriesOrder.size())).extracting(BibleView.Entry::name)
				.containsExactlyElementsOf(seriesOrder);
		}
	}

	private static List<BibleView.Entry> sample(RandomGenerator random, String[] names, String source) {
		List<BibleView.Entry> entries = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (int i = random.nextInt(0, names.length); i > 0; i--) {
			String name = names[random.nextInt(names.length)];
			if (used.add(name)) {
				entries.add(entry(name, source));
			}
		}
		return entries;
	}

	private static BibleView view(BibleView.Fields fields, Map<EntryKind, List<BibleView.Entry>> entries) {
		Map<EntryKind, List<BibleView.Entry>> all = new EnumMap<>(EntryKind.class);
		for (EntryKind kind : EntryKind.values()) {
			all.put(kind, entries.getOrDefault(kind, List.of()));
		}
		return new BibleView(fields, all, 1, NOW);
	}

	private static BibleView.Entry entry(String name, String source) {
		return new BibleView.Entry(UUID.randomUUID(), EntryKind.CHARACTER, 1, name, List.of(), null, null, List.of(),
				null, null, 1, NOW, NOW, source);
	}

}
