package io.authorworks.gateway.routing;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The HTTP client the gateway proxies with. Plain HTTP/1.1: the JDK client's default
 * would offer every service an {@code h2c} upgrade it does not speak. The read timeout is
 * only a backstop; each service's own timeout applies until its answer starts.
 */
@Configuration(proxyBeanMethods = false)
class ServiceHttpClientConfiguration {

	@Bean
	ClientHttpRequestFactory serviceRequestFactory(
			@Value("${spring.http.clients.connect-timeout:2s}") Duration connectTimeout,
			@Value("${spring.http.clients.read-timeout:5m}") Duration readTimeout) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(readTimeout);
		return factory;
	}

}
