package io.authorworks.content.chapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.authorworks.platform.core.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The rules of chapter order, apart from storage: a reorder must name every chapter
 * exactly once, and a move shifts the chapters in between by one, so positions stay
 * exactly 1..n.
 */
final class ChapterOrder {

	private ChapterOrder() {
	}

	/**
	 * Checks that {@code requested} is an ordering of exactly the {@code current}
	 * chapters.
	 */
	static void checkPermutation(Checks checks, List<UUID> current, @Nullable List<UUID> requested) {
		if (requested == null) {
			checks.add("chapterIds", "Required: every chapter id of the book, in the new order.");
			return;
		}
		Set<UUID> seen = new HashSet<>();
		Set<UUID> known = new HashSet<>(current);
		for (int i = 0; i < requested.size(); i++) {
			UUID id = requested.get(i);
			if (id == null || !known.contains(id)) {
				checks.add("chapterIds[" + i + "]", "Not a chapter of this book.");
			}
			else if (!seen.add(id)) {
				checks.add("chapterIds[" + i + "]", "Named twice.");
			}
		}
		if (checks.valid() && seen.size() != current.size()) {
			checks.add("chapterIds",
					"Name all " + current.size() + " chapters of the book; " + missing(current, seen) + " missing.");
		}
	}

	/**
	 * The order after moving the chapter at {@code from} to {@code to} (both 1-based).
	 */
	static List<UUID> move(List<UUID> order, int from, int to) {
		List<UUID> moved = new ArrayList<>(order);
		UUID chapter = moved.remove(from - 1);
		moved.add(to - 1, chapter);
		return moved;
	}

	private static String missing(List<UUID> current, Set<UUID> seen) {
		long missing = current.stream().filter((id) -> !seen.contains(id)).count();
		return (missing == 1) ? "1 is" : missing + " are";
	}

}
