package io.authorworks.content.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import io.authorworks.content.chapter.ChapterEditing.NewChapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting manuscripts into chapters: Markdown at headings, plain text at chapter lines,
 * and the Markdown export read back into the same chapters.
 */
class ManuscriptSplitterTests {

	@Test
	void markdownSplitsAtLevelOneHeadingsWhenThereAreSeveral() {
		List<NewChapter> chapters = ManuscriptSplitter.markdown("""
				# One

				First text.

				## A scene inside

				More.

				# Two ##

				```
				# not a heading in code
				```
				""");
		assertThat(chapters).extracting(NewChapter::title).containsExactly("One", "Two");
		assertThat(chapters.getFirst().content()).isEqualTo("First text.\n\n## A scene inside\n\nMore.");
		assertThat(chapters.get(1).content()).contains("# not a heading in code");
	}

	@Test
	void aSingleTitleHeadingOverLevelTwoChaptersIsDropped() {
		List<NewChapter> chapters = ManuscriptSplitter.markdown("""
				\uFEFF# The Book

				A dedication.

				## Chapter One

				It began.

				## Chapter Two
				It ended.
				""");
		assertThat(chapters).extracting(NewChapter::title)
			.containsExactly(ManuscriptSplitter.FRONT_MATTER, "Chapter One", "Chapter Two");
		assertThat(chapters.getFirst().content()).isEqualTo("A dedication.");
		assertThat(chapters.get(2).content()).isEqualTo("It ended.");
	}

	@Test
	void textWithoutHeadingsIsOneChapter() {
		assertThat(ManuscriptSplitter.markdown("Just prose.\nMore prose.")).singleElement()
			.isEqualTo(new NewChapter("Chapter 1", "Just prose.\nMore prose."));
	}

	@Test
	void plainTextSplitsAtChapterLinesInManyStyles() {
		List<NewChapter> chapters = ManuscriptSplitter.text("""
				Title page text.

				Prologue
				Before it all.

				CHAPTER ONE
				It was a dark night.
				Chapter 2 was the one she liked best, she said.

				Chapter IV: The Storm
				Rain.

				chapter twenty-one
				Late.

				Epilogue
				After.
				""");
		assertThat(chapters).extracting(NewChapter::title)
			.containsExactly(ManuscriptSplitter.FRONT_MATTER, "Prologue", "CHAPTER ONE", "Chapter IV: The Storm",
					"chapter twenty-one", "Epilogue");
		assertThat(chapters.get(2).content())
			.isEqualTo("It was a dark night.\nChapter 2 was the one she liked best, she said.");
	}

	@Test
	void markdownExportSplitsBackIntoTheSameChapters() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(5L);
		for (int round = 0; round < 200; round++) {
			List<io.authorworks.content.chapter.Chapter> chapters = new ArrayList<>();
			int count = random.nextInt(1, 8);
			for (int i = 0; i < count; i++) {
				String content = random.nextBoolean() ? ""
						: "Para " + random.nextInt() + ".\n\n### Scene\n\n*Text* " + random.nextInt();
				chapters.add(new io.authorworks.content.chapter.Chapter(java.util.UUID.randomUUID(),
						java.util.UUID.randomUUID(), i + 1, "Chapter " + random.nextInt(1000), content, 0, "draft",
						null, 1, java.time.Instant.now(), java.time.Instant.now(), 1));
			}
			io.authorworks.content.book.Book book = new io.authorworks.content.book.Book(java.util.UUID.randomUUID(),
					java.util.UUID.randomUUID(), "Round Trip", null, null, List.of(), List.of(), "en", "draft",
					"private", null, null, null, 0, null, null, null, 1, java.time.Instant.now(),
					java.time.Instant.now());
			List<NewChapter> back = ManuscriptSplitter.markdown(MarkdownExport.of(book, chapters));
			assertThat(back).extracting(NewChapter::title)
				.containsExactlyElementsOf(
						chapters.stream().map(io.authorworks.content.chapter.Chapter::title).toList());
			assertThat(back).extracting(NewChapter::content)
				.containsExactlyElementsOf(
						chapters.stream().map(io.authorworks.content.chapter.Chapter::content).toList());
		}
	}

}
