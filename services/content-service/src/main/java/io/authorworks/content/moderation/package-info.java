/**
 * Moderation: admins take published books down from readers and restore them.
 */
@NullMarked
package io.authorworks.content.moderation;

import org.jspecify.annotations.NullMarked;
