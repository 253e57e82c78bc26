package io.authorworks.content.bible;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.authorworks.lib.storystore.BibleInheritance;

import static io.authorworks.lib.storystore.BibleInheritance.pick;

/**
 * How a book sees its series' bible: the series bible first and the book's bible over it,
 * by the rule the AI reads it with too ({@link BibleInheritance}).
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

	private static List<BibleView.Entry> merge(List<BibleView.Entry> series, List<BibleView.Entry> book) {
		List<BibleView.Entry> merged = new ArrayList<>();
		for (BibleView.Entry entry : BibleInheritance.overlay(series, book,
				(e) -> BibleInheritance.nameKey(e.name()))) {
			merged.add(entry.at(merged.size() + 1));
		}
		return List.copyOf(merged);
	}

}
