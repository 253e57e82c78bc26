package io.authorworks.content.text;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders an author's Markdown to HTML that is safe to show anyone: raw HTML in the
 * Markdown survives only as far as a strict allow-list of formatting elements permits (no
 * scripts, styles, event handlers, images or frames; links only to http(s) and mail,
 * marked {@code nofollow}). The output is well-formed XHTML too (void elements closed,
 * numeric character references), so EPUB export uses it unchanged.
 */
public final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of();

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.sanitizeUrls(true)
		.build();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("hr", "br", "pre", "code", "del", "s", "sup", "sub", "small")
			.toFactory());

	private Markdown() {
	}

	/** The parsed document, for renderers that walk it (PDF export). */
	public static Node parse(String markdown) {
		return PARSER.parse(markdown);
	}

	/** Sanitized HTML for the Markdown. */
	public static String toHtml(String markdown) {
		return sanitize(RENDERER.render(PARSER.parse(markdown)));
	}

	/** Sanitizes HTML from any source with the same allow-list. */
	public static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

}
