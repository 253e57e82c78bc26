package io.authorworks.lib.storyai.context;

import java.util.List;
import java.util.Objects;

import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import org.jspecify.annotations.Nullable;

/**
 * Everything the prompt for one chapter can draw on.
 *
 * @param bible the story bible
 * @param outline the whole outline
 * @param chapter this chapter's outline entry
 * @param plan this chapter's scene plan, if it has one yet
 * @param earlier the rolling summaries of earlier chapters, in any order
 * @param previousChapterText the full text of the chapter before, empty for the first
 * @param systemPreamble the fixed instructions that open the system prompt
 * @param task the instruction that closes the user prompt (never trimmed unless nothing
 * else is left)
 */
public record ContextRequest(StoryBible bible, Outline outline, ChapterOutline chapter, @Nullable ChapterPlan plan,
		List<ChapterSummary> earlier, String previousChapterText, String systemPreamble, String task) {

	public ContextRequest {
		Objects.requireNonNull(bible, "bible");
		Objects.requireNonNull(outline, "outline");
		Objects.requireNonNull(chapter, "chapter");
		earlier = List.copyOf(earlier);
		previousChapterText = Objects.requireNonNullElse(previousChapterText, "");
		systemPreamble = Objects.requireNonNullElse(systemPreamble, "");
		task = Objects.requireNonNullElse(task, "");
	}

}
