package io.authorworks.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import io.authorworks.platform.core.InputText;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
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

	private static final JsonFactory JSON = new JsonFactory();

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = message.getHeaders().getContentType();
		if (type == null) {
			return message;
		}
		boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		boolean text = "text".equals(type.getType());
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
		// Jackson's own duplicate detection reports only a message; tracking the keys
		// of each open object here names the field.
		Deque<Set<String>> objects = new ArrayDeque<>();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), decoded)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				switch (token) {
					case START_OBJECT -> objects.push(new HashSet<>());
					case END_OBJECT -> objects.pop();
					case PROPERTY_NAME -> {
						String name = parser.currentName();
						refuseDefect(path(parser.streamReadContext().getParent()), name);
						if (!objects.element().add(name)) {
							throw new ProblemException(ProblemType.MALFORMED_BODY, "Field '"
									+ path(parser.streamReadContext()) + "' appears more than once; send it once.");
						}
					}
					case VALUE_STRING -> refuseDefect(path(parser.streamReadContext()), parser.getString());
					default -> {
					}
				}
			}
		}
		catch (StreamReadException ex) {
			// Not JSON: the JSON converter reports that, as it does for every body.
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
