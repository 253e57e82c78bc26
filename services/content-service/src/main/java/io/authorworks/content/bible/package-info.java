/**
 * Story bibles: premise, synopsis, style guide, characters, locations, lore and notes for
 * a book or a whole series, and the merged view a book sees when it inherits its series'
 * bible.
 */
@NullMarked
package io.authorworks.content.bible;

import org.jspecify.annotations.NullMarked;
