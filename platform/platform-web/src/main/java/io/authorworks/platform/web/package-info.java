/**
 * The web chassis: RFC 9457 problem responses, request ids, body limits, platform
 * defaults and OpenAPI, auto-configured for every AuthorWorks HTTP deployable.
 */
@NullMarked
package io.authorworks.platform.web;

import org.jspecify.annotations.NullMarked;
