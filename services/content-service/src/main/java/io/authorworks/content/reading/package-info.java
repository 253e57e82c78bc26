/**
 * Reading published books without signing in: the public catalogue, a book's contents and
 * its chapters rendered to sanitized HTML.
 */
@NullMarked
package io.authorworks.content.reading;

import org.jspecify.annotations.NullMarked;
