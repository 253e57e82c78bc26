/**
 * Authors' display names, mirrored from the user-service's events so the reader and the
 * exports can name a book's author without calling the user-service.
 */
@NullMarked
package io.authorworks.content.author;

import org.jspecify.annotations.NullMarked;
