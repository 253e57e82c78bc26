package io.authorworks.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.authorworks.platform.core.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that cannot mean anything with a {@code 400} problem, before any
 * code reads it: a {@code %} not followed by two hex digits, escapes that do not decode
 * to UTF-8, a character RFC 3986 does not allow in a query, or a control character (NUL
 * above all, which PostgreSQL cannot store) once decoded. Without this the same input was
 * a {@code 500} from whichever part tripped over it first (the gateway re-encoding the
 * query, Tomcat's parameter parser, the database), or was silently dropped.
 */
public class QueryStringFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problemWith(request.getQueryString());
		if (problem != null) {
			Problems.write(response,
					Problems.of(ProblemType.BAD_REQUEST, "The query string is not valid: " + problem + ".", request));
			return;
		}
		chain.doFilter(request, response);
	}

	/** What is wrong with a raw query string, or {@code null} when nothing is. */
	static @Nullable String problemWith(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String part : query.split("[&=]", -1)) {
			String problem = problemWithPart(part);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static @Nullable String problemWithPart(String part) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c == '%') {
				if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
					return "'%' must be followed by two hexadecimal digits";
				}
				bytes.write(hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2)));
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else if (isQueryChar(c)) {
				bytes.write(c);
			}
			else {
				return "it contains a character that must be percent-encoded";
			}
		}
		String decoded;
		try {
			decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return "its escapes are not UTF-8";
		}
		for (int i = 0; i < decoded.length(); i++) {
			if (Character.isISOControl(decoded.charAt(i))) {
				return "it contains a control character";
			}
		}
		return null;
	}

	/** RFC 3986 {@code query} characters other than {@code %}. */
	private static boolean isQueryChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

}
