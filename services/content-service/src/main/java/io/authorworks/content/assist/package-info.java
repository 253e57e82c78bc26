/**
 * Interactive AI assist: brainstorm, rewrite, expand, shorten, describe and continue on
 * the author's selection, streamed straight from the provider as server-sent events.
 */
@NullMarked
package io.authorworks.content.assist;

import org.jspecify.annotations.NullMarked;
