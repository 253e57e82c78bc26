package io.authorworks.platform.web;

import java.util.List;

import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.PublicEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Makes every service's OpenAPI document say how each operation is secured and which
 * problem documents it can answer, from the same annotations the security chain reads,
 * and keeps what the chassis injects out of it: the {@link Caller} comes from the token,
 * never from the query.
 */
public final class OpenApiProblems implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

	static final String PROBLEM_SCHEMA = "Problem";

	static final String BEARER = "bearer";

	OpenApiProblems() {
		SpringDocUtils.getConfig()
			.addRequestWrapperToIgnore(Caller.class, Caller.User.class, Caller.Service.class)
			// A JSON value of any kind, not the accessors of Jackson's tree model.
			.replaceWithSchema(tools.jackson.databind.JsonNode.class, anyJson())
			.replaceWithSchema(com.fasterxml.jackson.databind.JsonNode.class, anyJson());
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents()
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token from the AuthorWorks authorization server."))
			.addSchemas(PROBLEM_SCHEMA, problemSchema());
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		boolean isPublic = AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), PublicEndpoint.class)
				|| AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), PublicEndpoint.class);
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ApiResponses responses = operation.getResponses();
		org.springframework.web.bind.annotation.RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(
				handlerMethod.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
		if (ResponseBodyEmitter.class.isAssignableFrom(handlerMethod.getReturnType().getParameterType())
				|| (mapping != null && List.of(mapping.produces())
					.contains(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE))) {
			streamed(responses);
		}
		for (ProblemResponse extra : AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
				ProblemResponse.class)) {
			responses.put(String.valueOf(extra.status()), problem(extra.description()));
		}
		if (operation.getParameters() != null) {
			// OpenAPI describes these through the media types and the security scheme.
			operation.getParameters()
				.removeIf((parameter) -> "header".equals(parameter.getIn())
						&& List.of("accept", "content-type", "authorization")
							.contains(parameter.getName().toLowerCase(java.util.Locale.ROOT)));
		}
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		if (parameters.stream().anyMatch((parameter) -> "path".equals(parameter.getIn()))) {
			responses.putIfAbsent("404", problem("Nothing by that id that the caller may see."));
		}
		if (parameters.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn()) && "If-Match".equals(parameter.getName()))) {
			responses.putIfAbsent("412", problem("`If-Match` names a version that is no longer current."));
			responses.putIfAbsent("428", problem("`If-Match` is required and missing."));
		}
		if (operation.getRequestBody() != null) {
			responses.putIfAbsent("413", problem("The body is larger than this service accepts."));
			responses.putIfAbsent("415", problem("The body is not of a media type this operation accepts."));
		}
		responses.putIfAbsent("400", problem("The request is malformed (bad JSON, wrong parameter types)."));
		responses.putIfAbsent("422", problem("The request is well formed but not valid; see `violations`."));
		responses.putIfAbsent("429", problem("Too many requests; see `Retry-After`."));
		responses.putIfAbsent("500", problem("Unexpected failure; quote `requestId`."));
		if (!isPublic) {
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			responses.putIfAbsent("401", problem("No token, or the token is invalid or expired."));
			responses.putIfAbsent("403", problem("The caller may not do this."));
			PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
					PreAuthorize.class);
			if (rule != null) {
				operation.addExtension("x-authorization", rule.value());
			}
		}
		else {
			operation.setSecurity(List.of());
		}
		return operation;
	}

	/**
	 * Any JSON value. The types are listed because springdoc makes a typeless schema an
	 * object.
	 */
	private static Schema<?> anyJson() {
		return new Schema<>()
			.types(new java.util.LinkedHashSet<>(List.of("object", "array", "string", "number", "boolean", "null")))
			.description("Any JSON value.");
	}

	/**
	 * Server-sent events: springdoc would describe the emitter object itself.
	 */
	private static void streamed(ApiResponses responses) {
		responses.forEach((code, response) -> {
			if (code.startsWith("2")) {
				response.content(new Content().addMediaType(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE,
						new MediaType().schema(new StringSchema()
							.description("Server-sent events: `event:`, `id:` and JSON `data:` lines."))));
			}
		});
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
	}

	@SuppressWarnings({ "rawtypes" })
	private static Schema problemSchema() {
		ObjectSchema schema = new ObjectSchema();
		schema.description("An RFC 9457 problem document.");
		// In the order RFC 9457 lists them, the same in every document this service
		// serves.
		schema.addProperty("type",
				new StringSchema().format("uri").example("https://authorworks.dev/problems/not-found"));
		schema.addProperty("title", new StringSchema());
		schema.addProperty("status", new IntegerSchema());
		schema.addProperty("detail", new StringSchema());
		schema.addProperty("instance", new StringSchema());
		schema.addProperty("requestId", new StringSchema());
		ObjectSchema violation = new ObjectSchema();
		violation.addProperty("field", new StringSchema());
		violation.addProperty("message", new StringSchema());
		schema.addProperty("violations", new io.swagger.v3.oas.models.media.ArraySchema().items(violation)
			.description("What is wrong with each field, on validation-failed."));
		// Some kinds add a purposeful field of their own (role-required names the role).
		schema.additionalProperties(true);
		schema.addRequiredItem("type");
		schema.addRequiredItem("title");
		schema.addRequiredItem("status");
		return schema;
	}

}
