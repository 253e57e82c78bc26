/**
 * The story of a book as stored in the content schema, read for prompts and quotes by
 * every deployable that shares that schema.
 */
@NullMarked
package io.authorworks.lib.storystore;

import org.jspecify.annotations.NullMarked;
