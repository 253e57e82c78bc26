/**
 * Books: their details, status and visibility, the caller's bookshelf, and the book row
 * every change to a book's chapters locks.
 */
@NullMarked
package io.authorworks.content.book;

import org.jspecify.annotations.NullMarked;
