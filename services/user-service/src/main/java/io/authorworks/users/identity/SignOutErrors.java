package io.authorworks.users.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.authorworks.users.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * What a browser sees when RP-initiated logout ({@code /connect/logout}) fails, say
 * because the {@code id_token_hint} expired or its authorization was revoked (the gateway
 * revokes the session's refresh token just before it sends the browser here, and signing
 * out everywhere revokes them all): it is sent to the app's home page, the address it
 * would have reached after signing out, instead of a page of JSON. The requested
 * post-logout address is not used, since it may be the very thing that failed validation.
 * Programs still get the OAuth2 error as JSON.
 *
 * <p>
 * The sign-in session still ends when the hint is a token this service signed for the
 * person signed in here, whatever else failed: the person asked to sign out, and a
 * sign-in session left behind would sign them straight in again. A hint that is missing,
 * forged or names someone else ends nothing, so a link cannot sign a stranger out.
 */
final class SignOutErrors implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SignOutErrors.class);

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	private final MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);

	private final String home;

	private final JwtDecoder signedHere;

	private final LogoutHandler signOut = new SecurityContextLogoutHandler();

	SignOutErrors(IdentityProperties identity, JWKSource<SecurityContext> keys, String issuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
		// Expired hints are accepted, as the logout endpoint itself does.
		decoder.setJwtValidator(new JwtIssuerValidator(issuer));
		this.signedHere = decoder;
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
			log.info("Sign-out request not validated ({}); sending the browser home",
					(exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
							: exception.getMessage());
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			if (signedIn != null && !(signedIn instanceof AnonymousAuthenticationToken) && signedIn.isAuthenticated()
					&& names(request.getParameter("id_token_hint"), signedIn.getName())) {
				this.signOut.logout(request, response, signedIn);
			}
			response.sendRedirect(this.home);
			return;
		}
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		ServletServerHttpResponse out = new ServletServerHttpResponse(response);
		out.setStatusCode(HttpStatus.BAD_REQUEST);
		this.errors.write(error, null, out);
	}

	private boolean names(@Nullable String idTokenHint, String person) {
		if (idTokenHint == null || idTokenHint.isBlank()) {
			return false;
		}
		try {
			return person.equals(this.signedHere.decode(idTokenHint).getSubject());
		}
		catch (JwtException ex) {
			return false;
		}
	}

}
