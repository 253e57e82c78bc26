/**
 * The deployables: their registry, their generated secrets and the supervised JVM process
 * each replica runs in.
 */
@NullMarked
package io.authorworks.launcher.deploy;

import org.jspecify.annotations.NullMarked;
