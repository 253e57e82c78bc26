/**
 * What a generation will cost before it runs (token estimates, prices, quotes) and what
 * it did cost afterwards.
 */
@NullMarked
package io.authorworks.content.ai.cost;

import org.jspecify.annotations.NullMarked;
