/**
 * Small applications for the house rules' own tests: {@code good} keeps every rule,
 * {@code bad} breaks each one once.
 */
@NullMarked
package io.authorworks.platform.test.houserules;

import org.jspecify.annotations.NullMarked;
