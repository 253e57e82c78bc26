/**
 * Text rules every feature shares: Unicode-aware word counts and Markdown rendered to
 * sanitized, XHTML-compatible HTML.
 */
@NullMarked
package io.authorworks.content.text;

import org.jspecify.annotations.NullMarked;
