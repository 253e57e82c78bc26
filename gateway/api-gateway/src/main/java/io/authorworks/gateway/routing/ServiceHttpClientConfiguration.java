package io.authorworks.gateway.routing;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The HTTP client the gateway proxies with: Apache HttpClient's classic (blocking) client
 * over a connection pool. A proxied call then runs on the request's own virtual thread
 * from start to end, where the JDK client hands every exchange to its selector thread and
 * back; under load that hand-off cost the gateway more CPU than the proxying itself.
 * <p>
 * The client is transparent, as a proxy must be: it keeps no cookies, follows no
 * redirects and does not decompress (the caller gets the service's encoding). It repeats
 * only a read whose kept-alive connection the service had closed
 * ({@link StaleConnectionRetry}); never a write (a retried autosave could be applied
 * twice). A response the caller left before its end drops its connection
 * ({@link AbortingRequestFactory}), so a service streaming an answer learns at once that
 * nobody listens. The read timeout is only a backstop; each service's own timeout applies
 * until its answer starts.
 */
@Configuration(proxyBeanMethods = false)
class ServiceHttpClientConfiguration {

	/** The pooled connections to the services, kept alive between requests. */
	@Bean
	PoolingHttpClientConnectionManager serviceConnections(
			@Value("${spring.http.clients.connect-timeout:2s}") Duration connectTimeout,
			@Value("${spring.http.clients.read-timeout:5m}") Duration readTimeout,
			@Value("${authorworks.gateway.max-connections-per-service:512}") int maxPerService) {
		return PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnPerRoute(maxPerService)
			.setMaxConnTotal(maxPerService * 8)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(connectTimeout))
				.setSocketTimeout(Timeout.of(readTimeout))
				// A kept-alive connection the service closed meanwhile is found out
				// before the request is written, not by failing it.
				.setValidateAfterInactivity(TimeValue.ofSeconds(2))
				.build())
			.build();
	}

	@Bean
	CloseableHttpClient serviceHttpClient(PoolingHttpClientConnectionManager serviceConnections) {
		return HttpClients.custom()
			.setConnectionManager(serviceConnections)
			.disableCookieManagement()
			.disableRedirectHandling()
			.disableContentCompression()
			.setRetryStrategy(new StaleConnectionRetry())
			.disableAuthCaching()
			.disableConnectionState()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	@Bean
	ClientHttpRequestFactory serviceRequestFactory(CloseableHttpClient serviceHttpClient) {
		return new AbortingRequestFactory(new HttpComponentsClientHttpRequestFactory(serviceHttpClient));
	}

}
