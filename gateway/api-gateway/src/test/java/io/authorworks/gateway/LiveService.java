package io.authorworks.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's live channel for the gateway tests, on a Tomcat of its own:
 * {@code /messaging/live/echo} answers each text message with the subject of the bearer
 * token it was opened with and the message, and a message {@code close:<code>} makes it
 * close with that code. It records the tokens it was opened with and the closes it saw.
 */
final class LiveService implements AutoCloseable {

	static final String PATH = "/messaging/live/echo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AUTHORIZATION = "authorization";

	final ConcurrentLinkedDeque<String> authorizations = new ConcurrentLinkedDeque<>();

	final ConcurrentLinkedDeque<CloseReason> closes = new ConcurrentLinkedDeque<>();

	private final Tomcat tomcat = new Tomcat();

	private final Connector connector = new Connector();

	LiveService() {
		try {
			Path base = Files.createTempDirectory("authorworks-live-service-");
			this.tomcat.setBaseDir(base.toString());
			this.connector.setPort(0);
			this.connector.setProperty("address", "127.0.0.1");
			this.tomcat.setConnector(this.connector);
			Context context = this.tomcat.addContext("", base.toString());
			context.addServletContainerInitializer(new WsSci(), null);
			// Tomcat's WebSocket filter runs only for requests that map to a servlet.
			Tomcat.addServlet(context, "default", new HttpServlet() {
			});
			context.addServletMappingDecoded("/", "default");
			this.tomcat.start();
			ServerContainer container = (ServerContainer) context.getServletContext()
				.getAttribute(ServerContainer.class.getName());
			container
				.addEndpoint(ServerEndpointConfig.Builder.create(Echo.class, PATH).configurator(new Opening()).build());
		}
		catch (IOException | LifecycleException | jakarta.websocket.DeploymentException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.connector.getLocalPort();
	}

	@Override
	public void close() {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Keeps the handshake's Authorization header for the connection it opens. */
	private final class Opening extends ServerEndpointConfig.Configurator {

		@Override
		public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
			List<String> authorization = request.getHeaders().getOrDefault("Authorization", List.of());
			config.getUserProperties().put(AUTHORIZATION, authorization.isEmpty() ? "" : authorization.getFirst());
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getEndpointInstance(Class<T> endpointClass) {
			return (T) new Echo(LiveService.this);
		}

	}

	static final class Echo extends Endpoint {

		private final LiveService service;

		Echo(LiveService service) {
			this.service = service;
		}

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			String authorization = String.valueOf(config.getUserProperties().get(AUTHORIZATION));
			this.service.authorizations.add(authorization);
			String subject = subjectOf(authorization);
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) (text) -> {
				try {
					if (text.startsWith("close:")) {
						session.close(new CloseReason(
								CloseReason.CloseCodes.getCloseCode(Integer.parseInt(text.substring(6))),
								"closed by the service"));
						return;
					}
					session.getBasicRemote()
						.sendText(JSON.writeValueAsString(Map.of("userId", subject, "message", text)));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

		@Override
		public void onClose(Session session, CloseReason reason) {
			this.service.closes.add(reason);
		}

		private static String subjectOf(String authorization) {
			try {
				return JWTParser.parse(authorization.replaceFirst("^Bearer ", "")).getJWTClaimsSet().getSubject();
			}
			catch (ParseException ex) {
				return "";
			}
		}

	}

}
