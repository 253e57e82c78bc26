package io.authorworks.gateway.live;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.authorworks.gateway.routing.RoutingProperties;
import io.authorworks.platform.web.security.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Settles a live connection before the browser's upgrade is accepted: which service owns
 * the path (the route table's API paths, as for HTTP), which of its instances takes it
 * (the load balancer), and the access token to open it with: the browser session's,
 * renewed first when it is about to expire, or the caller's own bearer token. Anything
 * missing refuses the upgrade with an HTTP status; no WebSocket is opened.
 */
final class LiveHandshake implements HandshakeInterceptor {

	private final Map<String, List<PathPattern>> serviceApiPaths;

	private final LoadBalancerClient loadBalancer;

	private final OAuth2AuthorizedClientManager authorizedClients;

	LiveHandshake(RoutingProperties routes, LoadBalancerClient loadBalancer,
			OAuth2AuthorizedClientManager authorizedClients) {
		this.serviceApiPaths = new java.util.LinkedHashMap<>();
		routes.active()
			.forEach((name, service) -> this.serviceApiPaths.put(name,
					service.apiPaths().stream().map(PathPatternParser.defaultInstance::parse).toList()));
		this.loadBalancer = loadBalancer;
		this.authorizedClients = authorizedClients;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
		HttpServletResponse servletResponse = ((ServletServerHttpResponse) response).getServletResponse();
		String path = request.getURI().getRawPath();
		String service = serviceOf(path);
		if (service == null) {
			response.setStatusCode(HttpStatus.NOT_FOUND);
			return false;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		String token;
		String sessionId = null;
		String signIn;
		if (caller instanceof JwtAuthenticationToken bearer) {
			token = bearer.getToken().getTokenValue();
			signIn = bearer.getToken().getClaimAsString(AccessTokens.SESSION_CLAIM);
		}
		else if (caller instanceof OAuth2AuthenticationToken browser) {
			HttpSession session = servletRequest.getSession(false);
			token = sessionToken(browser, servletRequest, servletResponse);
			if (session == null || token == null) {
				response.setStatusCode(HttpStatus.UNAUTHORIZED);
				return false;
			}
			sessionId = session.getId();
			signIn = AccessTokens.unverifiedSignIn(token);
		}
		else {
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			return false;
		}
		ServiceInstance instance = this.loadBalancer.choose(service);
		if (instance == null) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			return false;
		}
		attributes.put(LiveTarget.ATTRIBUTE,
				new LiveTarget(channel(instance.getUri(), request.getURI()), token, sessionId, signIn));
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	private @Nullable String serviceOf(String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (var entry : this.serviceApiPaths.entrySet()) {
			if (entry.getValue().stream().anyMatch((pattern) -> pattern.matches(container))) {
				return entry.getKey();
			}
		}
		return null;
	}

	/**
	 * The session's access token, renewed as for any relayed request; {@code null} when
	 * the session's sign-in is over (it is ended then, as the HTTP relay does).
	 */
	private @Nullable String sessionToken(OAuth2AuthenticationToken browser, HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest
			.withClientRegistrationId(browser.getAuthorizedClientRegistrationId())
			.principal(browser)
			.attribute(HttpServletRequest.class.getName(), request)
			.attribute(HttpServletResponse.class.getName(), response)
			.build();
		try {
			OAuth2AuthorizedClient client = this.authorizedClients.authorize(authorize);
			return (client != null) ? client.getAccessToken().getTokenValue() : null;
		}
		catch (OAuth2AuthorizationException ex) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			return null;
		}
	}

	/** The service's own path: the browser's without {@code /api}, on its instance. */
	static URI channel(URI instance, URI requested) {
		String scheme = "https".equals(instance.getScheme()) ? "wss" : "ws";
		String path = requested.getRawPath().substring("/api".length());
		String query = (requested.getRawQuery() != null) ? "?" + requested.getRawQuery() : "";
		return URI.create(scheme + "://" + instance.getRawAuthority() + path + query);
	}

}
