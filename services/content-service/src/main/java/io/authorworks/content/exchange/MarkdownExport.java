package io.authorworks.content.exchange;

import java.util.List;

import io.authorworks.content.book.Book;
import io.authorworks.content.chapter.Chapter;

/**
 * The whole manuscript as one Markdown file: the title as a {@code #} heading and each
 * chapter under a {@code ##} heading, which is exactly what the Markdown import splits
 * back into the same chapters.
 */
final class MarkdownExport {

	private MarkdownExport() {
	}

	static String of(Book book, List<Chapter> chapters) {
		StringBuilder text = new StringBuilder("# ").append(oneLine(book.title())).append("\n");
		for (Chapter chapter : chapters) {
			text.append("\n## ").append(oneLine(chapter.title())).append("\n");
			if (!chapter.content().isBlank()) {
				text.append("\n").append(chapter.content().strip()).append("\n");
			}
		}
		return text.toString();
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
