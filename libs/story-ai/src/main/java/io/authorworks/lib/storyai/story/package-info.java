/**
 * The story data the AI reads and writes: bible, outline, chapter plans and summaries, as
 * plain records.
 */
@NullMarked
package io.authorworks.lib.storyai.story;

import org.jspecify.annotations.NullMarked;
