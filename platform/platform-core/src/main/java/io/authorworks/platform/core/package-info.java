/**
 * Ids, problem types and the exceptions that carry them: the vocabulary every AuthorWorks
 * module shares.
 */
@NullMarked
package io.authorworks.platform.core;

import org.jspecify.annotations.NullMarked;
