package io.authorworks.users.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import io.authorworks.users.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * What a browser sees when RP-initiated logout ({@code /connect/logout}) fails, say
 * because the {@code id_token_hint} expired or its authorization was revoked by signing
 * out everywhere: it is sent to the app's home page, the address it would have reached
 * after signing out, instead of a page of JSON. The requested post-logout address is not
 * used, since it may be the very thing that failed validation. Programs still get the
 * OAuth2 error as JSON.
 */
final class SignOutErrors implements AuthenticationFailureHandler {

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	private final MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);

	private final String home;

	SignOutErrors(IdentityProperties identity) {
		this.browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		this.home = IdentityProperties.split(identity.postLogoutRedirectUris())
			.stream()
			.findFirst()
			.orElseGet(() -> identity.publicUrl().resolve(URI.create("/")).toString());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (this.browsers.matches(request)) {
			response.sendRedirect(this.home);
			return;
		}
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		ServletServerHttpResponse out = new ServletServerHttpResponse(response);
		out.setStatusCode(HttpStatus.BAD_REQUEST);
		this.errors.write(error, null, out);
	}

}
