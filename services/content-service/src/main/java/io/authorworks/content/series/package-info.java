/**
 * Series: an author's ordered run of books, which share a story bible.
 */
@NullMarked
package io.authorworks.content.series;

import org.jspecify.annotations.NullMarked;
