package io.authorworks.gateway;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.authorworks.platform.test.Infrastructure;
import io.authorworks.platform.test.RawHttp;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the gateway's integration tests: one gateway on a random port in front of the
 * {@link TestServices}, shared by every subclass, driven with plain {@code java.net.http}
 * so requests look exactly like a browser's or a script's. Sessions and rate limits live
 * in the real Redis, hence {@link Infrastructure}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Infrastructure
// Spring Boot's tests switch tracing export off, which in Boot 4 also stops propagation.
@AutoConfigureTracing
abstract class GatewayIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void testServices(DynamicPropertyRegistry registry) {
		TestServices.gatewayProperties("1000").forEach((key, value) -> registry.add(key, () -> value));
	}

	/** A client without cookies that never follows redirects. */
	static HttpClient client() {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** A browser-like client that keeps cookies and never follows redirects. */
	static HttpClient browser() {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request with the target exactly as given (no client cleans it up), with
	 * {@code headers} as name, value, name, value...
	 */
	RawHttp.Response raw(String method, String target, String... headers) {
		Map<String, String> named = new LinkedHashMap<>();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			named.put(headers[i], headers[i + 1]);
		}
		return new RawHttp("http://localhost:" + this.port).send(method, target, named);
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder builder = request(path).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(client(), builder.build());
	}

	/** The session's CSRF token, as the web app reads it. */
	String csrfToken(HttpClient browser) {
		String body = send(browser, request("/bff/session").GET().build()).body();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return token.group(1);
	}

	/** Follows the gateway to the authorization endpoint and returns its query. */
	Map<String, String> authorizationRedirect(HttpClient browser) {
		HttpResponse<String> start = send(browser, request("/bff/oauth2/authorization/authorworks").GET().build());
		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.getPath()).isEqualTo("/oauth2/authorize");
		return UriComponentsBuilder.fromUri(authorize)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
					(entry) -> java.net.URLDecoder.decode(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
	}

	/**
	 * Plays the identity service's part of sign-in: approves the authorization request
	 * and returns the browser to the gateway's callback. Answers where the gateway sends
	 * the browser afterwards.
	 */
	String signIn(HttpClient browser) {
		Map<String, String> query = authorizationRedirect(browser);
		TestServices.USERS_A.nonce = Objects.requireNonNull(query.get("nonce"));
		HttpResponse<String> callback = send(browser, request("/bff/oauth2/callback/authorworks?code="
				+ UUID.randomUUID() + "&state=" + encode(Objects.requireNonNull(query.get("state"))))
			.GET()
			.build());
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		URI location = uri("/").resolve(callback.headers().firstValue("Location").orElseThrow());
		assertThat(location.getAuthority()).isEqualTo("localhost:" + this.port);
		assertThat(location.getRawQuery()).isNotEqualTo("signInFailed");
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
