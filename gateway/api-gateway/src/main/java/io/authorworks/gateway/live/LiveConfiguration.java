package io.authorworks.gateway.live;

import java.util.Map;

import io.authorworks.gateway.bff.EdgeProperties;
import io.authorworks.gateway.routing.RoutingProperties;
import io.authorworks.platform.web.security.EndedSessions;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.SessionRepository;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.ServletWebSocketHandlerRegistry;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;

/**
 * The route family for live channels, {@code /api/<service>/live/**}: the browser's
 * WebSocket ends here and is relayed to {@code /<service>/live/**} on one of the
 * service's instances (Spring WebSocket on Tomcat's container, both ways). The upgrade
 * passes the same security chains as the service's HTTP API (a session or a bearer
 * token), then must come from this origin or a configured one, and then gets its token
 * and instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

	/** Where live channels are, for every service in the route table. */
	static final String PATHS = "/api/*/live/**";

	/** Tomcat's client: how long the opening handshake with a service may take. */
	private static final String IO_TIMEOUT = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

	@Bean
	LiveConnections liveConnections(LiveProperties live, SessionRepository<?> sessions,
			ObjectProvider<EndedSessions> endedSignIns) {
		return new LiveConnections(live.maxConnectionsPerSession(), live.sessionCheckInterval(), sessions,
				endedSignIns.getIfAvailable());
	}

	/** Signing out through this gateway closes the session's live connections at once. */
	@Bean
	LogoutHandler closeLiveConnectionsOnSignOut(LiveConnections connections) {
		return (request, response, authentication) -> {
			HttpSession session = request.getSession(false);
			if (session != null) {
				connections.signedOut(session.getId());
			}
		};
	}

	@Bean
	LiveRelay liveRelay(LiveProperties live, LiveConnections connections) {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		int size = Math.toIntExact(live.maxMessageSize().toBytes());
		container.setDefaultMaxTextMessageBufferSize(size);
		container.setDefaultMaxBinaryMessageBufferSize(size);
		container.setDefaultMaxSessionIdleTimeout(live.idleTimeout().toMillis());
		StandardWebSocketClient client = new StandardWebSocketClient(container);
		client.setUserProperties(Map.of(IO_TIMEOUT, String.valueOf(live.connectTimeout().toMillis())));
		SimpleAsyncTaskExecutor connecting = new SimpleAsyncTaskExecutor("live-connect-");
		connecting.setVirtualThreads(true);
		client.setTaskExecutor(connecting);
		return new LiveRelay(client, connections, live.connectTimeout(), live.sendTimeLimit(), live.sendBufferLimit());
	}

	@Bean
	WebSocketConfigurer liveRoutes(LiveRelay relay, RoutingProperties routes, LoadBalancerClient loadBalancer,
			OAuth2AuthorizedClientManager authorizedClients, EdgeProperties edge) {
		String[] origins = edge.allowedOrigins().toArray(String[]::new);
		return (registry) -> {
			// Before the gateway's HTTP routes, which would otherwise take the upgrade
			// for
			// an ordinary request to the same path.
			((ServletWebSocketHandlerRegistry) registry).setOrder(-10);
			// The origin first: a foreign page learns nothing and renews no token.
			registry.addHandler(relay, PATHS)
				.addInterceptors(new OriginHandshakeInterceptor(edge.allowedOrigins()),
						new LiveHandshake(routes, loadBalancer, authorizedClients))
				.setAllowedOrigins(origins);
		};
	}

	/** The limits of the browser's side, in Tomcat's server container. */
	@Bean
	ServletServerContainerFactoryBean liveServerContainer(LiveProperties live) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int size = Math.toIntExact(live.maxMessageSize().toBytes());
		container.setMaxTextMessageBufferSize(size);
		container.setMaxBinaryMessageBufferSize(size);
		container.setMaxSessionIdleTimeout(live.idleTimeout().toMillis());
		return container;
	}

}
