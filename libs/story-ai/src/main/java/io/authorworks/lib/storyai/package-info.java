/**
 * Streaming text generation behind one small interface, with typed failures.
 */
@NullMarked
package io.authorworks.lib.storyai;

import org.jspecify.annotations.NullMarked;
