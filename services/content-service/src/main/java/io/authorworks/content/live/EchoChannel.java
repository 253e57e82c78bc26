package io.authorworks.content.live;

import java.util.LinkedHashMap;
import java.util.Map;

import io.authorworks.platform.web.live.LiveChannel;
import io.authorworks.platform.web.security.Caller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A channel at {@code /content/live/echo} that answers each text message with
 * {@code {"userId": ..., "message": ...}}: the id is the one in the token checked at the
 * upgrade, so a test sees that the gateway relayed the right person. Off unless
 * {@code authorworks.web.live.echo-enabled} is true.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("authorworks.web.live.echo-enabled")
class EchoChannel {

	static final String PATH = "/content/live/echo";

	@Bean
	LiveChannel liveEchoChannel() {
		return new LiveChannel(PATH, new Echo());
	}

	static final class Echo extends TextWebSocketHandler {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			if (!(LiveChannel.caller(session) instanceof Caller.User)) {
				session.close(CloseStatus.POLICY_VIOLATION.withReason("The echo answers signed-in users only"));
			}
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
			Caller.User user = (Caller.User) LiveChannel.caller(session);
			Map<String, Object> echo = new LinkedHashMap<>();
			echo.put("userId", user.id().toString());
			echo.put("message", message.getPayload());
			session.sendMessage(new TextMessage(JSON.writeValueAsString(echo)));
		}

	}

}
