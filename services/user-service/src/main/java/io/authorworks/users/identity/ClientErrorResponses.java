package io.authorworks.users.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers the endpoints where a client authenticates (token, revocation, introspection)
 * with RFC 6749 §5.2 errors: {@code 401 invalid_client} with a {@code WWW-Authenticate}
 * challenge when the client is not known to be who it says, {@code 400 invalid_request}
 * when a public client leaves out its PKCE {@code code_verifier}. These are machine
 * endpoints, so they never send anyone to the sign-in page.
 */
final class ClientErrorResponses implements AuthenticationEntryPoint, AuthenticationFailureHandler {

	private static final String CHALLENGE = "Basic realm=\"AuthorWorks\"";

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	private final RegisteredClientRepository clients;

	private final RequestMatcher endpoints;

	ClientErrorResponses(RegisteredClientRepository clients, AuthorizationServerSettings settings) {
		this.clients = clients;
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		this.endpoints = new OrRequestMatcher(paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getPushedAuthorizationRequestEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint()));
	}

	/** The endpoints whose unauthenticated requests this answers. */
	RequestMatcher endpoints() {
		return this.endpoints;
	}

	/** A request that reached an endpoint without any client authentication. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (publicClientWithoutVerifier(request)) {
			write(response, new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
					"A public client must send the code_verifier of its PKCE code_challenge.", null));
			return;
		}
		write(response, new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
				"Client authentication is required: HTTP Basic or client_secret_post, or PKCE for a public client.",
				null));
	}

	/** A client authentication that was tried and failed. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
		write(response, error);
	}

	private boolean publicClientWithoutVerifier(HttpServletRequest request) {
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null
				|| !AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| request.getParameter(PkceParameterNames.CODE_VERIFIER) != null) {
			return false;
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		return client != null && client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
	}

	private void write(HttpServletResponse response, OAuth2Error error) throws IOException {
		ServletServerHttpResponse out = new ServletServerHttpResponse(response);
		if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
			out.setStatusCode(HttpStatus.UNAUTHORIZED);
			out.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		}
		else {
			out.setStatusCode(HttpStatus.BAD_REQUEST);
		}
		out.getHeaders().setCacheControl("no-store");
		out.getHeaders().setPragma("no-cache");
		this.errors.write(error, null, out);
	}

}
