package io.authorworks.launcher.engine;

import org.junit.jupiter.api.Test;

import io.authorworks.launcher.LauncherException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseEndpointTests {

	@Test
	void aJdbcUrlTakesTheCredentialsGivenBesideIt() {
		DatabaseEndpoint endpoint = DatabaseEndpoint.parse("jdbc:postgresql://127.0.0.1:5432/authorworks", "admin",
				"pw");
		assertThat(endpoint).isEqualTo(new DatabaseEndpoint("127.0.0.1", 5432, "authorworks", "admin", "pw"));
		assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/authorworks");
	}

	@Test
	void aLibpqUrlCarriesItsOwnCredentials() {
		DatabaseEndpoint endpoint = DatabaseEndpoint.parse("postgresql://app:p%40ss@db.local/aw", null, null);
		assertThat(endpoint).isEqualTo(new DatabaseEndpoint("db.local", 5432, "aw", "app", "p@ss"));
		assertThat(endpoint.toString()).doesNotContain("p@ss");
	}

	@Test
	void aUrlWithoutUserOrOfAnotherKindIsRefused() {
		assertThatThrownBy(() -> DatabaseEndpoint.parse("jdbc:postgresql://127.0.0.1/aw", null, null))
			.isInstanceOf(LauncherException.class)
			.hasMessageContaining("DATABASE_USERNAME");
		assertThatThrownBy(() -> DatabaseEndpoint.parse("jdbc:mysql://127.0.0.1/aw", "u", "p"))
			.hasMessageContaining("jdbc:postgresql://");
	}

}
