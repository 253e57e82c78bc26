package io.authorworks.gateway.bff;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the gateway session has ended, sends the browser through the user-service's
 * RP-initiated logout so its sign-in session ends too, and back to the home page. A
 * script that asks for JSON gets the address instead of a redirect it could not follow.
 */
final class RpInitiatedLogout implements LogoutSuccessHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI endSessionUri;

	private final URI postLogoutRedirectUri;

	RpInitiatedLogout(URI endSessionUri, URI postLogoutRedirectUri) {
		this.endSessionUri = endSessionUri;
		this.postLogoutRedirectUri = postLogoutRedirectUri;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		String target = targetFor(authentication);
		if (wantsJson(request)) {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			JSON.writeValue(response.getOutputStream(), Map.of("redirectTo", target));
			return;
		}
		response.sendRedirect(target);
	}

	String targetFor(@Nullable Authentication authentication) {
		if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user
				&& user.getIdToken() != null) {
			return UriComponentsBuilder.fromUri(this.endSessionUri)
				.queryParam("id_token_hint", user.getIdToken().getTokenValue())
				.queryParam("post_logout_redirect_uri", this.postLogoutRedirectUri.toString())
				.encode()
				.build()
				.toUriString();
		}
		return this.postLogoutRedirectUri.toString();
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
					&& types.stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
