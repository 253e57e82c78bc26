package io.authorworks.platform.core;

import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * BCP 47 language tags as callers send them: well-formed by RFC 5646, with a primary
 * language the JDK knows (ISO 639) and a region it knows (ISO 3166 or a UN M.49 area).
 * Nothing is repaired: a tag that would be stored differently from what was sent, other
 * than in letter case, is refused.
 */
public final class LanguageTags {

	private static final Set<String> LANGUAGES = languages();

	private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

	private LanguageTags() {
	}

	/**
	 * The tag in its canonical letter case ({@code en-gb} → {@code en-GB}), or empty when
	 * it is not a valid tag.
	 */
	public static Optional<String> normalize(String tag) {
		if (tag.isEmpty() || tag.length() > 35) {
			return Optional.empty();
		}
		Locale locale;
		try {
			locale = new Locale.Builder().setLanguageTag(tag).build();
		}
		catch (IllformedLocaleException ex) {
			return Optional.empty();
		}
		String canonical = locale.toLanguageTag();
		if (!canonical.equalsIgnoreCase(tag) || !LANGUAGES.contains(locale.getLanguage())) {
			return Optional.empty();
		}
		String region = locale.getCountry();
		if (!region.isEmpty() && !REGIONS.contains(region) && !region.matches("[0-9]{3}")) {
			return Optional.empty();
		}
		return Optional.of(canonical);
	}

	private static Set<String> languages() {
		Set<String> languages = new HashSet<>(Set.of(Locale.getISOLanguages()));
		for (Locale available : Locale.getAvailableLocales()) {
			if (!available.getLanguage().isEmpty()) {
				languages.add(available.getLanguage());
			}
		}
		return Set.copyOf(languages);
	}

}
