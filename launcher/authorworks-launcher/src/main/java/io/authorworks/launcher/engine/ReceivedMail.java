package io.authorworks.launcher.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message the development mail server accepted, reduced to what a person (or an
 * end-to-end test following a verification link) needs.
 *
 * @param from sender addresses
 * @param to recipient addresses
 * @param subject subject line
 * @param text the plain-text body (HTML bodies have their tags removed)
 * @param receivedAt when it arrived
 */
public record ReceivedMail(String from, List<String> to, String subject, String text, Instant receivedAt) {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+");

	public ReceivedMail {
		to = List.copyOf(to);
	}

	/** Every http(s) link in the text, in order. */
	public List<String> links() {
		Matcher matcher = LINK.matcher(this.text);
		return matcher.results().map(MatchResult::group).map(ReceivedMail::trimPunctuation).toList();
	}

	/** The first link, typically the verification or password-reset link. */
	public Optional<String> firstLink() {
		return links().stream().findFirst();
	}

	private static String trimPunctuation(String link) {
		// A sentence ending right after a link leaves its full stop glued to it.
		String trimmed = link;
		while (!trimmed.isEmpty() && ".,;:!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	static Pattern linkPattern() {
		return LINK;
	}

}
