/**
 * What every content feature shares beyond the platform chassis: the title limit,
 * PostgreSQL array parameters, and reads answered whole despite version ETags.
 */
@NullMarked
package io.authorworks.content.support;

import org.jspecify.annotations.NullMarked;
