package io.authorworks.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A client of one service that knows only what the service's own OpenAPI document says.
 * Every request it sends must be one the document describes (operation, parameters, media
 * type and body schema), every answer must be one the document lists for that operation
 * (status, media type and body schema, with no undocumented fields), and at the end every
 * documented operation must have been called both as documented and with a request the
 * service must refuse. So the document cannot drift from the API: a new endpoint without
 * a contract call, a status the document does not list, or a field it does not name fails
 * the test.
 */
public final class ApiContract {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DOCUMENT = "https://contract.authorworks.test/openapi.json";

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final JsonNode document;

	private final SchemaRegistry schemas;

	private final Map<String, Operation> operations = new LinkedHashMap<>();

	private final Set<String> calledAsDocumented = new TreeSet<>();

	private final Set<String> calledWrongly = new TreeSet<>();

	private final List<String> violations = new ArrayList<>();

	private ApiContract(String base, String document) {
		this.base = base;
		this.document = JSON.readTree(document);
		this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				(builder) -> builder.schemas(Map.of(DOCUMENT, document))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		JsonNode paths = this.document.path("paths");
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				if (METHODS.contains(method)) {
					Operation operation = new Operation(method.toUpperCase(Locale.ROOT), path,
							paths.get(path).get(method));
					this.operations.put(operation.key(), operation);
				}
			}
		}
	}

	/** Reads the document the service at {@code base} publishes at /v3/api-docs. */
	public static ApiContract of(String base) {
		HttpResponse<String> response = send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new AssertionError("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
		}
		return new ApiContract(base, response.body());
	}

	/** A contract over a document at hand, for the service at {@code base}. */
	public static ApiContract of(String base, String document) {
		return new ApiContract(base, document);
	}

	/** The document as the service published it. */
	public JsonNode document() {
		return this.document;
	}

	/** Every documented operation, as {@code METHOD /path/{template}}. */
	public Set<String> operations() {
		return new TreeSet<>(this.operations.keySet());
	}

	/**
	 * A request to a documented operation, such as {@code call("POST
	 * /content/books/{bookId}/chapters")}.
	 */
	public Call call(String operation) {
		Operation documented = this.operations.get(operation);
		if (documented == null) {
			throw new AssertionError("The document has no operation " + operation + "; it has " + operations());
		}
		return new Call(documented);
	}

	/**
	 * Fails unless every request and answer so far matched the document and every
	 * documented operation was called as documented and with a request it must refuse;
	 * names every difference at once.
	 */
	public void assertEveryOperationCovered() {
		Set<String> notCalled = new TreeSet<>(this.operations.keySet());
		notCalled.removeAll(this.calledAsDocumented);
		Set<String> neverRefused = new TreeSet<>(this.operations.keySet());
		neverRefused.removeAll(this.calledWrongly);
		List<String> failures = new ArrayList<>(this.violations);
		if (!notCalled.isEmpty() || !neverRefused.isEmpty()) {
			failures.add("Documented operations the contract test does not cover:\n  never called as documented: "
					+ notCalled + "\n  never called with a request it must refuse: " + neverRefused);
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " differences between the document and the service:\n"
					+ String.join("\n", failures));
		}
	}

	/**
	 * For every operation that needs a token, a call without one must answer the
	 * documented {@code 401} problem; for every public operation with a UUID in its path,
	 * a value that is no UUID must answer the documented {@code 400} problem.
	 */
	public void assertEveryOperationRefusesWhatItMust() {
		for (Operation operation : this.operations.values()) {
			Call call = new Call(operation).wrong();
			boolean secured = operation.definition.path("security").size() > 0;
			boolean anyId = false;
			for (JsonNode parameter : operation.parameters()) {
				if ("path".equals(parameter.path("in").asString())) {
					boolean uuid = "uuid".equals(schemaOf(parameter).path("format").asString(""));
					anyId |= uuid;
					call.path(parameter.get("name").asString(),
							(uuid && !secured) ? "not-a-uuid" : sample(schemaOf(parameter)));
				}
			}
			if (!secured && !anyId) {
				continue;
			}
			Exchange answer = call.send();
			int expected = secured ? 401 : 400;
			if (answer.status() != expected) {
				this.violations.add(operation.key() + " answered " + answer + " where " + expected + " was due ("
						+ (secured ? "no token" : "a path id that is no UUID") + ")");
			}
		}
	}

	private JsonNode schemaOf(JsonNode parameter) {
		return resolve(parameter.path("schema"));
	}

	private static String sample(JsonNode schema) {
		if ("uuid".equals(schema.path("format").asString(""))) {
			return "00000000-0000-7000-8000-000000000000";
		}
		return switch (schema.path("type").asString("string")) {
			case "integer", "number" -> "1";
			case "boolean" -> "true";
			default -> schema.path("enum").isArray() ? schema.path("enum").get(0).asString() : "x";
		};
	}

	JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 20 && current.has("$ref"); i++) {
			current = this.document.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}

	private static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String pointer(String... tokens) {
		StringBuilder pointer = new StringBuilder();
		for (String token : tokens) {
			pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
		}
		return pointer.toString();
	}

	/** One documented operation. */
	private record Operation(String method, String path, JsonNode definition) {

		String key() {
			return this.method + " " + this.path;
		}

		/**
		 * The parameters, less the headers that OpenAPI says to ignore as parameters
		 * (Accept, Content-Type and Authorization are described elsewhere).
		 */
		List<JsonNode> parameters() {
			List<JsonNode> all = new ArrayList<>();
			for (JsonNode parameter : this.definition.path("parameters")) {
				if (!("header".equals(parameter.path("in").asString())
						&& IGNORED_HEADERS.contains(parameter.path("name").asString("").toLowerCase(Locale.ROOT)))) {
					all.add(parameter);
				}
			}
			return all;
		}

	}

	/** A request being put together; {@link #send()} checks it against the document. */
	public final class Call {

		private final Operation operation;

		private final Map<String, String> pathValues = new LinkedHashMap<>();

		private final Map<String, List<String>> query = new LinkedHashMap<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte @Nullable [] body;

		private @Nullable String contentType;

		private boolean wrong;

		private Call(Operation operation) {
			this.operation = operation;
		}

		public Call path(String name, Object value) {
			this.pathValues.put(name, String.valueOf(value));
			return this;
		}

		public Call query(String name, Object value) {
			this.query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(String.valueOf(value));
			return this;
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Call bearer(@Nullable String token) {
			if (token != null) {
				this.headers.put("Authorization", "Bearer " + token);
			}
			return this;
		}

		/** A JSON body: a string is sent as it is, anything else is serialized. */
		public Call json(Object value) {
			return body("application/json", (value instanceof String text) ? text : JSON.writeValueAsString(value));
		}

		public Call body(String contentType, String text) {
			return body(contentType, text.getBytes(StandardCharsets.UTF_8));
		}

		public Call body(String contentType, byte[] bytes) {
			this.contentType = contentType;
			this.body = bytes;
			return this;
		}

		/**
		 * Marks the request as one the service must refuse: it is sent even where it
		 * breaks the document, and the answer must be a documented 4xx problem.
		 */
		public Call wrong() {
			this.wrong = true;
			return this;
		}

		/** Sends the request and checks the answer against the document. */
		public Exchange send() {
			HttpResponse<byte[]> response = ApiContract.send(ApiContract.this.http, request(),
					HttpResponse.BodyHandlers.ofByteArray());
			Exchange exchange = new Exchange(this.operation.key(), response.statusCode(), response.headers().map(),
					response.body());
			check(exchange, true);
			return exchange;
		}

		/**
		 * Sends the request and checks only the status and media type of the answer, then
		 * hangs up: for event streams that stay open.
		 */
		public Exchange open() {
			HttpResponse<InputStream> response = ApiContract.send(ApiContract.this.http, request(),
					HttpResponse.BodyHandlers.ofInputStream());
			Exchange exchange = new Exchange(this.operation.key(), response.statusCode(), response.headers().map(),
					new byte[0]);
			try {
				response.body().close();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			check(exchange, false);
			return exchange;
		}

		private HttpRequest request() {
			List<String> violations = this.wrong ? new ArrayList<>() : checkRequest();
			if (!violations.isEmpty()) {
				ApiContract.this.violations.add(this.operation.key() + ": the request breaks the document:\n  "
						+ String.join("\n  ", violations));
			}
			String path = this.operation.path();
			for (Map.Entry<String, String> value : this.pathValues.entrySet()) {
				path = path.replace("{" + value.getKey() + "}",
						URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
			}
			StringBuilder uri = new StringBuilder(ApiContract.this.base).append(path);
			String separator = "?";
			for (Map.Entry<String, List<String>> parameter : this.query.entrySet()) {
				for (String value : parameter.getValue()) {
					uri.append(separator)
						.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
						.append('=')
						.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
					separator = "&";
				}
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
				.timeout(Duration.ofSeconds(60))
				.method(this.operation.method(), (this.body != null) ? HttpRequest.BodyPublishers.ofByteArray(this.body)
						: HttpRequest.BodyPublishers.noBody());
			if (this.contentType != null) {
				request.header("Content-Type", this.contentType);
			}
			this.headers.forEach(request::header);
			return request.build();
		}

		private List<String> checkRequest() {
			List<String> violations = new ArrayList<>();
			Set<String> pathNames = new TreeSet<>();
			Set<String> queryNames = new TreeSet<>();
			for (JsonNode parameter : this.operation.parameters()) {
				String name = parameter.get("name").asString();
				String in = parameter.get("in").asString();
				boolean required = parameter.path("required").asBoolean(false);
				JsonNode schema = resolve(parameter.path("schema"));
				List<String> values = switch (in) {
					case "path" -> {
						pathNames.add(name);
						yield (this.pathValues.containsKey(name)) ? List.of(this.pathValues.get(name)) : List.of();
					}
					case "query" -> {
						queryNames.add(name);
						yield this.query.getOrDefault(name, List.of());
					}
					case "header" -> headerValue(name).map(List::of).orElse(List.of());
					default -> List.of();
				};
				if (required && values.isEmpty()) {
					violations.add("required " + in + " parameter '" + name + "' is missing");
				}
				for (String value : values) {
					validateParameter(name, in, value, parameter, violations);
				}
				if ("object".equals(schema.path("type").asString("")) && !values.isEmpty()) {
					violations.add(in + " parameter '" + name + "' is an object");
				}
			}
			Set<String> undocumentedPath = new TreeSet<>(this.pathValues.keySet());
			undocumentedPath.removeAll(pathNames);
			Set<String> undocumentedQuery = new TreeSet<>(this.query.keySet());
			undocumentedQuery.removeAll(queryNames);
			if (!undocumentedPath.isEmpty()) {
				violations.add("undocumented path parameters " + undocumentedPath);
			}
			if (!undocumentedQuery.isEmpty()) {
				violations.add("undocumented query parameters " + undocumentedQuery);
			}
			JsonNode requestBody = this.operation.definition().path("requestBody");
			if (this.body == null) {
				if (requestBody.path("required").asBoolean(false)) {
					violations.add("the request body is required");
				}
				return violations;
			}
			if (requestBody.isMissingNode()) {
				violations.add("the operation documents no request body");
				return violations;
			}
			String mediaType = mediaTypeIn(requestBody.path("content"), this.contentType);
			if (mediaType == null) {
				violations.add("Content-Type " + this.contentType + " is not one of "
						+ requestBody.path("content").propertyNames());
				return violations;
			}
			if (isJson(mediaType)) {
				String at = pointer("paths", this.operation.path(), this.operation.method().toLowerCase(Locale.ROOT),
						"requestBody", "content", mediaType, "schema");
				violations.addAll(validate(at, JSON.readTree(this.body)));
			}
			return violations;
		}

		private void validateParameter(String name, String in, String value, JsonNode parameter,
				List<String> violations) {
			JsonNode schema = resolve(parameter.path("schema"));
			JsonNode instance = switch (schema.path("type").asString("string")) {
				case "integer" -> {
					try {
						yield JsonNodeFactory.instance.numberNode(Long.parseLong(value));
					}
					catch (NumberFormatException ex) {
						yield JsonNodeFactory.instance.stringNode(value);
					}
				}
				case "boolean" -> ("true".equals(value) || "false".equals(value))
						? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value))
						: JsonNodeFactory.instance.stringNode(value);
				default -> JsonNodeFactory.instance.stringNode(value);
			};
			String at = pointer("paths", this.operation.path(), this.operation.method().toLowerCase(Locale.ROOT));
			int index = 0;
			while (this.operation.definition().path("parameters").get(index) != parameter) {
				index++;
			}
			for (String error : validate(at + "/parameters/" + index + "/schema", instance)) {
				violations.add(in + " parameter '" + name + "'=" + value + ": " + error);
			}
		}

		private Optional<String> headerValue(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue)
				.findFirst();
		}

		private void check(Exchange exchange, boolean withBody) {
			List<String> violations = checkResponse(exchange, withBody);
			if (this.wrong) {
				if (exchange.status() < 400 || exchange.status() >= 500) {
					violations.add("a request the service must refuse answered " + exchange.status());
				}
			}
			else if (exchange.status() >= 500) {
				violations.add("a documented request answered " + exchange.status());
			}
			if (!violations.isEmpty()) {
				ApiContract.this.violations
					.add(this.operation.key() + " answered " + exchange + "\n  " + String.join("\n  ", violations));
				return;
			}
			(this.wrong ? ApiContract.this.calledWrongly : ApiContract.this.calledAsDocumented)
				.add(this.operation.key());
		}

		private List<String> checkResponse(Exchange exchange, boolean withBody) {
			List<String> violations = new ArrayList<>();
			JsonNode responses = this.operation.definition().path("responses");
			String code = String.valueOf(exchange.status());
			String documented = responses.has(code) ? code : responses.has(code.charAt(0) + "XX")
					? code.charAt(0) + "XX" : responses.has("default") ? "default" : null;
			if (documented == null) {
				violations
					.add("status " + code + " is not documented; the document lists " + responses.propertyNames());
				return violations;
			}
			JsonNode content = resolve(responses.get(documented)).path("content");
			String type = exchange.header("Content-Type").orElse(null);
			boolean hasBody = !withBody || exchange.body().length > 0;
			if (!hasBody || exchange.status() == 204) {
				if (exchange.body().length > 0) {
					violations.add("a " + code + " must have no body");
				}
				if (content.size() > 0 && exchange.status() != 204) {
					violations.add("the document promises a body " + content.propertyNames() + " but there is none");
				}
				return violations;
			}
			if (content.isEmpty()) {
				violations.add("the document lists no body for " + code + " but there is one of type " + type);
				return violations;
			}
			String mediaType = mediaTypeIn(content, type);
			if (mediaType == null) {
				violations.add("Content-Type " + type + " is not one of " + content.propertyNames());
				return violations;
			}
			if (withBody && isJson(mediaType)) {
				String at = pointer("paths", this.operation.path(), this.operation.method().toLowerCase(Locale.ROOT),
						"responses", documented, "content", mediaType, "schema");
				violations.addAll(validate(at, exchange.json()));
			}
			return violations;
		}

	}

	/**
	 * Validates an instance against the schema at a JSON pointer into the document, and
	 * also refuses fields the schema does not name: a document that does not list a field
	 * does not describe it.
	 */
	List<String> validate(String pointer, JsonNode instance) {
		Schema schema = this.schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
		List<String> violations = new ArrayList<>();
		for (Error error : schema.validate(instance)) {
			violations.add(error.getInstanceLocation() + ": " + error.getMessage());
		}
		undocumentedFields(this.document.at(pointer), instance, "$", violations);
		return violations;
	}

	private void undocumentedFields(JsonNode schemaAt, JsonNode instance, String where, List<String> violations) {
		JsonNode schema = resolve(schemaAt);
		if (instance.isObject()) {
			JsonNode properties = schema.path("properties");
			if (properties.isObject() && !schema.has("additionalProperties") && !schema.has("patternProperties")) {
				for (String field : instance.propertyNames()) {
					if (!properties.has(field)) {
						violations.add(where + "." + field + ": the schema does not name this field");
					}
				}
			}
			for (String field : instance.propertyNames()) {
				JsonNode fieldSchema = properties.has(field) ? properties.get(field)
						: schema.path("additionalProperties");
				if (fieldSchema.isObject()) {
					undocumentedFields(fieldSchema, instance.get(field), where + "." + field, violations);
				}
			}
		}
		else if (instance.isArray() && schema.path("items").isObject()) {
			Iterator<JsonNode> items = instance.iterator();
			for (int i = 0; items.hasNext(); i++) {
				undocumentedFields(schema.get("items"), items.next(), where + "[" + i + "]", violations);
			}
		}
	}

	private static @Nullable String mediaTypeIn(JsonNode content, @Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
		for (String documented : content.propertyNames()) {
			String plain = documented.split(";")[0].trim().toLowerCase(Locale.ROOT);
			if (plain.equals(type)) {
				return documented;
			}
		}
		return null;
	}

	private static boolean isJson(String mediaType) {
		return JSON_TYPES.matcher(mediaType).matches();
	}

	private static final Pattern JSON_TYPES = Pattern.compile("application/([a-z.+-]+\\+)?json(;.*)?");

	/** One request and its answer. */
	public record Exchange(String operation, int status, Map<String, List<String>> headers, byte[] body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
				.map((header) -> header.getValue().get(0))
				.findFirst();
		}

		@Override
		public String toString() {
			String text = text();
			return this.status + " " + header("Content-Type").orElse("") + " "
					+ ((text.length() > 500) ? text.substring(0, 500) + "…" : text);
		}

	}

}
