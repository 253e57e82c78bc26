/**
 * The providers that call real models: Anthropic through its official SDK and any
 * OpenAI-compatible chat-completions endpoint through the JDK HTTP client.
 */
@NullMarked
package io.authorworks.content.ai.provider;

import org.jspecify.annotations.NullMarked;
