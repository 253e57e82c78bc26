/**
 * Publishing: taking a snapshot of a book's chapters for readers, announcing it, and the
 * queries the public reading endpoints answer from.
 */
@NullMarked
package io.authorworks.content.publishing;

import org.jspecify.annotations.NullMarked;
