/**
 * The all-in-one launcher: {@link io.authorworks.launcher.Platform} starts the engines
 * and every deployable on one machine, {@link io.authorworks.launcher.Main} is the
 * command behind {@code ./authorworks}.
 */
@NullMarked
package io.authorworks.launcher;

import org.jspecify.annotations.NullMarked;
