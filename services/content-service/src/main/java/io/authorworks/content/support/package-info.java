/**
 * The HTTP conventions every feature shares: ETags and If-Match, opaque cursors and
 * pages, and input checks that end in one problem listing every violation.
 */
@NullMarked
package io.authorworks.content.support;

import org.jspecify.annotations.NullMarked;
