/**
 * Local stand-ins for the Anthropic and OpenAI HTTP APIs that speak their wire formats.
 */
@NullMarked
package io.authorworks.testing.llm;

import org.jspecify.annotations.NullMarked;
