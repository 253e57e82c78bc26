package io.authorworks.gateway.bff;

import java.util.List;
import java.util.Locale;

import io.authorworks.platform.web.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The few endpoints the web app needs from its backend-for-frontend: the session state,
 * and a sign-in start that returns to a page. Sign-out is {@code POST /bff/logout}.
 */
@RestController
@PublicEndpoint
@Tag(name = "Browser session", description = "Sign-in state and sign-in for the AuthorWorks web app.")
class BffController {

	static final String LOGIN_PATH = "/bff/login";

	private static final String ROLE_PREFIX = "ROLE_";

	private final OAuth2AuthorizedClientManager tokens;

	BffController(OAuth2AuthorizedClientManager tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/bff/session")
	@Operation(summary = "Who is signed in",
			description = "The browser's sign-in state. When signed in, also the session's CSRF token, which the "
					+ "web app sends in the X-XSRF-TOKEN header with every POST, PUT, PATCH and DELETE.")
	ResponseEntity<SessionResponse> session(@Nullable Authentication authentication, @Nullable CsrfToken csrf,
			HttpServletRequest request) {
		SessionResponse body = SessionResponse.signedOut();
		if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user
				&& signInGoesOn(token, request)) {
			List<String> roles = token.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
				.map((authority) -> authority.substring(ROLE_PREFIX.length()).toLowerCase(Locale.ROOT))
				.toList();
			String username = user.getPreferredUsername();
			String displayName = (user.getFullName() != null) ? user.getFullName() : username;
			body = new SessionResponse(true, user.getSubject(), username, displayName, roles,
					(csrf != null) ? csrf.getToken() : null);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * Whether the session's sign-in still holds: its tokens can be had (renewed if due)
	 * and it was not ended elsewhere. A session whose sign-in is over is ended here, so
	 * the app shows the signed-out state at once.
	 */
	private boolean signInGoesOn(OAuth2AuthenticationToken token, HttpServletRequest request) {
		try {
			return this.tokens
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(token.getAuthorizedClientRegistrationId())
					.principal(token)
					.build()) != null;
		}
		catch (OAuth2AuthorizationException ex) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			return false;
		}
	}

	@GetMapping(LOGIN_PATH)
	@Operation(summary = "Sign in",
			description = "Starts sign-in at the AuthorWorks identity service and comes "
					+ "back to returnTo, a path on this site.")
	@ApiResponse(responseCode = "302", description = "To the sign-in page, or straight to returnTo when signed in.")
	ResponseEntity<Void> login(
			@Parameter(description = "A path on this site to return to, such as /books/42.") @RequestParam(
					required = false) @Nullable String returnTo,
			@Nullable Authentication authentication, HttpServletRequest request) {
		String target = ReturnTo.sanitize(returnTo);
		if (authentication instanceof OAuth2AuthenticationToken) {
			return redirect(request.getContextPath() + target);
		}
		ReturnTo.remember(request, target);
		return redirect(request.getContextPath() + SignInProperties.START_PATH);
	}

	private static ResponseEntity<Void> redirect(String location) {
		return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
	}

}
