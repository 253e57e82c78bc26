/**
 * The API gateway: the public origin in front of every AuthorWorks service.
 */
@NullMarked
package io.authorworks.gateway;

import org.jspecify.annotations.NullMarked;
