/**
 * The floor of a signed-in chapter read's shape: an empty chapter service and an empty
 * gateway, started by the content load benchmark's {@code floor} phases (see
 * {@code bench/README.md}).
 */
package io.authorworks.bench.floor;
