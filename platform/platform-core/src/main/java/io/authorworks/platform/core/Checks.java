package io.authorworks.platform.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Collects every problem with a request before anything changes, then refuses it with one
 * {@code 422} problem that lists them all, so a client can fix every field in one round.
 * Each check answers the cleaned value (trimmed, normalized) or {@code null} when it
 * recorded a violation; call {@link #throwIfInvalid()} before acting on the values.
 */
public final class Checks {

	private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

	private final List<Violation> violations = new ArrayList<>();

	public void add(String field, String message) {
		this.violations.add(new Violation(field, message));
	}

	public boolean valid() {
		return this.violations.isEmpty();
	}

	/** Throws the {@code 422} problem if anything was wrong. */
	public void throwIfInvalid() {
		if (!this.violations.isEmpty()) {
			throw new InvalidRequestException(this.violations);
		}
	}

	/**
	 * A required single-line text of 1 to {@code max} characters, trimmed; {@code null}
	 * when invalid.
	 */
	public @Nullable String required(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			add(field, "Required; use 1 to " + max + " characters.");
			return null;
		}
		return optional(field, value, max);
	}

	/** An optional text of at most {@code max} characters, trimmed. */
	public @Nullable String optional(String field, @Nullable String value, int max) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > max) {
			add(field, "Use at most " + max + " characters.");
			return null;
		}
		if (hasControlCharacters(trimmed)) {
			add(field, "Remove control characters.");
			return null;
		}
		return trimmed;
	}

	/** A long text (Markdown) of at most {@code max} characters, kept exactly as sent. */
	public @Nullable String longText(String field, @Nullable String value, int max) {
		if (value == null) {
			return null;
		}
		if (value.length() > max) {
			add(field, "Use at most " + max + " characters.");
			return null;
		}
		if (value.indexOf('\u0000') >= 0) {
			add(field, "Remove NUL characters.");
			return null;
		}
		return value;
	}

	/**
	 * A list of short labels (genres, tags), trimmed, lower-cased and without duplicates.
	 */
	public @Nullable List<String> labels(String field, @Nullable List<String> values, int maxItems, int maxLength) {
		if (values == null) {
			return null;
		}
		if (values.size() > maxItems) {
			add(field, "Use at most " + maxItems + " entries.");
			return null;
		}
		Set<String> labels = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || value.isBlank() || value.strip().length() > maxLength || hasControlCharacters(value)) {
				add(field + "[" + i + "]", "Use 1 to " + maxLength + " characters.");
				continue;
			}
			labels.add(value.strip().toLowerCase(Locale.ROOT));
		}
		return List.copyOf(labels);
	}

	/** A list of short texts kept as written (aliases, traits). */
	public @Nullable List<String> texts(String field, @Nullable List<String> values, int maxItems, int maxLength) {
		if (values == null) {
			return null;
		}
		if (values.size() > maxItems) {
			add(field, "Use at most " + maxItems + " entries.");
			return null;
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || value.isBlank() || value.strip().length() > maxLength || hasControlCharacters(value)) {
				add(field + "[" + i + "]", "Use 1 to " + maxLength + " characters.");
				continue;
			}
			texts.add(value.strip());
		}
		return List.copyOf(texts);
	}

	/** One of the allowed lower-case words. */
	public @Nullable String oneOf(String field, @Nullable String value, List<String> allowed) {
		if (value == null) {
			return null;
		}
		if (!allowed.contains(value)) {
			add(field, "Use one of " + allowed + ".");
			return null;
		}
		return value;
	}

	/**
	 * A valid BCP 47 language tag in its canonical case ({@code en-gb} → {@code en-GB});
	 * anything that would be stored other than as sent is refused.
	 */
	public @Nullable String language(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		return LanguageTags.normalize(value.strip()).orElseGet(() -> {
			add(field, "Use a language tag such as 'en', 'en-GB' or 'pt-BR'.");
			return null;
		});
	}

	/**
	 * A reference to a stored file: an http(s) URL or an object-store key; empty clears
	 * it.
	 */
	public @Nullable String reference(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			return "";
		}
		if (trimmed.length() > 500) {
			add(field, "Use at most 500 characters.");
			return null;
		}
		if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
			try {
				if (URI.create(trimmed).getHost() != null) {
					return trimmed;
				}
			}
			catch (IllegalArgumentException ex) {
				// Reported below.
			}
			add(field, "Use a valid http(s) URL or a storage key.");
			return null;
		}
		if (!STORAGE_KEY.matcher(trimmed).matches() || trimmed.contains("..")) {
			add(field, "Use a valid http(s) URL or a storage key (letters, digits, '.', '_', '-', '/').");
			return null;
		}
		return trimmed;
	}

	private static boolean hasControlCharacters(String value) {
		return value.chars().anyMatch((c) -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t');
	}

}
