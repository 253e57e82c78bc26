/**
 * Versioned prompt templates for every operation and step, and tolerant parsing of the
 * JSON that structured steps ask for.
 */
@NullMarked
package io.authorworks.lib.storyai.prompt;

import org.jspecify.annotations.NullMarked;
