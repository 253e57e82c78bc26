/**
 * Moving books in and out: importing Markdown or plain text split into chapters, and
 * exporting EPUB 3, print-ready PDF and Markdown.
 */
@NullMarked
package io.authorworks.content.exchange;

import org.jspecify.annotations.NullMarked;
