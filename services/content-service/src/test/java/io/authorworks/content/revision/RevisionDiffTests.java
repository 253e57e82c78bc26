package io.authorworks.content.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line diffs between revisions: the unified form reads as {@code diff -u} does, and the
 * structured changes rebuild the newer text from the older one.
 */
class RevisionDiffTests {

	@Test
	void unifiedDiffOfAnEditedParagraph() {
		String before = "The loom clattered.\n\nAda watched.\n\nThe end.";
		String after = "The loom clattered.\n\nAda watched, and smiled.\n\nThe end.";
		RevisionDiff diff = RevisionDiff.between("revision 1", before, "revision 2", after);
		assertThat(diff.unified()).containsExactly("--- revision 1", "+++ revision 2", "@@ -1,5 +1,5 @@",
				" The loom clattered.", " ", "-Ada watched.", "+Ada watched, and smiled.", " ", " The end.");
		assertThat(diff.changes()).singleElement().satisfies((change) -> {
			assertThat(change.type()).isEqualTo("change");
			assertThat(change.fromLine()).isEqualTo(3);
			assertThat(change.fromLines()).containsExactly("Ada watched.");
			assertThat(change.toLines()).containsExactly("Ada watched, and smiled.");
		});
		assertThat(diff.linesAdded()).isEqualTo(1);
		assertThat(diff.linesRemoved()).isEqualTo(1);
	}

	@Test
	void identicalTextsHaveNoDifference() {
		RevisionDiff diff = RevisionDiff.between("a", "same\ntext", "b", "same\ntext");
		assertThat(diff.unified()).isEmpty();
		assertThat(diff.changes()).isEmpty();
	}

	@Test
	void structuredChangesRebuildTheNewerTextFromTheOlder() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(99L);
		for (int round = 0; round < 300; round++) {
			List<String> from = randomLines(random);
			List<String> to = new ArrayList<>(from);
			for (int edit = random.nextInt(0, 6); edit > 0; edit--) {
				int at = random.nextInt(0, to.size() + 1);
				switch (random.nextInt(3)) {
					case 0 -> to.add(at, "new " + random.nextInt(1000));
					case 1 -> {
						if (at < to.size()) {
							to.remove(at);
						}
					}
					default -> {
						if (at < to.size()) {
							to.set(at, "changed " + random.nextInt(1000));
						}
					}
				}
			}
			RevisionDiff diff = RevisionDiff.between("from", String.join("\n", from), "to", String.join("\n", to));
			assertThat(apply(from, diff.changes())).isEqualTo(RevisionDiff.lines(String.join("\n", to)));
			assertThat(diff.linesAdded() - diff.linesRemoved())
				.isEqualTo(RevisionDiff.lines(String.join("\n", to)).size()
						- RevisionDiff.lines(String.join("\n", from)).size());
		}
	}

	private static List<String> apply(List<String> from, List<RevisionDiff.Change> changes) {
		List<String> result = new ArrayList<>(RevisionDiff.lines(String.join("\n", from)));
		for (RevisionDiff.Change change : changes.reversed()) {
			for (int i = 0; i < change.fromLines().size(); i++) {
				result.remove(change.fromLine() - 1);
			}
			result.addAll(change.fromLine() - 1, change.toLines());
		}
		return result;
	}

	private static List<String> randomLines(RandomGenerator random) {
		List<String> lines = new ArrayList<>();
		for (int i = random.nextInt(1, 15); i > 0; i--) {
			lines.add("line " + random.nextInt(8));
		}
		return lines;
	}

}
