package io.authorworks.users;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.authorworks.platform.test.RealInfrastructure;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A second user-service, in this JVM on its own port and its own fresh database, playing
 * the external OpenID Connect provider: discovery, JWKS, sign-in pages and signed ID
 * tokens are all real, so the service under test federates to it exactly as it would to
 * Logto or Keycloak. Its {@code authorworks-web} client is the relying party.
 */
final class ExternalProvider {

	static final String CLIENT_ID = "authorworks-web";

	static final String CLIENT_SECRET = "external-provider-client-secret";

	/** Accounts whose username starts with this get {@code email_verified=false}. */
	static final String UNVERIFIED_PREFIX = "unverified-";

	private static @Nullable ExternalProvider instance;

	private final ConfigurableApplicationContext context;

	private final String issuer;

	private ExternalProvider() {
		int port = freePort();
		this.issuer = "http://127.0.0.1:" + port;
		RealInfrastructure.Database shared = RealInfrastructure.database();
		String name = "aw_test_provider_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
		execute(shared, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> execute(shared, "drop database if exists " + name + " with (force)")));
		String url = shared.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		this.context = new SpringApplicationBuilder(UserServiceApplication.class, ProviderTweaks.class).run(
				"--server.port=" + port, "--OIDC_ISSUER=" + this.issuer, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + shared.username(),
				"--spring.datasource.password=" + shared.password(),
				"--spring.data.redis.url=" + RealInfrastructure.redisUrl(),
				"--spring.rabbitmq.addresses=" + RealInfrastructure.rabbitUrl(),
				"--SIGNING_KEY_PASSWORD=external-provider-signing-password", "--GATEWAY_CLIENT_SECRET=" + CLIENT_SECRET,
				// Loopback redirect URIs match on any port (RFC 8252 §7.3).
				"--GATEWAY_REDIRECT_URIS=http://127.0.0.1/login/oauth2/code/external",
				"--server.servlet.session.cookie.name=AW_EXTERNAL_SESSION",
				"--spring.session.redis.namespace=authorworks:external-provider:session",
				"--authorworks.events.exchange=external-provider.events", "--LOG_FORMAT=text");
	}

	static synchronized ExternalProvider get() {
		if (instance == null) {
			instance = new ExternalProvider();
		}
		return instance;
	}

	static synchronized void stop() {
		if (instance != null) {
			instance.context.close();
			instance = null;
		}
	}

	String issuer() {
		return this.issuer;
	}

	/** Creates a verified account at the provider, as its own sign-up would. */
	UUID createAccount(String email, String username, String displayName, String password) {
		UUID id = UUID.randomUUID();
		String hash = Objects.requireNonNull(this.context.getBean(PasswordEncoder.class).encode(password));
		insertAccount(this.context.getBean(JdbcClient.class), id, email, username, displayName, hash);
		return id;
	}

	static void insertAccount(JdbcClient jdbc, UUID id, String email, String username, String displayName,
			String passwordHash) {
		jdbc.sql("""
				insert into users (id, email, email_normalized, username, username_normalized, display_name,
				                   password_hash, email_verified_at)
				values (:id, :email, lower(:email), :username, lower(:username), :name, :hash, now())
				""")
			.param("id", id)
			.param("email", email)
			.param("username", username)
			.param("name", displayName)
			.param("hash", passwordHash)
			.update();
		jdbc.sql("insert into profiles (user_id) values (:id)").param("id", id).update();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(RealInfrastructure.Database db, String sql) {
		try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "'", ex);
		}
	}

	/**
	 * The one thing this provider does that the real service never would: it vouches for
	 * some emails without having verified them, as a careless provider might. Not
	 * annotated, so component scanning never picks it up for other contexts.
	 */
	static class ProviderTweaks {

		@Bean
		static BeanPostProcessor unverifiedEmailClaims() {
			return new BeanPostProcessor() {
				@Override
				@SuppressWarnings("unchecked")
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!"tokenClaims".equals(name)) {
						return bean;
					}
					OAuth2TokenCustomizer<JwtEncodingContext> claims = (OAuth2TokenCustomizer<JwtEncodingContext>) bean;
					return (OAuth2TokenCustomizer<JwtEncodingContext>) (context) -> {
						claims.customize(context);
						context.getClaims().claims((values) -> {
							if (String.valueOf(values.get("preferred_username")).startsWith(UNVERIFIED_PREFIX)
									&& values.containsKey("email_verified")) {
								values.put("email_verified", false);
							}
						});
					};
				}
			};
		}

	}

}
