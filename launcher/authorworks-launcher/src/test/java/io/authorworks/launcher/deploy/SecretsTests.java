package io.authorworks.launcher.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@TempDir
	Path dir;

	@Test
	void secretsAreGeneratedOnceAndReusedAcrossRuns() throws Exception {
		Path file = this.dir.resolve("data/secrets.env");
		Secrets first = Secrets.open(file);
		String gateway = first.get("GATEWAY_CLIENT_SECRET");
		String database = first.get("DATABASE_PASSWORD_USER_SERVICE");
		first.save();

		Secrets second = Secrets.open(file);
		assertThat(second.get("GATEWAY_CLIENT_SECRET")).isEqualTo(gateway);
		assertThat(second.get("DATABASE_PASSWORD_USER_SERVICE")).isEqualTo(database);
		assertThat(second.keys()).containsExactly("GATEWAY_CLIENT_SECRET", "DATABASE_PASSWORD_USER_SERVICE");
		assertThat(gateway).isNotEqualTo(database).hasSize(43).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void aSecretMadeLateIsWrittenAtOnce() {
		Path file = this.dir.resolve("secrets.env");
		Secrets secrets = Secrets.open(file);
		secrets.save();
		String late = secrets.get("SIGNING_KEY_PASSWORD");
		assertThat(Secrets.open(file).get("SIGNING_KEY_PASSWORD")).isEqualTo(late);
	}

	@Test
	void theFileIsReadableByItsOwnerOnly() throws Exception {
		Path file = this.dir.resolve("secrets.env");
		Secrets secrets = Secrets.open(file);
		secrets.get("SIGNING_KEY_PASSWORD");
		secrets.save();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).contains("SIGNING_KEY_PASSWORD=");
	}

	@Test
	void aLoosenedFileIsTightenedAgainWithoutLosingSecrets() throws Exception {
		Path file = this.dir.resolve("secrets.env");
		Files.writeString(file, "# kept\nSIGNING_KEY_PASSWORD=abc\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		Secrets secrets = Secrets.open(file);
		secrets.save();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Secrets.open(file).get("SIGNING_KEY_PASSWORD")).isEqualTo("abc");
	}

}
