package io.authorworks.lib.storyai;

/**
 * What went wrong with a provider call, and whether trying again later can help.
 */
public enum FailureKind {

	RATE_LIMITED(true, "The AI provider is limiting how fast we can send requests."),

	OVERLOADED(true, "The AI provider is overloaded right now."),

	SERVER_ERROR(true, "The AI provider had an internal error."),

	TIMEOUT(true, "The AI provider took too long to answer."),

	CONNECTION(true, "The connection to the AI provider failed."),

	MALFORMED_RESPONSE(true, "The AI provider sent an answer we could not read."),

	INVALID_REQUEST(false, "The AI provider rejected the request."),

	CONTEXT_TOO_LONG(false, "The text sent to the AI model is longer than it accepts."),

	AUTHENTICATION(false, "The AI provider did not accept our credentials; an administrator must check the API key."),

	PERMISSION(false, "Our AI account is not allowed to use this model or feature."),

	MODEL_NOT_FOUND(false, "The configured AI model does not exist at the provider."),

	QUOTA_EXCEEDED(false, "Our AI account has run out of quota or hit its spending limit."),

	CANCELLED(false, "The generation was cancelled.");

	private final boolean transientFailure;

	private final String description;

	FailureKind(boolean transientFailure, String description) {
		this.transientFailure = transientFailure;
		this.description = description;
	}

	/** Whether the same request may succeed if sent again later. */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/** A sentence a person can read, with no technical detail. */
	public String description() {
		return this.description;
	}

}
