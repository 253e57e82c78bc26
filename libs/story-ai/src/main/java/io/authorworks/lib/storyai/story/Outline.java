package io.authorworks.lib.storyai.story;

import java.util.List;
import java.util.Optional;

/**
 * The book's chapters in order, each with its scene beats.
 *
 * @param structure the story structure it follows, such as "three-act", or empty
 * @param chapters the chapters, numbered from 1 without gaps
 */
public record Outline(String structure, List<ChapterOutline> chapters) {

	public Outline {
		structure = Texts.orEmpty(structure);
		chapters = (chapters != null) ? List.copyOf(chapters) : List.of();
	}

	public Optional<ChapterOutline> chapter(int number) {
		return this.chapters.stream().filter((c) -> c.number() == number).findFirst();
	}

}
