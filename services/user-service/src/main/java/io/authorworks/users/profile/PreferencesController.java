package io.authorworks.users.profile;

import java.util.Map;
import java.util.Set;

import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Preferences: validated key → JSON value pairs ({@code theme}, {@code editor.fontSize},
 * {@code ai.provider}, …). Known keys have a shape; other keys are accepted when they are
 * small.
 */
@RestController
@RequestMapping("/users/me/preferences")
@Tag(name = "Preferences")
class PreferencesController {

	private static final String KEY = "[a-z][a-z0-9-]{0,31}(\\.[a-z][a-zA-Z0-9-]{0,31}){0,3}";

	private static final Set<String> THEMES = Set.of("light", "dark", "system");

	private static final int MAX_VALUE_BYTES = 4096;

	private static final int MAX_KEYS = 100;

	private final Preferences preferences;

	private final ObjectMapper mapper;

	PreferencesController(Preferences preferences, ObjectMapper mapper) {
		this.preferences = preferences;
		this.mapper = mapper;
	}

	@GetMapping
	@Operation(summary = "All your preferences")
	Map<String, JsonNode> all(Caller.User user) {
		return this.preferences.all(user.id());
	}

	@PutMapping("/{key}")
	@Operation(summary = "Set one preference", description = "The body is the JSON value.")
	ResponseEntity<Map<String, JsonNode>> put(Caller.User user, @PathVariable String key, @RequestBody JsonNode value) {
		validate(key, value);
		if (this.preferences.countOthers(user.id(), key) >= MAX_KEYS) {
			throw new InvalidRequestException(key, "You can keep at most " + MAX_KEYS + " preferences.");
		}
		this.preferences.put(user.id(), key, value);
		return ResponseEntity.ok(Map.of(key, value));
	}

	@DeleteMapping("/{key}")
	@Operation(summary = "Forget one preference")
	@ApiResponse(responseCode = "204", description = "Forgotten.")
	ResponseEntity<Void> delete(Caller.User user, @PathVariable String key) {
		if (!this.preferences.delete(user.id(), key)) {
			throw new NotFoundException("You have no preference '" + key + "'.");
		}
		return ResponseEntity.noContent().build();
	}

	void validate(String key, JsonNode value) {
		if (!key.matches(KEY)) {
			throw new InvalidRequestException("key",
					"Name preferences with dotted lower-case words, e.g. 'editor.fontSize'.");
		}
		if (this.mapper.writeValueAsBytes(value).length > MAX_VALUE_BYTES) {
			throw new InvalidRequestException(key, "Keep a preference under 4 KB.");
		}
		switch (key) {
			case "theme" -> {
				if (!value.isString() || !THEMES.contains(value.asString())) {
					throw new InvalidRequestException(key, "Use \"light\", \"dark\" or \"system\".");
				}
			}
			case "editor.fontSize" -> {
				if (!value.isIntegralNumber() || value.asInt() < 10 || value.asInt() > 32) {
					throw new InvalidRequestException(key, "Use a whole number from 10 to 32.");
				}
			}
			case "ai.provider", "ai.model" -> {
				if (!value.isString() || value.asString().isBlank() || value.asString().length() > 100) {
					throw new InvalidRequestException(key, "Use a name of up to 100 characters.");
				}
			}
			default -> {
			}
		}
	}

}
