package io.authorworks.gateway.web;

import java.util.LinkedHashSet;
import java.util.Set;

import io.authorworks.gateway.routing.RoutingProperties;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The browsable API index: Swagger UI at {@code /api-docs} lists the gateway's own
 * document and, for each configured service, its document fetched through the route
 * {@code /api-docs/<service>}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	SmartInitializingSingleton serviceApiDocs(SwaggerUiConfigProperties swaggerUi, RoutingProperties routes) {
		return () -> {
			Set<SwaggerUrl> urls = new LinkedHashSet<>();
			routes.active()
				.keySet()
				.forEach((name) -> urls.add(new SwaggerUrl(name, "/api-docs/" + name, name + " service")));
			urls.add(new SwaggerUrl("gateway", "/v3/api-docs", "gateway (browser session)"));
			swaggerUi.setUrls(urls);
		};
	}

	@Bean
	OpenApiCustomizer gatewayApiDocument() {
		return (openApi) -> {
			openApi.info(new Info().title("AuthorWorks gateway")
				.version("1")
				.description("The web app's backend-for-frontend. Browsers sign in here and keep an HttpOnly "
						+ "session cookie; unsafe requests need the session's csrfToken (GET /bff/session) in the X-XSRF-TOKEN "
						+ "header. The services' APIs are under /api/<service> (see the other documents)."));
			Operation logout = new Operation().addTagsItem("Browser session")
				.summary("Sign out")
				.description("Ends the session, revokes its refresh token and signs out at the identity service. "
						+ "Needs the X-XSRF-TOKEN header. With Accept: application/json the answer is 200 with "
						+ "{\"redirectTo\": ...} for the web app to navigate to; otherwise a 302 there.")
				.addParametersItem(new Parameter().in("header")
					.name("X-XSRF-TOKEN")
					.required(true)
					.schema(new StringSchema())
					.description("The csrfToken of GET /bff/session."))
				.responses(new ApiResponses()
					.addApiResponse("200",
							new ApiResponse().description("Where to go to finish signing out.")
								.content(new Content().addMediaType("application/json",
										new MediaType().schema(new ObjectSchema().addProperty("redirectTo",
												new StringSchema().format("uri"))))))
					.addApiResponse("302", new ApiResponse().description("To the identity service's sign-out."))
					.addApiResponse("403", new ApiResponse().description("CSRF token missing or wrong.")));
			openApi.path("/bff/logout", new PathItem().post(logout));
		};
	}

}
