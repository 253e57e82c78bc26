package io.authorworks.contracts.users;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.events.api.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden samples are the contract: the records must write exactly their {@code data},
 * and a consumer must read them back, so neither side can drift without this failing.
 */
class UserEventsContractTests {

	private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

	private static final UUID ADA = UUID.fromString("0193b2a4-7a00-7000-8000-000000000001");

	@Test
	void userRegisteredMatchesItsGoldenSample() {
		UserRegistered event = new UserRegistered(ADA, "ada", "Ada Lovelace", List.of("reader", "author"),
				Instant.parse("2026-11-26T21:35:00Z"));
		assertContract("UserRegistered.json", event, UserRegistered.class, UserRegistered.TYPE);
	}

	@Test
	void userProfileUpdatedMatchesItsGoldenSample() {
		UserProfileUpdated event = new UserProfileUpdated(ADA, 3, "ada", "Ada Lovelace",
				"Writes about engines that weave algebra.", "https://cdn.example/avatars/ada.png",
				Instant.parse("2026-11-26T21:40:00Z"));
		assertContract("UserProfileUpdated.json", event, UserProfileUpdated.class, UserProfileUpdated.TYPE);
	}

	@Test
	void userSuspendedMatchesItsGoldenSample() {
		UserSuspended event = new UserSuspended(ADA, "Spam", Instant.parse("2026-11-26T22:00:00Z"));
		assertContract("UserSuspended.json", event, UserSuspended.class, UserSuspended.TYPE);
	}

	private <T> void assertContract(String sample, T event, Class<T> type, String eventType) {
		EventEnvelope envelope = this.mapper.readValue(read(sample), EventEnvelope.class);
		assertThat(envelope.type()).isEqualTo(eventType);
		assertThat(envelope.specversion()).isEqualTo("1.0");
		assertThat(envelope.subject()).isEqualTo("users/" + ADA);
		assertThat(envelope.dataAs(this.mapper, type)).isEqualTo(event);
		JsonNode written = this.mapper.readTree(this.mapper.writeValueAsString(event));
		assertThat(written).isEqualTo(envelope.data());
	}

	private static String read(String name) {
		try (InputStream in = UserEventsContractTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
