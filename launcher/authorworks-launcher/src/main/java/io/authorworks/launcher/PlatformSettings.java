package io.authorworks.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.engine.DatabaseEndpoint;

/**
 * Everything a {@link Platform.Builder} was told, fixed when the platform is built.
 */
record PlatformSettings(Path workingDirectory, Path dataDirectory, DeployableRegistry registry,
		@Nullable Set<String> only, Map<String, Integer> replicas, Map<String, Integer> ports, int portOffset,
		boolean freePorts, @Nullable DatabaseEndpoint externalDatabase, @Nullable String externalRedisUrl,
		@Nullable String externalAmqpUrl, Platform.@Nullable MailSettings externalMail, String databaseName,
		Duration readinessTimeout, boolean restartCrashed, Path javaExecutable, List<String> jvmOptions,
		boolean aheadOfTimeCache, boolean detachFromTerminal, Map<String, String> environment) {

	/** Where the engines and the deployables write their logs. */
	Path logDirectory() {
		return this.dataDirectory.resolve("logs");
	}

}
