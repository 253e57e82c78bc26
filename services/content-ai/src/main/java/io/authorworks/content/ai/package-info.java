/**
 * Streaming text generation behind one small interface, with typed failures.
 */
@NullMarked
package io.authorworks.content.ai;

import org.jspecify.annotations.NullMarked;
