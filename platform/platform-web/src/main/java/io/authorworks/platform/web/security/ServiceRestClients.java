package io.authorworks.platform.web.security;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Builds {@link RestClient}s for calling other AuthorWorks services with this
 * deployable's client-credentials token. Tokens are cached and renewed shortly before
 * they expire by Spring Security's authorized-client manager.
 */
public class ServiceRestClients {

	/** The client registration id under which this deployable's own credentials live. */
	public static final String REGISTRATION_ID = "authorworks-service";

	private final RestClient.Builder builder;

	private final OAuth2ClientHttpRequestInterceptor interceptor;

	public ServiceRestClients(RestClient.Builder builder, OAuth2AuthorizedClientManager manager) {
		this.builder = builder;
		this.interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		this.interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION_ID);
	}

	/**
	 * A client for the service at {@code baseUrl} whose requests carry a service token.
	 */
	public RestClient forService(String baseUrl) {
		return this.builder.clone().baseUrl(baseUrl).requestInterceptor(this.interceptor).build();
	}

}
