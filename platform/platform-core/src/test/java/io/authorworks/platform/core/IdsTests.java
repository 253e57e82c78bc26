package io.authorworks.platform.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void idsAreVersion7AndSortInCreationOrder() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(Ids.newId());
		}
		assertThat(ids).allSatisfy((id) -> {
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
		});
		assertThat(new HashSet<>(ids)).hasSize(ids.size());
		List<String> asText = ids.stream().map(UUID::toString).toList();
		assertThat(asText).isSorted();
	}

	@Test
	void carriesTheCreationTimeInTheFirst48Bits() {
		Instant at = Instant.parse("2026-11-26T21:35:00Z");
		UUID id = Ids.newId(Clock.fixed(at.plusSeconds(3600 * 24 * 365), ZoneOffset.UTC));
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.plusSeconds(3600 * 24 * 365).toEpochMilli());
	}

	@Test
	void parseOrNullRejectsNonUuids() {
		assertThat(Ids.parseOrNull("not-a-uuid")).isNull();
		UUID id = UUID.randomUUID();
		assertThat(Ids.parseOrNull(id.toString())).isEqualTo(id);
	}

}
