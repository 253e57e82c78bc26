package io.authorworks.contracts.content.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The job contract as both deployables see it on the wire and in the database: stored
 * values, Redis names and the parameters' JSON must stay exactly what jobs already
 * queued, running or streamed were written with.
 */
class JobContractsTests {

	private static final UUID JOB = UUID.fromString("0193b2a4-8d00-7000-8000-000000000040");

	private final ObjectMapper mapper = JsonMapper.builder().build();

	@Test
	void statesKindsAndEventsKeepTheirStoredNames() {
		assertThat(JobState.VALUES).containsExactly("queued", "running", "succeeded", "failed", "cancelled");
		assertThat(StepState.VALUES).containsExactly("pending", "running", "succeeded", "failed", "cancelled");
		assertThat(JobKind.VALUES).containsExactly("bible", "synopsis", "outline", "chapter-drafts", "full-book");
		assertThat(Arrays.stream(JobEvent.values()).map(JobEvent::value)).containsExactly("state", "step-started",
				"delta", "step-finished", "progress", "completed", "failed", "cancelled");
	}

	@Test
	void onlySucceededFailedAndCancelledJobsAreFinished() {
		assertThat(Arrays.stream(JobState.values()).filter(JobState::isFinished)).containsExactly(JobState.SUCCEEDED,
				JobState.FAILED, JobState.CANCELLED);
	}

	@Test
	void aFinishedJobEndsItsStreamWithItsTerminalEvent() {
		assertThat(JobEvent.ending(JobState.SUCCEEDED)).isEqualTo(JobEvent.COMPLETED);
		assertThat(JobEvent.ending(JobState.FAILED)).isEqualTo(JobEvent.FAILED);
		assertThat(JobEvent.ending(JobState.CANCELLED)).isEqualTo(JobEvent.CANCELLED);
		assertThatIllegalArgumentException().isThrownBy(() -> JobEvent.ending(JobState.RUNNING));
		assertThat(Arrays.stream(JobEvent.values()).filter(JobEvent::isTerminal)).containsExactly(JobEvent.COMPLETED,
				JobEvent.FAILED, JobEvent.CANCELLED);
	}

	@Test
	void unfinishedStepsFollowTheJobIntoFailureOrCancellation() {
		assertThat(StepState.leftBy(JobState.FAILED)).isEqualTo(StepState.FAILED);
		assertThat(StepState.leftBy(JobState.CANCELLED)).isEqualTo(StepState.CANCELLED);
		assertThatIllegalArgumentException().isThrownBy(() -> StepState.leftBy(JobState.SUCCEEDED));
	}

	@Test
	void storedValuesReadBackAndUnknownOnesAreRefused() {
		for (JobState state : JobState.values()) {
			assertThat(JobState.of(state.value())).isEqualTo(state);
		}
		for (StepState state : StepState.values()) {
			assertThat(StepState.of(state.value())).isEqualTo(state);
		}
		assertThat(JobKind.of("chapter-drafts")).contains(JobKind.CHAPTER_DRAFTS);
		assertThat(JobKind.of("CHAPTER_DRAFTS")).isEmpty();
		assertThat(JobEvent.of("step-started")).contains(JobEvent.STEP_STARTED);
		assertThatIllegalArgumentException().isThrownBy(() -> JobState.of("done"));
		assertThatIllegalArgumentException().isThrownBy(() -> StepState.of("SUCCEEDED"));
	}

	@Test
	void redisNamesAreTheOnesBothSidesAlreadyUse() {
		assertThat(JobChannels.events(JOB)).isEqualTo("content:generation:jobs:" + JOB + ":events");
		assertThat(JobChannels.CANCEL).isEqualTo("content:generation:cancel");
		assertThat(JobChannels.cancelledJob(JobChannels.cancelMessage(JOB))).contains(JOB);
		assertThat(JobChannels.cancelledJob(" " + JOB + "\n")).contains(JOB);
		assertThat(JobChannels.cancelledJob("all")).isEmpty();
	}

	@Test
	void stepNamesAreThePlannedOnes() {
		assertThat(List.of(StepNames.chapterPlan(3), StepNames.chapterProse(3), StepNames.chapterSummary(3)))
			.containsExactly("chapter-3-plan", "chapter-3-prose", "chapter-3-summary");
		assertThat(StepNames.isChapterProse(StepNames.chapterProse(12))).isTrue();
		assertThat(StepNames.isChapterProse(StepNames.chapterPlan(12))).isFalse();
		assertThat(StepNames.isStoryPart(StepNames.OUTLINE)).isTrue();
		assertThat(StepNames.isStoryPart(StepNames.CHECK)).isFalse();
	}

	@Test
	void parametersMatchTheirGoldenSample() {
		JobParams params = new JobParams("Two friends build a machine that weaves algebra.", "wry", 12, "three-act",
				2500, List.of(2, 3));
		String sample = read("JobParams.json");
		assertThat(this.mapper.readValue(sample, JobParams.class)).isEqualTo(params);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(params)))
			.isEqualTo(this.mapper.readTree(sample));
	}

	private static String read(String name) {
		try (InputStream in = JobContractsTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
