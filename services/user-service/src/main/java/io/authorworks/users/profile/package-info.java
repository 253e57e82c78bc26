/**
 * Profiles and preferences: what a person shows others, and how they like AuthorWorks set
 * up.
 */
@NullMarked
package io.authorworks.users.profile;

import org.jspecify.annotations.NullMarked;
