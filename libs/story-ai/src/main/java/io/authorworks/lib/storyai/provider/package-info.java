/**
 * The providers that call real models: Anthropic through its official SDK and any
 * OpenAI-compatible chat-completions endpoint through the JDK HTTP client.
 */
@NullMarked
package io.authorworks.lib.storyai.provider;

import org.jspecify.annotations.NullMarked;
