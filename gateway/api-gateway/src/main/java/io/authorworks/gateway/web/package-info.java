/**
 * What the gateway serves itself: the single-page web app with its history fallback and
 * the index of every service's API documentation.
 */
@NullMarked
package io.authorworks.gateway.web;

import org.jspecify.annotations.NullMarked;
