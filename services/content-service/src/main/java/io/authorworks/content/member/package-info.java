/**
 * Who may do what in a book: members and their roles, and the access policy every
 * endpoint asks before it reads or changes anything.
 */
@NullMarked
package io.authorworks.content.member;

import org.jspecify.annotations.NullMarked;
