package io.authorworks.content.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * A line-by-line comparison of two texts, as unified-diff lines (what {@code diff -u}
 * prints) and as a list of changes a client can render side by side.
 *
 * @param unified the unified diff, three lines of context; empty when nothing changed
 * @param changes each change with its line positions (1-based) and lines
 * @param linesAdded lines only in the newer text
 * @param linesRemoved lines only in the older text
 */
record RevisionDiff(List<String> unified, List<Change> changes, int linesAdded, int linesRemoved) {

	static RevisionDiff between(String fromName, String from, String toName, String to) {
		List<String> fromLines = lines(from);
		List<String> toLines = lines(to);
		Patch<String> patch = DiffUtils.diff(fromLines, toLines);
		List<String> unified = patch.getDeltas().isEmpty() ? List.of()
				: UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, fromLines, patch, 3);
		List<Change> changes = new ArrayList<>();
		int added = 0;
		int removed = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			List<String> source = delta.getSource().getLines();
			List<String> target = delta.getTarget().getLines();
			changes.add(new Change(delta.getType().name().toLowerCase(Locale.ROOT), delta.getSource().getPosition() + 1,
					List.copyOf(source), delta.getTarget().getPosition() + 1, List.copyOf(target)));
			added += target.size();
			removed += source.size();
		}
		return new RevisionDiff(List.copyOf(unified), List.copyOf(changes), added, removed);
	}

	static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		return List.of(text.split("\r\n|\r|\n", -1));
	}

	/**
	 * One change between the texts.
	 *
	 * @param type {@code change}, {@code delete} or {@code insert}
	 * @param fromLine where it starts in the older text
	 * @param fromLines the older lines
	 * @param toLine where it starts in the newer text
	 * @param toLines the newer lines
	 */
	record Change(String type, int fromLine, List<String> fromLines, int toLine, List<String> toLines) {
	}

}
