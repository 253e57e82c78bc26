package io.authorworks.platform.test;

import java.net.URI;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A standard OAuth 2.0 client for tests: authorization code with PKCE, refresh and client
 * credentials, speaking to the endpoints exactly as any client library would.
 */
public final class OidcTestClient {

	private final String redirect;

	private final String clientId;

	private final @Nullable String clientSecret;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * A client of the authorization server at {@code base}, authenticating as a
	 * confidential client with HTTP Basic, or without a secret as a public client.
	 */
	public OidcTestClient(String base, String clientId, @Nullable String clientSecret, String redirect) {
		this.base = base;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.redirect = redirect;
	}

	/**
	 * A public client (a CLI or script) of the authorization server at {@code base}: it
	 * has no secret and names itself by {@code client_id} in the form.
	 */
	public static OidcTestClient publicClient(String base, String clientId, String redirect) {
		return new OidcTestClient(base, clientId, null, redirect);
	}

	/**
	 * Signs in through the pages and completes code + PKCE; answers the token response.
	 */
	public JsonNode signIn(FormBrowser browser, String login, String password) throws Exception {
		return signIn(browser, login, password, null);
	}

	/**
	 * Signs in through the pages, giving the second factor from {@code secondFactor} when
	 * the page asks for it, and completes code + PKCE.
	 */
	public JsonNode signIn(FormBrowser browser, String login, String password, @Nullable Supplier<String> secondFactor)
			throws Exception {
		return signIn(browser, (pages) -> {
			HttpResponse<String> afterLogin = pages.submit("/login", "/login",
					Map.of("login", login, "password", password));
			if (afterLogin.headers().firstValue("Location").orElse("").endsWith("/login/two-factor")) {
				if (secondFactor == null) {
					throw new IllegalStateException("The account asks for a second factor");
				}
				afterLogin = pages.submit("/login/two-factor", "/login/two-factor", Map.of("code", secondFactor.get()));
			}
			return afterLogin;
		});
	}

	/**
	 * Starts code + PKCE, lets {@code signInPages} get through the sign-in pages the
	 * authorization endpoint sent the browser to, and redeems the code.
	 */
	public JsonNode signIn(FormBrowser browser, Function<FormBrowser, HttpResponse<String>> signInPages)
			throws Exception {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = UriComponentsBuilder.fromUriString(this.base + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", this.clientId)
			.queryParam("redirect_uri", this.redirect)
			.queryParam("scope", "openid profile email")
			.queryParam("state", "s123")
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();
		HttpResponse<String> toLogin = browser.get(authorize);
		if (toLogin.statusCode() != 302) {
			throw new IllegalStateException("authorize answered " + toLogin.statusCode() + ": " + toLogin.body());
		}
		HttpResponse<String> afterLogin = signInPages.apply(browser);
		// Follow the sign-in redirects, but stop at the client's own redirect URI: the
		// code is ours.
		HttpResponse<String> callback = browser.follow(afterLogin, (next) -> next.toString().startsWith(this.redirect));
		String location = callback.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(
					"No redirect after sign-in: " + callback.statusCode() + " " + callback.body()));
		if (!location.startsWith(this.redirect)) {
			throw new IllegalStateException("Sign-in ended at " + location);
		}
		Map<String, String> query = UriComponentsBuilder.fromUriString(location)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		if (!"s123".equals(query.get("state"))) {
			throw new IllegalStateException("state was not returned");
		}
		Response response = asThisClient(Map.of("grant_type", "authorization_code", "code", query.get("code"),
				"redirect_uri", this.redirect, "code_verifier", verifier));
		if (response.status() != 200 || !response.body().has("access_token")) {
			throw new IllegalStateException("Token endpoint answered " + response.status() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * Sends this header on every token and API request, e.g. an {@code X-Forwarded-For}.
	 */
	public OidcTestClient with(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public Response refresh(String refreshToken) {
		return asThisClient(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	/**
	 * A token request authenticated as this client: HTTP Basic for a confidential client,
	 * {@code client_id} in the form for a public one.
	 */
	private Response asThisClient(Map<String, String> form) {
		if (this.clientSecret == null) {
			Map<String, String> fields = new LinkedHashMap<>(form);
			fields.put("client_id", this.clientId);
			return token(fields, null);
		}
		return token(form, basic(this.clientId, this.clientSecret));
	}

	public Response clientCredentials(String clientId, String secret, String scope) {
		return token(Map.of("grant_type", "client_credentials", "scope", scope), basic(clientId, secret));
	}

	/**
	 * A token request with {@code authorization} as its {@code Authorization} header, or
	 * none.
	 */
	public Response token(Map<String, String> form, @Nullable String authorization) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(FormBrowser.form(fields)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		this.headers.forEach(request::setHeader);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), JSON.readTree(response.body()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> api(String method, String path, String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		this.headers.forEach(request::setHeader);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	public record Response(int status, JsonNode body) {
	}

}
