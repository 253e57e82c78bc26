package io.authorworks.platform.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How every service reads a JSON request body: a value must already have the type of its
 * field. Jackson's defaults would store {@code 123} or {@code true} as the text
 * {@code "123"}, cut {@code 1.5} to {@code 1}, read {@code "5"} as a number and drop
 * unknown fields; here each is a {@code 400} naming the field. Only request bodies are
 * read this strictly: responses from other services and stored JSON keep Boot's tolerant
 * mapper, so a service may add fields without breaking its readers.
 */
public final class StrictJson {

	private StrictJson() {
	}

	/** Makes the builder's mapper refuse values of the wrong type and unknown fields. */
	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * Swaps the server's JSON converter for one whose mapper is the configured one made
	 * strict, after Boot has set it up, so naming, inclusion and modules stay as they
	 * are.
	 */
	static WebMvcConfigurer requestBodies() {
		return new WebMvcConfigurer() {
			@Override
			public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
				builder.configureMessageConvertersList((converters) -> converters.replaceAll((converter) -> {
					// Exactly this class: subclasses such as Spring Data's projecting
					// converter do other jobs and keep their place.
					if (converter.getClass() == JacksonJsonHttpMessageConverter.class
							&& converter instanceof JacksonJsonHttpMessageConverter json) {
						return new JacksonJsonHttpMessageConverter(configure(json.getMapper().rebuild()).build());
					}
					return converter;
				}));
			}
		};
	}

}
