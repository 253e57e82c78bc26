package io.authorworks.platform.web.live;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Serves a deployable's {@link LiveChannel} beans over WebSocket (Spring WebSocket on
 * Tomcat's container), with the message size and idle limits of {@link LiveProperties}.
 * Deployables without channels get nothing.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebSocketConfigurer.class)
@ConditionalOnBean(LiveChannel.class)
@EnableConfigurationProperties(LiveProperties.class)
@EnableWebSocket
public class LiveChannelsAutoConfiguration {

	@Bean
	WebSocketConfigurer liveChannels(List<LiveChannel> channels) {
		return (registry) -> channels.forEach((channel) -> registry.addHandler(channel.handler(), channel.path()));
	}

	@Bean
	@ConditionalOnMissingBean
	ServletServerContainerFactoryBean liveChannelContainer(LiveProperties live) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int size = Math.toIntExact(live.maxMessageSize().toBytes());
		container.setMaxTextMessageBufferSize(size);
		container.setMaxBinaryMessageBufferSize(size);
		container.setMaxSessionIdleTimeout(live.idleTimeout().toMillis());
		return container;
	}

}
