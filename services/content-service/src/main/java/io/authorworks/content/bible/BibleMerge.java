package io.authorworks.content.bible;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authorworks.content.store.StoryTables;
import org.jspecify.annotations.Nullable;

/**
 * How a book sees its series' bible (the AI sees it the same way, see
 * {@link StoryTables#bible}). The series bible comes first and the book's bible goes over
 * it: a prose field the book fills in replaces the series' value, and in each collection
 * a book entry with the same name as a series entry (ignoring case, accents written
 * either way and surrounding space) takes that entry's place, while the book's other
 * entries follow the series' entries in the book's order.
 */
final class BibleMerge {

	private BibleMerge() {
	}

	static BibleView resolve(BibleView series, BibleView book) {
		BibleView.Fields s = series.fields();
		BibleView.Fields b = book.fields();
		BibleView.Fields fields = new BibleView.Fields(pick(b.premise(), s.premise()), pick(b.synopsis(), s.synopsis()),
				pick(b.pointOfView(), s.pointOfView()), pick(b.tense(), s.tense()), pick(b.voice(), s.voice()),
				pick(b.samplePassage(), s.samplePassage()));
		Map<EntryKind, List<BibleView.Entry>> entries = new EnumMap<>(EntryKind.class);
		for (EntryKind kind : EntryKind.values()) {
			entries.put(kind, merge(series.entries().getOrDefault(kind, List.of()),
					book.entries().getOrDefault(kind, List.of())));
		}
		return new BibleView(fields, entries, book.version(), book.updatedAt());
	}

	static String key(String name) {
		return StoryTables.nameKey(name);
	}

	private static List<BibleView.Entry> merge(List<BibleView.Entry> series, List<BibleView.Entry> book) {
		Map<String, BibleView.Entry> byName = new LinkedHashMap<>();
		for (BibleView.Entry entry : series) {
			byName.put(key(entry.name()), entry);
		}
		for (BibleView.Entry entry : book) {
			// put keeps the series entry's place when the name is already there.
			byName.put(key(entry.name()), entry);
		}
		List<BibleView.Entry> merged = new ArrayList<>();
		for (BibleView.Entry entry : byName.values()) {
			merged.add(entry.at(merged.size() + 1));
		}
		return List.copyOf(merged);
	}

	private static @Nullable String pick(@Nullable String book, @Nullable String series) {
		return (book != null && !book.isBlank()) ? book : series;
	}

}
