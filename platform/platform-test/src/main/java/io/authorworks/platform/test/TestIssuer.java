package io.authorworks.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the authorization server in tests of other services: it publishes a real
 * JWKS over HTTP and signs tokens with the same claims the user-service issues, so
 * services validate them exactly as in production.
 */
public final class TestIssuer implements AutoCloseable {

	public static final String ISSUER = "http://localhost:8080";

	private final RSAKey key;

	private final HttpServer server;

	public TestIssuer() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/oauth2/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(jwks);
			}
		});
		this.server.start();
	}

	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks";
	}

	/** A user's access token, as the user-service would issue it to the web app. */
	public String userToken(UUID userId, String username, List<String> roles) {
		return accessToken(userId.toString(), Map.of("roles", roles, "preferred_username", username, "scope",
				List.of("openid", "profile"), "client_id", "authorworks-web", "sid", UUID.randomUUID().toString()),
				Duration.ofMinutes(10));
	}

	/** A client-credentials token for another service. */
	public String serviceToken(String clientId, List<String> scopes) {
		return accessToken(clientId, Map.of("scope", scopes, "client_id", clientId), Duration.ofMinutes(10));
	}

	/**
	 * An access token in the JWT profile the user-service issues (RFC 9068: typ
	 * {@code at+jwt}, audience {@code authorworks-api}) with these claims.
	 */
	public String accessToken(String subject, Map<String, Object> claims, Duration lifetime) {
		Map<String, Object> all = new java.util.LinkedHashMap<>(claims);
		all.putIfAbsent("aud", List.of("authorworks-api"));
		all.putIfAbsent("client_id", "authorworks-web");
		return sign(new JOSEObjectType("at+jwt"), subject, all, lifetime);
	}

	/** Any JWT signed with the issuer's key, typ {@code JWT} (an ID token, say). */
	public String sign(String subject, Map<String, Object> claims, Duration lifetime) {
		return sign(JOSEObjectType.JWT, subject, claims, lifetime);
	}

	private String sign(JOSEObjectType type, String subject, Map<String, Object> claims, Duration lifetime) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString());
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(this.key.getKeyID()).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
