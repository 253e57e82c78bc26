package io.authorworks.platform.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A small cookie-keeping HTTP client that behaves like a browser on the server-rendered
 * pages: it reads the CSRF token from forms and posts them back, and follows redirects
 * only when asked.
 */
public final class FormBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public FormBrowser(String base) {
		this.base = base;
	}

	public HttpResponse<String> get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build());
	}

	/** GETs JSON with this browser's cookies, as the web app's own calls do. */
	public HttpResponse<String> getJson(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "application/json").GET().build());
	}

	/** GETs the page holding the form, then submits the form with its CSRF token. */
	public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
		HttpResponse<String> page = get(formPage);
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + formPage + ": " + page.body());
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf.group(1).replace("&#39;", "'"));
		return post(action, all);
	}

	public HttpResponse<String> post(String pathOrUrl, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build());
	}

	/**
	 * Sends what a page's script would: JSON (or no body) with the given headers, such as
	 * the CSRF header, on this browser's cookies.
	 */
	public HttpResponse<String> script(String method, String pathOrUrl, Map<String, String> headers,
			@Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Accept", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	/** The CSRF token of the first form on a page, for a script's CSRF header. */
	public String csrfToken(String formPage) {
		HttpResponse<String> page = get(formPage);
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + formPage + ": " + page.body());
		}
		return csrf.group(1).replace("&#39;", "'");
	}

	/** Follows redirects within this server until one leaves it (or a page is shown). */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		return follow(response, (next) -> false);
	}

	/**
	 * Follows redirects within this server until one leaves it, a page is shown, or the
	 * next location is one {@code stopAt} accepts (the redirect still unfollowed is
	 * answered).
	 */
	public HttpResponse<String> follow(HttpResponse<String> response, java.util.function.Predicate<URI> stopAt) {
		HttpResponse<String> current = response;
		for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
			URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			if (!next.toString().startsWith(this.base) || stopAt.test(next)) {
				return current;
			}
			current = get(next.toString());
		}
		return current;
	}

	/** Sends this header with every later request, e.g. a {@code traceparent}. */
	public FormBrowser with(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Follows redirects across every server on loopback (this one and an external
	 * provider), until one leaves loopback or a page is shown.
	 */
	public HttpResponse<String> followAcrossLoopback(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int i = 0; i < 20 && current.statusCode() / 100 == 3; i++) {
			URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			if (!"127.0.0.1".equals(next.getHost())) {
				return current;
			}
			current = get(next.toString());
		}
		return current;
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
	}

	private HttpResponse<String> send(HttpRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
		this.headers.forEach(builder::setHeader);
		try {
			return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
