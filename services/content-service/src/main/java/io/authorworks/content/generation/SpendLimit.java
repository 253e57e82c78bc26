package io.authorworks.content.generation;

import java.util.UUID;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly AI spending limit one person has, shared by generation jobs and interactive
 * assist: what their provider calls cost this calendar month (UTC), from
 * {@code generation_usage}, plus a new quote may not pass
 * {@link GenerationProperties#monthlySpendLimitMicros()}.
 */
@Component
public class SpendLimit {

	static final ProblemType REACHED = new ProblemType("generation-spend-limit",
			"The monthly AI spending limit is reached", 402);

	private final JdbcClient jdbc;

	private final GenerationProperties properties;

	SpendLimit(JdbcClient jdbc, GenerationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Fails with 402 {@code generation-spend-limit} when a priced quote in the limit's
	 * currency would take the person past their limit; other quotes (offline, or in
	 * another currency) always pass.
	 * @param userId who would spend
	 * @param currency the quote's currency
	 * @param quotedMicros the quote in millionths of {@code currency}
	 * @param quoted what is quoted, and at what, as the message starts: {@code This job
	 * is quoted at 0.0123 USD}
	 * @param advice the message's last sentence: what to do instead
	 */
	public void require(UUID userId, String currency, long quotedMicros, String quoted, String advice) {
		if (!currency.equals(this.properties.currency()) || quotedMicros <= 0) {
			return;
		}
		long spent = spentThisMonth(userId, this.properties.currency());
		long limit = this.properties.monthlySpendLimitMicros();
		if (spent + quotedMicros > limit) {
			throw new ProblemException(REACHED,
					quoted + "; you have spent " + JobViews.display(spent, this.properties.currency())
							+ " of your monthly " + JobViews.display(limit, this.properties.currency()) + " AI limit. "
							+ advice);
		}
	}

	/** Cost of usage recorded this calendar month (UTC), in micro-units. */
	private long spentThisMonth(UUID userId, String currency) {
		return this.jdbc.sql("""
				select coalesce(sum(cost_micros), 0) from generation_usage
				where user_id = :user and currency = :currency
				  and created_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc'
				""").param("user", userId).param("currency", currency).query(Long.class).single();
	}

}
