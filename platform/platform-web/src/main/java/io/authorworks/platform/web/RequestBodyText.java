package io.authorworks.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.authorworks.platform.core.InputText;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks the text of every JSON and {@code text/*} request body before any converter or
 * controller sees it, so the same input is refused the same way on every path: bytes that
 * are not text in the declared charset (UTF-8 by default), a JSON object with the same
 * key twice, and any string, key or text body that {@link InputText} refuses. Other
 * bodies (files, forms) pass untouched.
 */
@ControllerAdvice
public class RequestBodyText extends RequestBodyAdviceAdapter {

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = message.getHeaders().getContentType();
		boolean json = type != null
				&& (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
		boolean text = type != null && "text".equals(type.getType());
		if (!json && !text) {
			return message;
		}
		byte[] body = message.getBody().readAllBytes();
		check(body, type, json);
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}
		};
	}

	/**
	 * Refuses a body that is not acceptable text.
	 * @throws ProblemException a {@code 400} for bytes that are not text or a repeated
	 * key, a {@code 422} naming the field for a string {@link InputText} refuses
	 */
	static void check(byte[] body, MediaType type, boolean json) {
		Charset charset = (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		String decoded;
		try {
			decoded = InputText.decode(body, charset);
		}
		catch (CharacterCodingException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"The request body is not " + charset.name() + " text; send it encoded as " + charset.name() + ".");
		}
		if (!json) {
			refuseDefect("body", decoded);
			return;
		}
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), decoded)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.PROPERTY_NAME) {
					refuseDefect(path(parser.streamReadContext().getParent()), parser.currentName());
				}
				else if (token == JsonToken.VALUE_STRING) {
					refuseDefect(path(parser.streamReadContext()), parser.getString());
				}
			}
		}
		catch (StreamReadException ex) {
			String message = (ex.getOriginalMessage() != null) ? ex.getOriginalMessage() : "";
			if (message.startsWith("Duplicate Object property")) {
				throw new ProblemException(ProblemType.MALFORMED_BODY,
						"Field '"
								+ path(ex.processor() instanceof JsonParser parser ? parser.streamReadContext() : null)
								+ "' appears more than once; send each field once.");
			}
			// Any other syntax error is the JSON converter's to report, as for every
			// body.
		}
	}

	private static void refuseDefect(String field, @Nullable String value) {
		String defect = (value != null) ? InputText.defect(value) : null;
		if (defect != null) {
			throw new InvalidRequestException(field, defect);
		}
	}

	/**
	 * The field a parser is at, as violations name it: {@code links.site},
	 * {@code genres[0]}.
	 */
	private static String path(@Nullable TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inArray()) {
				path.insert(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
			}
			else if (at.currentName() != null) {
				path.insert(0, (path.isEmpty() || path.charAt(0) == '[') ? at.currentName() : at.currentName() + ".");
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
