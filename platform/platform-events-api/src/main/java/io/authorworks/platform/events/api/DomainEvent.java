package io.authorworks.platform.events.api;

/**
 * A fact a service publishes about its own data. Implementations are small past-tense
 * records ({@code UserRegistered}); their components become the envelope's {@code data},
 * and fields are only ever added.
 */
public interface DomainEvent {

	/**
	 * The event type in dotted lower case, also the routing key: {@code user.registered}.
	 */
	String eventType();

	/** What the event is about, as {@code <collection>/<id>}: {@code users/0193…}. */
	String subject();

	/**
	 * The version of {@code data}'s shape; bumped only together with a new type for
	 * breaking changes.
	 */
	default String dataVersion() {
		return "1";
	}

}
