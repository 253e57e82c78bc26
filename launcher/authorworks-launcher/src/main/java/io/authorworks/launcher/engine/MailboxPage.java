package io.authorworks.launcher.engine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Renders the development mailbox: received messages newest first, links clickable,
 * everything else escaped.
 */
final class MailboxPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private MailboxPage() {
	}

	static String render(List<ReceivedMail> newestFirst) {
		StringBuilder html = new StringBuilder(4096);
		html.append("""
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8">
				<meta http-equiv="refresh" content="5">
				<title>AuthorWorks dev mailbox</title>
				<style>
				body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
				article{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
				h2{font-size:1.1rem;margin:.2rem 0}.meta{color:#666;font-size:.85rem}
				pre{white-space:pre-wrap;word-break:break-word;font-family:inherit}
				</style></head><body>
				<h1>AuthorWorks dev mailbox</h1>
				<p class="meta">Every e-mail the platform sends while running on this machine lands here.
				This page refreshes every 5 seconds.</p>
				""");
		if (newestFirst.isEmpty()) {
			html.append("<p>No messages yet.</p>\n");
		}
		for (ReceivedMail mail : newestFirst) {
			html.append("<article>\n<h2>")
				.append(escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject()))
				.append("</h2>\n<p class=\"meta\">From ")
				.append(escape(mail.from()))
				.append(" to ")
				.append(escape(String.join(", ", mail.to())))
				.append(" · ")
				.append(TIME.format(mail.receivedAt()))
				.append("</p>\n<pre>")
				.append(linkify(mail.text()))
				.append("</pre>\n</article>\n");
		}
		html.append("</body></html>\n");
		return html.toString();
	}

	/** Escapes text, turning each http(s) link into an anchor with an escaped href. */
	static String linkify(String text) {
		StringBuilder out = new StringBuilder(text.length() + 64);
		Matcher matcher = ReceivedMail.linkPattern().matcher(text);
		int last = 0;
		while (matcher.find()) {
			out.append(escape(text.substring(last, matcher.start())));
			String link = matcher.group();
			out.append("<a href=\"")
				.append(escape(link))
				.append("\" rel=\"noreferrer\">")
				.append(escape(link))
				.append("</a>");
			last = matcher.end();
		}
		out.append(escape(text.substring(last)));
		return out.toString();
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
