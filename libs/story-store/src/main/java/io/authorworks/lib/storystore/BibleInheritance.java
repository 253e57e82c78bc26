package io.authorworks.lib.storystore;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * How a book inherits its series' bible: one rule for the people who read the bible
 * (content-service's resolved view) and for the AI (prompts, quotes and generated bibles,
 * through {@link StoryTables}). A prose field the book fills in replaces the series'
 * value; in each collection a book entry with the same {@link #nameKey name} as a series
 * entry takes that entry's place, and the book's other entries follow the series' entries
 * in the book's order.
 */
public final class BibleInheritance {

	private BibleInheritance() {
	}

	/**
	 * The key under which two entries of one kind are the same entry: the name without
	 * surrounding space, in Unicode compatibility form, in lower case.
	 */
	public static String nameKey(String name) {
		return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** The book's value when it wrote one, else the series'. */
	public static @Nullable String pick(@Nullable String book, @Nullable String series) {
		return (book != null && !book.isBlank()) ? book : series;
	}

	/** The series' entries with the book's over them, matched by {@code key}. */
	public static <E> List<E> overlay(List<E> series, List<E> book, Function<E, String> key) {
		Map<String, E> byKey = new LinkedHashMap<>();
		series.forEach((entry) -> byKey.put(key.apply(entry), entry));
		// put keeps the series entry's place when the key is already there.
		book.forEach((entry) -> byKey.put(key.apply(entry), entry));
		return List.copyOf(byKey.values());
	}

}
