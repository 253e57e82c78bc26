/**
 * What a generation will cost before it runs (token estimates, prices, quotes) and what
 * it did cost afterwards.
 */
@NullMarked
package io.authorworks.lib.storyai.cost;

import org.jspecify.annotations.NullMarked;
