/**
 * Chapter revisions: one kept per save, listed, compared line by line and read back so a
 * chapter can be restored to any earlier state.
 */
@NullMarked
package io.authorworks.content.revision;

import org.jspecify.annotations.NullMarked;
