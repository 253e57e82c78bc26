package io.authorworks.lib.storyai.story;

/**
 * How the book is written.
 *
 * @param pointOfView for example "third person limited" or "first person (Mara)"
 * @param tense "past" or "present"
 * @param voice the narrative voice in a few words
 * @param samplePassage a passage in the author's own voice to imitate
 */
public record StyleGuide(String pointOfView, String tense, String voice, String samplePassage) {

	public static final StyleGuide DEFAULT = new StyleGuide("third person limited", "past", "", "");

	public StyleGuide {
		pointOfView = Texts.orEmpty(pointOfView);
		tense = Texts.orEmpty(tense);
		voice = Texts.orEmpty(voice);
		samplePassage = Texts.orEmpty(samplePassage);
	}

}
