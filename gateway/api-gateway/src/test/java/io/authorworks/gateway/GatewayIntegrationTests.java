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

import io.authorworks.platform.test.RawHttp;

import io.authorworks.platform.test.Infrastructure;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

}
