package io.authorworks.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.platform.test.RawHttp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation that the services document, through the gateway, with input no
 * correct client sends: wrong JSON types, NUL and control characters, lone surrogates,
 * invalid UTF-8, duplicate keys, truncated JSON, oversize values, broken percent-encoding
 * and raw reserved characters in the URL. Each answer must be a 4xx
 * {@code application/problem+json}, and afterwards the author's account, book and chapter
 * read exactly as before.
 *
 * <p>
 * The mutations are drawn from a seeded generator; the seed is printed and can be fixed
 * with {@code -Dfuzz.seed=...} to replay a failure.
 */
class ApiFuzzIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NUL = "a\u0000b";

	private static final String OVERSIZE = "x".repeat(10_000);

	/** Stands for a lone surrogate, which is written into the JSON text escaped. */
	private static final String LONE_SURROGATE = "@lone-surrogate@";

	private final RunningPlatform platform = RunningPlatform.get();

	private final RawHttp http = new RawHttp(this.platform.publicUrl());

	private final List<String> failures = new ArrayList<>();

	private int requests;

	@Test
	void everyDocumentedOperationRefusesMalformedInputAndChangesNothing() throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		Accounts.Account account = Accounts.signUpAndVerify(this.platform, "Fuzz");
		String token = Accounts.accessToken(this.platform, account);
		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		Fixture fixture = fixture(auth, account);
		Map<String, String> before = snapshot(auth, fixture);

		int operations = 0;
		for (String service : List.of("users", "content")) {
			JsonNode document = document(service);
			for (var path : document.get("paths").properties()) {
				for (var operation : path.getValue().properties()) {
					operations++;
					fuzz(document, operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
							operation.getValue(), fixture, auth, random);
				}
			}
		}

		assertThat(operations).as("documented operations walked").isGreaterThan(40);
		assertThat(this.failures)
			.as("seed %d: answers that were not a 4xx problem (of %d requests)", seed, this.requests)
			.isEmpty();
		assertThat(snapshot(auth, fixture)).as("seed %d: what the author has, after the fuzzing", seed)
			.isEqualTo(before);
	}

	private void fuzz(JsonNode document, String method, String template, JsonNode operation, Fixture fixture,
			Map<String, String> auth, Random random) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		Map<String, String> pathValues = new LinkedHashMap<>();
		Map<String, String> headerValues = new LinkedHashMap<>(auth);
		for (JsonNode parameter : parameters) {
			String name = parameter.get("name").asString();
			switch (parameter.get("in").asString()) {
				case "path" -> pathValues.put(name, fixture.pathValue(name));
				case "header" -> {
					if (name.equalsIgnoreCase("If-Match")) {
						headerValues.put(name, "*");
					}
				}
				default -> {
				}
			}
		}
		List<Body> bodies = bodies(document, operation);
		@Nullable Body body = bodies.isEmpty() ? null : bodies.getFirst();
		String label = method + " " + template;

		// The path: each parameter broken in turn, the others valid.
		for (String name : pathValues.keySet()) {
			for (String broken : List.of("%00", "%zz", "%", "a%01b", OVERSIZE,
					pick(random, "|", "[", "{", "^", "`", "\"", "<", "\\"), "a%2Fb")) {
				Map<String, String> values = new LinkedHashMap<>(pathValues);
				values.put(name, broken);
				expectProblem(label + " path " + name + "=" + RawHttp.abbreviate(broken), method,
						"/api" + expand(template, values), headerValues, body, random);
			}
			if (isUuid(document, operation, name)) {
				Map<String, String> values = new LinkedHashMap<>(pathValues);
				values.put(name, "not-a-uuid");
				expectProblem(label + " path " + name + " not a UUID", method, "/api" + expand(template, values),
						headerValues, body, random);
			}
		}
		String target = "/api" + expand(template, pathValues);

		// The query: documented parameters with values no caller may send, and a query
		// that cannot be decoded at all.
		for (JsonNode parameter : parameters) {
			if (!parameter.get("in").asString().equals("query")) {
				continue;
			}
			String name = parameter.get("name").asString();
			List<String> broken = new ArrayList<>(List.of("a%00b", "a%07b", "%zz", "%", OVERSIZE));
			if (typeOf(document, parameter.get("schema")).equals("integer")) {
				broken.addAll(List.of("abc", "1.5", "99999999999999999999"));
			}
			for (String value : broken) {
				expectProblem(label + " query " + name + "=" + RawHttp.abbreviate(value), method,
						target + "?" + name + "=" + value, headerValues, body, random);
			}
		}
		for (String query : List.of("%zz", "a=%", "%=%", "a=%e4%zz")) {
			expectProblem(label + " query " + query, method, target + "?" + query, headerValues, body, random);
		}

		// Headers the operation documents, oversize.
		for (JsonNode parameter : parameters) {
			if (parameter.get("in").asString().equals("header")) {
				Map<String, String> headers = new LinkedHashMap<>(headerValues);
				headers.put(parameter.get("name").asString(), OVERSIZE);
				expectProblem(label + " header " + parameter.get("name").asString() + " oversize", method, target,
						headers, body, random);
			}
		}

		// The body: each property with a wrong type or text no field accepts, then the
		// document itself broken.
		for (Body each : bodies) {
			for (byte[] broken : each.mutations(random)) {
				expectProblem(
						label + " " + each.mediaType + " body "
								+ RawHttp.abbreviate(new String(broken, StandardCharsets.UTF_8)),
						method, target, headerValues, new Body(each.mediaType, broken, each.schema), random);
			}
		}
	}

	private void expectProblem(String label, String method, String target, Map<String, String> headers,
			@Nullable Body body, Random random) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Accept", "application/json");
		// Each request from an address of its own, as the gateway sees it, so that no
		// per-address budget is what answers.
		all.put("X-Forwarded-For", Accounts.testNetAddress());
		if (body != null) {
			all.putIfAbsent("Content-Type", body.mediaType);
		}
		RawHttp.Response response = sendPaced(method, target, all, (body != null) ? body.bytes() : null);
		this.requests++;
		String type = String.valueOf(response.header("Content-Type"));
		if (response.status() < 400 || response.status() >= 500 || !type.startsWith("application/problem+json")
				|| !(method.equals("HEAD") || isProblem(response.body()))) {
			this.failures.add(label + " → " + response.status() + " " + type + " "
					+ RawHttp.abbreviate(response.body().replace('\n', ' ')));
		}
	}

	/**
	 * Sends, waiting out the signed-in caller's API budget whenever it runs out: an
	 * answer from the rate limiter says nothing about the input, so it is never what is
	 * checked.
	 */
	private RawHttp.Response sendPaced(String method, String target, Map<String, String> headers,
			byte @Nullable [] body) {
		long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
		int resets = 0;
		while (true) {
			RawHttp.Response response;
			try {
				response = this.http.send(method, target, headers, body);
			}
			catch (java.io.UncheckedIOException ex) {
				// A server that refuses a request before reading all of it (Tomcat, on an
				// oversize header) closes the connection with bytes unread, and TCP may
				// then reset it before its answer is read; the answer is asked for again.
				if (++resets > 5) {
					throw ex;
				}
				continue;
			}
			String retryAfter = response.header("Retry-After");
			if (response.status() != 429 || retryAfter == null) {
				return response;
			}
			assertThat(System.nanoTime()).as("still rate limited after two minutes: %s %s", method, target)
				.isLessThan(giveUpAt);
			try {
				Thread.sleep(Math.max(1, Math.min(60, Long.parseLong(retryAfter))) * 1000L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static boolean isProblem(String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			return problem.isObject() && problem.path("status").isInt() && problem.path("title").isString();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private JsonNode document(String service) {
		RawHttp.Response response = this.http.send("GET", "/api-docs/" + service, Map.of("Accept", "application/json"),
				null);
		assertThat(response.status()).as("the %s document", service).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** A book with a chapter and a character, owned by the signed-in author. */
	private Fixture fixture(Map<String, String> auth, Accounts.Account account) {
		String book = id(call(auth, "POST", "/api/content/books",
				"{\"title\": \"Fuzzed\", \"description\": \"Stays as it is.\", \"genres\": [\"fantasy\"]}"));
		String chapter = id(call(auth, "POST", "/api/content/books/" + book + "/chapters",
				"{\"title\": \"One\", \"content\": \"The first line.\"}"));
		String character = id(call(auth, "POST", "/api/content/books/" + book + "/bible/characters",
				"{\"name\": \"Ida\", \"role\": \"protagonist\"}"));
		return new Fixture(book, chapter, character, account.username());
	}

	/** What the author has, read through the gateway. */
	private Map<String, String> snapshot(Map<String, String> auth, Fixture fixture) {
		Map<String, String> state = new LinkedHashMap<>();
		String book = "/api/content/books/" + fixture.book;
		for (String path : List.of("/api/users/me", "/api/users/me/preferences", "/api/content/books", book,
				book + "/chapters", book + "/chapters/" + fixture.chapter, book + "/bible", book + "/bible/characters",
				book + "/members", "/api/content/series", "/api/content/generation/jobs")) {
			RawHttp.Response response = sendPaced("GET", path,
					Map.of("Authorization", auth.get("Authorization"), "Accept", "application/json"), null);
			state.put(path, response.status() + " " + response.body());
		}
		return state;
	}

	private RawHttp.Response call(Map<String, String> auth, String method, String path, String json) {
		return sendPaced(method, path, Map.of("Authorization", auth.get("Authorization"), "Accept", "application/json",
				"Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
	}

	private static String id(RawHttp.Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return OidcTestClient.json(created.body()).get("id").asString();
	}

	private static String expand(String template, Map<String, String> values) {
		String path = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		return path;
	}

	private static boolean isUuid(JsonNode document, JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return "uuid".equals(resolve(document, parameter.path("schema")).path("format").asString(""));
			}
		}
		return false;
	}

	private static String typeOf(JsonNode document, JsonNode schema) {
		return resolve(document, schema).path("type").asString("object");
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	/** A valid body for each media type the operation takes that this test can write. */
	private static List<Body> bodies(JsonNode document, JsonNode operation) {
		JsonNode content = operation.path("requestBody").path("content");
		List<Body> bodies = new ArrayList<>();
		if (content.has("application/json")) {
			JsonNode schema = resolveDeep(document, content.get("application/json").get("schema"), 0);
			bodies.add(new Body("application/json", JSON.writeValueAsBytes(Body.example(schema)), schema));
		}
		if (content.has("text/markdown")) {
			bodies.add(new Body("text/markdown; charset=UTF-8", "# Title\n\nText.".getBytes(StandardCharsets.UTF_8),
					null));
		}
		return bodies;
	}

	/** The schema with references replaced by their targets, to a small depth. */
	private static JsonNode resolveDeep(JsonNode document, JsonNode schema, int depth) {
		JsonNode resolved = resolve(document, schema);
		if (depth > 4 || !resolved.isObject()) {
			return resolved;
		}
		ObjectNode copy = ((ObjectNode) resolved).deepCopy();
		if (copy.has("properties")) {
			ObjectNode properties = JSON.createObjectNode();
			copy.get("properties")
				.properties()
				.forEach((p) -> properties.set(p.getKey(), resolveDeep(document, p.getValue(), depth + 1)));
			copy.set("properties", properties);
		}
		if (copy.has("items")) {
			copy.set("items", resolveDeep(document, copy.get("items"), depth + 1));
		}
		return copy;
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	/**
	 * A request body: its media type, and for JSON the schema its mutations start from.
	 */
	private record Body(String mediaType, byte[] bytes, @Nullable JsonNode schema) {

		List<byte[]> mutations(Random random) {
			List<byte[]> broken = new ArrayList<>();
			if (this.schema == null) {
				// Text: invalid UTF-8, a NUL, a lone surrogate written as UTF-8 would
				// have it.
				broken.add(new byte[] { '#', ' ', (byte) 0xC3, (byte) 0x28, '\n' });
				broken.add(("# Title\n\n" + NUL).getBytes(StandardCharsets.UTF_8));
				broken.add(new byte[] { 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b' });
				return broken;
			}
			if (this.schema.has("properties")) {
				ObjectNode valid = (ObjectNode) example(this.schema);
				for (var property : this.schema.get("properties").properties()) {
					ObjectNode copy = valid.deepCopy();
					copy.set(property.getKey(), wrong(property.getValue(), random));
					broken.add(utf8(JSON.writeValueAsString(copy).replace(LONE_SURROGATE, "\\ud800")));
				}
				String first = this.schema.get("properties").propertyNames().iterator().next();
				String json = JSON.writeValueAsString(valid);
				broken.add(utf8(
						"{\"" + first + "\": " + JSON.writeValueAsString(valid.get(first)) + ", " + json.substring(1)));
				broken.add(utf8("[]"));
				broken.add(utf8(json.substring(0, json.length() / 2)));
				return broken;
			}
			// Any JSON value (a preference): text no value may hold, and broken
			// documents.
			broken.add(utf8("{\"a\": \"a\\u0000b\"}"));
			broken.add(utf8("\"a\\u0000b\""));
			broken.add(utf8("\"\\ud800\""));
			broken.add(new byte[] { '"', (byte) 0xC3, (byte) 0x28, '"' });
			broken.add(utf8("{\"a\": 1, \"a\": 2}"));
			broken.add(utf8("{\"a\": "));
			return broken;
		}

		private static byte[] utf8(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

		/** A value of the schema's shape. */
		private static JsonNode example(JsonNode schema) {
			return switch (schema.path("type").asString("object")) {
				case "string" -> JSON.getNodeFactory()
					.stringNode(schema.has("enum") ? schema.get("enum").get(0).asString() : "Fuzz");
				case "integer" -> JSON.getNodeFactory().numberNode(1);
				case "number" -> JSON.getNodeFactory().numberNode(1.0);
				case "boolean" -> JSON.getNodeFactory().booleanNode(true);
				case "array" -> JSON.createArrayNode();
				default -> {
					ObjectNode object = JSON.createObjectNode();
					schema.path("properties")
						.properties()
						.forEach((p) -> object.set(p.getKey(), example(p.getValue())));
					yield object;
				}
			};
		}

		/** A value no field of this schema accepts. */
		private static JsonNode wrong(JsonNode schema, Random random) {
			return switch (schema.path("type").asString("object")) {
				case "string" -> pick(random, JSON.getNodeFactory().numberNode(123),
						JSON.getNodeFactory().booleanNode(true), JSON.createArrayNode().add(1),
						JSON.getNodeFactory().stringNode(NUL), JSON.getNodeFactory().stringNode(LONE_SURROGATE));
				case "integer" -> pick(random, JSON.getNodeFactory().numberNode(1.5),
						JSON.getNodeFactory().stringNode("1"), JSON.getNodeFactory().booleanNode(true),
						JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999")));
				case "number" -> JSON.getNodeFactory().stringNode("1.5");
				case "boolean" ->
					pick(random, JSON.getNodeFactory().stringNode("true"), JSON.getNodeFactory().numberNode(1));
				case "array" -> {
					ArrayNode items = JSON.createArrayNode();
					JsonNode itemSchema = schema.path("items");
					items.add(wrong(itemSchema.isMissingNode() ? JSON.createObjectNode() : itemSchema, random));
					yield pick(random, JSON.getNodeFactory().stringNode("a"), items);
				}
				default -> pick(random, JSON.getNodeFactory().stringNode("a"), JSON.getNodeFactory().numberNode(1));
			};
		}

	}

	/** The resources the path parameters name. */
	private record Fixture(String book, String chapter, String character, String username) {

		String pathValue(String name) {
			return switch (name) {
				case "bookId", "ownerId" -> this.book;
				case "chapterId" -> this.chapter;
				case "entryId" -> this.character;
				case "scope" -> "books";
				case "collection" -> "characters";
				case "number" -> "1";
				case "format" -> "epub";
				case "key" -> "theme";
				case "username" -> this.username;
				default -> UUID.randomUUID().toString();
			};
		}

	}

}
