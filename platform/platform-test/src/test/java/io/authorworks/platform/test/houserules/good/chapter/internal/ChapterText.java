package io.authorworks.platform.test.houserules.good.chapter.internal;

/**
 * An internal of the chapter feature, used by its own controller.
 */
public class ChapterText {

	/** The text. */
	public String text() {
		return "";
	}

}
