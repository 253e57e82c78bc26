/**
 * An empty chapter service: chapters in memory, served and saved with the content
 * service's paths, JSON and version checks, and nothing else.
 */
package io.authorworks.bench.floor.service;
