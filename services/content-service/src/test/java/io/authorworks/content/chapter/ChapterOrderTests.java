package io.authorworks.content.chapter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of chapter order: reorders must be exact permutations, and moves keep every
 * other chapter in its relative order.
 */
class ChapterOrderTests {

	private final UUID a = UUID.randomUUID();

	private final UUID b = UUID.randomUUID();

	private final UUID c = UUID.randomUUID();

	@Test
	void aPermutationPasses() {
		Checks checks = new Checks();
		ChapterOrder.checkPermutation(checks, List.of(this.a, this.b, this.c), List.of(this.c, this.a, this.b));
		assertThat(checks.valid()).isTrue();
	}

	@Test
	void duplicatesUnknownIdsAndMissingChaptersAreRefused() {
		assertRefused(Arrays.asList(this.a, this.a, this.b), "chapterIds[1]");
		assertRefused(List.of(this.a, this.b, this.c, UUID.randomUUID()), "chapterIds[3]");
		assertRefused(List.of(this.a, this.c), "chapterIds");
		assertRefused(null, "chapterIds");
	}

	@Test
	void movesKeepTheOthersInOrder() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7L);
		for (int round = 0; round < 1000; round++) {
			int size = random.nextInt(1, 30);
			List<UUID> order = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				order.add(new UUID(0, i));
			}
			int from = random.nextInt(1, size + 1);
			int to = random.nextInt(1, size + 1);
			List<UUID> moved = ChapterOrder.move(order, from, to);
			assertThat(moved).hasSize(size).containsExactlyInAnyOrderElementsOf(order);
			assertThat(moved.get(to - 1)).isEqualTo(order.get(from - 1));
			List<UUID> othersBefore = new ArrayList<>(order);
			othersBefore.remove(from - 1);
			List<UUID> othersAfter = new ArrayList<>(moved);
			othersAfter.remove(to - 1);
			assertThat(othersAfter).isEqualTo(othersBefore);
		}
	}

	private void assertRefused(@Nullable List<UUID> requested, String field) {
		Checks checks = new Checks();
		ChapterOrder.checkPermutation(checks, List.of(this.a, this.b, this.c), requested);
		assertThatThrownBy(checks::throwIfInvalid).isInstanceOf(InvalidRequestException.class)
			.satisfies((ex) -> assertThat(String.valueOf(((InvalidRequestException) ex).properties().get("violations")))
				.contains("field=" + field + ","));
	}

}
