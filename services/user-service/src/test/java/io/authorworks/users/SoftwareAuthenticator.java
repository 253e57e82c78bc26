package io.authorworks.users;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in plain Java, as a browser and a platform authenticator
 * together would answer the relying party: one ES256 key pair, "none" attestation, user
 * presence and verification, and client data naming the origin it runs on. It lets the
 * integration tests run real ceremonies, which the server verifies cryptographically.
 */
final class SoftwareAuthenticator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final byte UP = 0x01;

	private static final byte UV = 0x04;

	private static final byte AT = 0x40;

	private final String origin;

	private final KeyPair keys;

	private final byte[] credentialId = new byte[32];

	private byte[] userHandle = new byte[0];

	private int counter;

	SoftwareAuthenticator(String origin) {
		this.origin = origin;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(this.credentialId);
	}

	/** The credential id as the relying party names it. */
	String id() {
		return BASE64URL.encodeToString(this.credentialId);
	}

	/**
	 * The body of {@code POST /webauthn/register} answering these creation options: a new
	 * credential for the user they name.
	 */
	String register(JsonNode options, String label) {
		this.userHandle = Base64.getUrlDecoder().decode(options.get("user").get("id").asString());
		byte[] clientData = clientData("webauthn.create", options.get("challenge").asString());
		AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, this.credentialId,
				EC2COSEKey.create((ECPublicKey) this.keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = new AuthenticatorData<>(
				sha256(options.get("rp").get("id").asString().getBytes(StandardCharsets.UTF_8)), (byte) (UP | UV | AT),
				0, credential);
		byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
			.convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", BASE64URL.encodeToString(attestation));
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
		response.put("transports", new String[] { "internal" });
		return JSON.writeValueAsString(Map.of("publicKey", Map.of("label", label, "credential", credential(response))));
	}

	/** The body of {@code POST /login/webauthn} answering these request options. */
	String assertion(JsonNode options) {
		byte[] clientData = clientData("webauthn.get", options.get("challenge").asString());
		this.counter++;
		byte[] authenticatorData = ByteBuffer.allocate(37)
			.put(sha256(options.get("rpId").asString().getBytes(StandardCharsets.UTF_8)))
			.put((byte) (UP | UV))
			.putInt(this.counter)
			.array();
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(this.keys.getPrivate());
			ByteArrayOutputStream signed = new ByteArrayOutputStream();
			signed.writeBytes(authenticatorData);
			signed.writeBytes(sha256(clientData));
			signer.update(signed.toByteArray());
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
		response.put("signature", BASE64URL.encodeToString(signature));
		response.put("userHandle", BASE64URL.encodeToString(this.userHandle));
		return JSON.writeValueAsString(credential(response));
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id());
		credential.put("rawId", id());
		credential.put("response", response);
		credential.put("type", "public-key");
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return credential;
	}

	private byte[] clientData(String type, String challenge) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("challenge", challenge);
		data.put("origin", this.origin);
		data.put("crossOrigin", false);
		return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
