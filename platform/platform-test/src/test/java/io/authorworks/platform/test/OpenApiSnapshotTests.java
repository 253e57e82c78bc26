package io.authorworks.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed copy of a service's OpenAPI document stays byte for byte the same while
 * the API does, and any change in the API fails until the copy is refreshed.
 */
class OpenApiSnapshotTests {

	static final JsonNode SERVED = ApiContract.JSON.readTree("""
			{"servers": [{"url": "http://127.0.0.1:54321"}], "openapi": "3.1.0",
			 "paths": {"/books": {"get": {"responses": {"200": {"description": "OK"}}}}},
			 "components": {"schemas": {"Book": {"type": "object", "required": ["title", "id"],
			   "properties": {"title": {"type": "string"}, "id": {"type": "string"}}}}}}
			""");

	@TempDir
	Path folder;

	@Test
	void theCommittedFormHasSortedKeysAndNoServers() {
		String canonical = OpenApiSnapshot.canonical(SERVED);
		assertThat(canonical).doesNotContain("servers").endsWith("}\n");
		assertThat(canonical.indexOf("\"components\"")).isLessThan(canonical.indexOf("\"openapi\""));
		assertThat(canonical.indexOf("\"id\": {")).isLessThan(canonical.indexOf("\"title\": {"));
		assertThat(canonical).contains("\"required\": [\n          \"title\",\n          \"id\"\n        ]");
		JsonNode reordered = ApiContract.JSON.readTree("""
				{"components": {"schemas": {"Book": {"properties": {"id": {"type": "string"},
				   "title": {"type": "string"}}, "required": ["title", "id"], "type": "object"}}},
				 "openapi": "3.1.0", "servers": [{"url": "http://localhost:8081"}],
				 "paths": {"/books": {"get": {"responses": {"200": {"description": "OK"}}}}}}
				""");
		assertThat(OpenApiSnapshot.canonical(reordered)).isEqualTo(canonical);
	}

	@Test
	void aChangedApiFailsNamingTheDifferencesAndTheRefreshCommand() throws IOException {
		Path file = this.folder.resolve("openapi.json");
		Files.writeString(file, OpenApiSnapshot.canonical(SERVED));
		JsonNode changed = SERVED.deepCopy();
		((ObjectNode) changed.at("/components/schemas/Book/properties/title")).put("type", "integer");
		((ObjectNode) changed.at("/components/schemas/Book/properties")).putObject("a/b").put("type", "string");

		assertThatThrownBy(
				() -> OpenApiSnapshot.assertCommitted(changed, file, "services/x-service", getClass(), false))
			.hasMessageContaining("services/x-service/openapi.json is not the OpenAPI document the service serves")
			.hasMessageContaining("/components/schemas/Book/properties/title/type: \"string\" -> \"integer\"")
			.hasMessageContaining("/components/schemas/Book/properties/a~1b: added {\"type\":\"string\"}")
			.hasMessageContaining("-pl services/x-service -am test -Dtest=OpenApiSnapshotTests")
			.hasMessageContaining("-Dopenapi.write=true");
		assertThatNoException()
			.isThrownBy(() -> OpenApiSnapshot.assertCommitted(SERVED, file, "services/x-service", getClass(), false));
	}

	@Test
	void aMissingCopyFails() {
		assertThatThrownBy(() -> OpenApiSnapshot.assertCommitted(SERVED, this.folder.resolve("openapi.json"),
				"services/x-service", getClass(), false))
			.hasMessageContaining("the file does not exist");
	}

	@Test
	void writingRefreshesTheCopySoTheNextComparisonPasses() throws IOException {
		Path file = this.folder.resolve("openapi.json");
		Files.writeString(file, "{}\n");

		OpenApiSnapshot.assertCommitted(SERVED, file, "services/x-service", getClass(), true);

		assertThat(Files.readString(file)).isEqualTo(OpenApiSnapshot.canonical(SERVED));
		assertThatNoException()
			.isThrownBy(() -> OpenApiSnapshot.assertCommitted(SERVED, file, "services/x-service", getClass(), false));
	}

}
