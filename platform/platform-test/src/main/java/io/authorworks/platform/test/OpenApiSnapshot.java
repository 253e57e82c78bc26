package io.authorworks.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as committed to the repository, so that what is generated
 * from it (the web app's TypeScript types) changes only in a reviewed commit. A service
 * test compares the document the running service serves with the committed copy and fails
 * on any difference, or rewrites the copy when run with {@code -Dopenapi.write=true}. The
 * copy has sorted keys, two-space indents and no {@code servers} (which the request's
 * host and port decide), so it changes only when the API does.
 */
public final class OpenApiSnapshot {

	/** The system property that rewrites the committed copy instead of comparing. */
	public static final String WRITE = "openapi.write";

	/** The committed copy's name, in the service module's folder. */
	public static final String FILE = "openapi.json";

	private static final int MAX_LISTED = 25;

	private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
		.withObjectNameValueSpacing(Separators.Spacing.AFTER)
		.withObjectEmptySeparator("")
		.withArrayEmptySeparator("")).withObjectIndenter(new DefaultIndenter("  ", "\n"))
		.withArrayIndenter(new DefaultIndenter("  ", "\n"));

	private OpenApiSnapshot() {
	}

	/** The document in its committed form: keys sorted, no servers, a final newline. */
	public static String canonical(JsonNode document) {
		JsonNode sorted = sorted(document);
		if (sorted instanceof ObjectNode object) {
			object.remove("servers");
		}
		return ApiContract.JSON.writer().with(PRINTER).writeValueAsString(sorted) + "\n";
	}

	/**
	 * Fails unless {@code module}'s committed copy (its {@value #FILE}, read from the
	 * working directory, which Maven sets to the module's folder) is {@code document},
	 * naming the differences and the command that refreshes the copy; with
	 * {@code -Dopenapi.write=true} writes the copy instead.
	 * @param document the document the service serves
	 * @param module the module's folder from the repository root, for the message
	 * @param test the test class that calls this, for the message
	 */
	public static void assertCommitted(JsonNode document, String module, Class<?> test) {
		assertCommitted(document, Path.of(FILE), module, test, Boolean.getBoolean(WRITE));
	}

	static void assertCommitted(JsonNode document, Path file, String module, Class<?> test, boolean write) {
		String served = canonical(document);
		String committed = Files.exists(file) ? read(file) : null;
		if (served.equals(committed)) {
			return;
		}
		if (write) {
			try {
				Files.writeString(file, served, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		List<String> differences = (committed != null)
				? differences(ApiContract.JSON.readTree(committed), ApiContract.JSON.readTree(served))
				: List.of("the file does not exist");
		throw new AssertionError(module + "/" + FILE + " is not the OpenAPI document the service serves ("
				+ differences.size() + " differences, committed -> served):\n  "
				+ String.join("\n  ", differences.subList(0, Math.min(MAX_LISTED, differences.size())))
				+ ((differences.size() > MAX_LISTED) ? "\n  …" : "")
				+ "\nIf the API change is intended, refresh it with\n" + "  ./mvnw -pl " + module + " -am test -Dtest="
				+ test.getSimpleName() + " -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true\n"
				+ "then regenerate the web app's types with `npm run gen:api` in web/ and commit both.");
	}

	/** JSON pointers where the two documents differ, with what each side holds. */
	static List<String> differences(JsonNode committed, JsonNode served) {
		List<String> differences = new ArrayList<>();
		compare(sorted(committed), sorted(served), "", differences);
		return differences;
	}

	private static void compare(JsonNode committed, JsonNode served, String at, List<String> differences) {
		if (committed.isObject() && served.isObject()) {
			Set<String> names = new TreeSet<>(committed.propertyNames());
			names.addAll(served.propertyNames());
			for (String name : names) {
				String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!committed.has(name)) {
					differences.add(pointer + ": added " + brief(served.get(name)));
				}
				else if (!served.has(name)) {
					differences.add(pointer + ": removed " + brief(committed.get(name)));
				}
				else {
					compare(committed.get(name), served.get(name), pointer, differences);
				}
			}
		}
		else if (!committed.equals(served)) {
			differences.add(at + ": " + brief(committed) + " -> " + brief(served));
		}
	}

	private static String brief(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 120) + "…" : text;
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = JsonNodeFactory.instance.objectNode();
			for (String name : new TreeSet<>(node.propertyNames())) {
				sorted.set(name, sorted(node.get(name)));
			}
			return sorted;
		}
		if (node.isArray()) {
			ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> sorted.add(sorted(item)));
			return sorted;
		}
		return node;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
