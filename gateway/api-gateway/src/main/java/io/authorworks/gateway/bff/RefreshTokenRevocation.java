package io.authorworks.gateway.bff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * On sign-out, revokes the session's refresh token at the user-service (RFC 7009), which
 * also ends the access tokens issued with it, and forgets the tokens. A revocation that
 * fails is logged but never keeps the user signed in.
 */
final class RefreshTokenRevocation implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenRevocation.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final RestClient http;

	RefreshTokenRevocation(OAuth2AuthorizedClientRepository authorizedClients, RestClient http) {
		this.authorizedClients = authorizedClients;
		this.http = http;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)) {
			return;
		}
		String registrationId = token.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient(registrationId, token, request);
		if (client == null) {
			return;
		}
		OAuth2RefreshToken refreshToken = client.getRefreshToken();
		Object endpoint = client.getClientRegistration()
			.getProviderDetails()
			.getConfigurationMetadata()
			.get("revocation_endpoint");
		if (refreshToken != null && endpoint != null) {
			revoke(client.getClientRegistration(), endpoint.toString(), refreshToken.getTokenValue());
		}
		this.authorizedClients.removeAuthorizedClient(registrationId, token, request, response);
	}

	private void revoke(ClientRegistration registration, String endpoint, String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", refreshToken);
		form.add("token_type_hint", "refresh_token");
		try {
			this.http.post()
				.uri(endpoint)
				// RFC 6749 2.3.1: client credentials are form-encoded before Basic.
				.headers((headers) -> headers.setBasicAuth(formEncode(registration.getClientId()),
						formEncode(registration.getClientSecret())))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException ex) {
			log.warn("Could not revoke the refresh token at sign-out: {}", ex.getMessage());
		}
	}

	private static String formEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
