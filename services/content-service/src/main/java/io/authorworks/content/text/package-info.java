/**
 * Text rules every feature shares: Markdown rendered to sanitized, XHTML-compatible HTML.
 * Word counts live in the story-store library, so the worker counts as the editor does.
 */
@NullMarked
package io.authorworks.content.text;

import org.jspecify.annotations.NullMarked;
