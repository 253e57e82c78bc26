/**
 * The content-service: books, series, members, chapters and revisions, story bibles,
 * publishing, import and export, and the public reading endpoints.
 */
@NullMarked
package io.authorworks.content;

import org.jspecify.annotations.NullMarked;
