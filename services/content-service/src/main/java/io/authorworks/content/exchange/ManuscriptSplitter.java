package io.authorworks.content.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.content.chapter.ChapterEditing.NewChapter;

/**
 * Splits a manuscript into chapters.
 *
 * <p>
 * Markdown splits at ATX headings outside code blocks: at {@code #} headings when there
 * are two or more of them, otherwise at {@code ##} headings, and then a lone {@code #}
 * heading before the first chapter is taken as the book's title and dropped. Plain text
 * splits at lines that are only a chapter heading: "Chapter 3", "CHAPTER THREE", "Chapter
 * IV: The Storm", "Prologue", "Epilogue". Text before the first heading becomes a chapter
 * called "Front matter"; a manuscript with no headings becomes one chapter.
 */
final class ManuscriptSplitter {

	static final String FRONT_MATTER = "Front matter";

	private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)");

	private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
			+ "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
			+ "|seventy|eighty|ninety|hundred)";

	private static final Pattern TEXT_HEADING = Pattern
		.compile("^\\s*(?:(?:chapter|ch\\.)\\s+(?:\\d{1,4}|[ivxlcdm]{1,8}|" + NUMBER_WORD + "(?:[- ]" + NUMBER_WORD
				+ ")?)|prologue|epilogue)\\s*(?:[:.\\-\u2013\u2014]\\s*\\S.*)?\\s*$", Pattern.CASE_INSENSITIVE);

	private ManuscriptSplitter() {
	}

	static List<NewChapter> markdown(String manuscript) {
		List<String> lines = lines(manuscript);
		List<Heading> headings = new ArrayList<>();
		boolean inFence = false;
		String fence = "";
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher fenceMatch = FENCE.matcher(line);
			if (fenceMatch.find()) {
				String marker = fenceMatch.group(1);
				if (!inFence) {
					inFence = true;
					fence = marker.substring(0, 3);
				}
				else if (marker.startsWith(fence)) {
					inFence = false;
				}
				continue;
			}
			Matcher heading = ATX.matcher(line);
			if (!inFence && heading.matches() && heading.group(1).length() <= 2 && !heading.group(2).isBlank()) {
				headings.add(new Heading(i, heading.group(1).length(), heading.group(2).strip()));
			}
		}
		long level1 = headings.stream().filter((h) -> h.level() == 1).count();
		int level = (level1 >= 2 || headings.stream().noneMatch((h) -> h.level() == 2)) ? 1 : 2;
		List<Heading> splits = headings.stream().filter((h) -> h.level() == level).toList();
		List<Integer> dropped = new ArrayList<>();
		if (level == 2 && level1 == 1) {
			Heading title = headings.stream().filter((h) -> h.level() == 1).findFirst().orElseThrow();
			if (title.line() < splits.getFirst().line()) {
				dropped.add(title.line());
			}
		}
		return assemble(lines, splits, dropped);
	}

	static List<NewChapter> text(String manuscript) {
		List<String> lines = lines(manuscript);
		List<Heading> splits = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (TEXT_HEADING.matcher(lines.get(i)).matches()) {
				splits.add(new Heading(i, 1, lines.get(i).strip()));
			}
		}
		return assemble(lines, splits, List.of());
	}

	private static List<NewChapter> assemble(List<String> lines, List<Heading> splits, List<Integer> dropped) {
		List<NewChapter> chapters = new ArrayList<>();
		int firstHeading = splits.isEmpty() ? lines.size() : splits.getFirst().line();
		String front = body(lines, 0, firstHeading, dropped);
		if (!front.isBlank()) {
			chapters.add(new NewChapter(splits.isEmpty() ? "Chapter 1" : FRONT_MATTER, front));
		}
		for (int i = 0; i < splits.size(); i++) {
			Heading heading = splits.get(i);
			int end = (i + 1 < splits.size()) ? splits.get(i + 1).line() : lines.size();
			chapters.add(new NewChapter(title(heading.text()), body(lines, heading.line() + 1, end, dropped)));
		}
		return chapters;
	}

	private static String body(List<String> lines, int from, int to, List<Integer> dropped) {
		List<String> kept = new ArrayList<>();
		for (int i = from; i < to; i++) {
			if (!dropped.contains(i)) {
				kept.add(lines.get(i));
			}
		}
		while (!kept.isEmpty() && kept.getFirst().isBlank()) {
			kept.removeFirst();
		}
		while (!kept.isEmpty() && kept.getLast().isBlank()) {
			kept.removeLast();
		}
		return String.join("\n", kept);
	}

	private static String title(String text) {
		String title = text.strip();
		return (title.codePointCount(0, title.length()) <= 200) ? title
				: title.substring(0, title.offsetByCodePoints(0, 199)) + "\u2026";
	}

	private static List<String> lines(String manuscript) {
		String text = manuscript.startsWith("\uFEFF") ? manuscript.substring(1) : manuscript;
		return List.of(text.split("\r\n|\r|\n", -1));
	}

	private record Heading(int line, int level, String text) {
	}

}
