package io.authorworks.content.generation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and settings of AI generation ({@code authorworks.content.generation.*}).
 *
 * @param maxActiveJobsPerUser queued and running jobs one person may have at once
 * @param monthlySpendLimitMicros provider cost one person may run up in a calendar month
 * (UTC), in millionths of {@code currency}; offline generation costs nothing
 * @param currency the currency of the spend limit
 * @param maxChapters the most chapters one outline or full-book job may plan
 * @param defaultChapters chapters when a request names none
 * @param defaultTargetWords words per generated chapter when a request names none
 * @param streamTtl how long a finished job's live events stay replayable
 * @param streamBlock how long one read of the live events waits before a keep-alive
 */
@Validated
@ConfigurationProperties("authorworks.content.generation")
public record GenerationProperties(@DefaultValue("2") @Positive int maxActiveJobsPerUser,
		@DefaultValue("50000000") @PositiveOrZero long monthlySpendLimitMicros,
		@DefaultValue("USD") @NotBlank String currency,
		@DefaultValue("" + GenerationProperties.DEFAULT_MAX_CHAPTERS) @Positive @Max(200) int maxChapters,
		@DefaultValue("10") @Positive int defaultChapters, @DefaultValue("1500") @Min(50) int defaultTargetWords,
		@DefaultValue("24h") Duration streamTtl, @DefaultValue("5s") Duration streamBlock) {

	/**
	 * The most chapters a job may plan unless configured otherwise; the web app's
	 * default.
	 */
	public static final int DEFAULT_MAX_CHAPTERS = 50;

}
