package io.authorworks.users.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.authorworks.users.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign tokens, kept in the database (private parts encrypted with
 * {@code SIGNING_KEY_PASSWORD}) so every replica signs with the same key and tokens
 * issued before a restart still validate after it. The newest key signs; every key not
 * yet retired is published in the JWKS, so rotating never invalidates tokens already out
 * there.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** How stale the in-memory copy may get before the database is read again. */
	private static final Duration REFRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final String password;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.EPOCH);

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.password = properties.signingKeyPassword();
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(keys()));
	}

	/** The id of the key that signs new tokens. */
	public String currentKeyId() {
		List<JWK> keys = keys();
		if (keys.isEmpty()) {
			rotate();
			keys = keys();
		}
		return keys.getFirst().getKeyID();
	}

	/** Adds a new signing key; earlier keys stay published until they are retired. */
	public String rotate() {
		String kid = this.transactions.execute((status) -> {
			// Serialize key creation across replicas so a first start makes exactly one
			// key.
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('authorworks.signing_keys'))").query().singleRow();
			return createKey();
		});
		this.snapshot = load();
		log.info("Signing key {} is now the one that signs new tokens", kid);
		return kid;
	}

	/** Makes sure a key exists at start-up. */
	void ensureKey() {
		if (keys().isEmpty()) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("select pg_advisory_xact_lock(hashtext('authorworks.signing_keys'))").query().singleRow();
				long active = this.jdbc.sql("select count(*) from signing_keys where retired_at is null")
					.query(Long.class)
					.single();
				if (active == 0) {
					createKey();
				}
			});
			this.snapshot = load();
		}
	}

	/** Stops publishing keys retired for longer than any token they signed can live. */
	public int retireOlderThan(Duration age) {
		int retired = this.jdbc
			.sql("update signing_keys set retired_at = now() where retired_at is null and created_at < :before "
					+ "and kid <> (select kid from signing_keys where retired_at is null order by created_at desc limit 1)")
			.param("before", java.sql.Timestamp.from(this.clock.instant().minus(age)))
			.update();
		this.snapshot = load();
		return retired;
	}

	private String createKey() {
		KeyPair pair = generate();
		String kid = UUID.randomUUID().toString();
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).build();
		String salt = KeyGenerators.string().generateKey();
		byte[] encrypted = Encryptors.stronger(this.password, salt).encrypt(pair.getPrivate().getEncoded());
		this.jdbc
			.sql("insert into signing_keys (kid, algorithm, private_key, salt, public_jwk) "
					+ "values (:kid, 'RS256', :privateKey, :salt, :publicJwk)")
			.param("kid", kid)
			.param("privateKey", Base64.getEncoder().encodeToString(encrypted))
			.param("salt", salt)
			.param("publicJwk", jwk.toJSONString())
			.update();
		return kid;
	}

	private List<JWK> keys() {
		Snapshot current = this.snapshot;
		if (current.loadedAt().plus(REFRESH).isBefore(this.clock.instant())) {
			current = load();
			this.snapshot = current;
		}
		return current.keys();
	}

	private Snapshot load() {
		List<JWK> keys = new ArrayList<>();
		this.jdbc
			.sql("select kid, private_key, salt, public_jwk from signing_keys where retired_at is null "
					+ "order by created_at desc")
			.query((rs) -> {
				keys.add(decode(rs.getString("public_jwk"), rs.getString("private_key"), rs.getString("salt")));
			});
		return new Snapshot(List.copyOf(keys), this.clock.instant());
	}

	private JWK decode(String publicJwk, String privateKey, String salt) {
		try {
			RSAKey publicKey = RSAKey.parse(publicJwk);
			byte[] encoded = Encryptors.stronger(this.password, salt).decrypt(Base64.getDecoder().decode(privateKey));
			RSAPrivateKey key = (RSAPrivateKey) java.security.KeyFactory.getInstance("RSA")
				.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(encoded));
			return new RSAKey.Builder(publicKey).privateKey(key).build();
		}
		catch (java.text.ParseException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(
					"A stored signing key cannot be read; is SIGNING_KEY_PASSWORD the one it " + "was written with?",
					ex);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("A stored signing key cannot be decrypted; is SIGNING_KEY_PASSWORD the one "
					+ "it was written with?", ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The keys as last read, newest first. */
	private record Snapshot(List<JWK> keys, Instant loadedAt) {
	}

}
