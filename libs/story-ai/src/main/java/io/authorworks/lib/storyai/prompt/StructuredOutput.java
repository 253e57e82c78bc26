package io.authorworks.lib.storyai.prompt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.SceneBeat;
import io.authorworks.lib.storyai.story.ScenePlan;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.StyleGuide;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON that the bible, outline and chapter-plan steps ask for, tolerating what
 * models actually send: prose or Markdown fences around the object, comments, trailing
 * commas, single quotes, a list given as one comma-separated string, and an answer cut
 * off by the output limit (open strings, arrays and objects are closed). The result is
 * validated; an {@link Parsed.Invalid} tells the caller to fall back.
 */
public final class StructuredOutput {

	private static final JsonMapper LENIENT = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
				JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
				JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	private StructuredOutput() {
	}

	public static Parsed<StoryBible> bible(String raw) {
		return read(raw, (json) -> {
			List<StoryCharacter> characters = new ArrayList<>();
			for (JsonNode node : json.path("characters")) {
				String name = text(node, "name");
				if (!name.isBlank()) {
					characters.add(new StoryCharacter(name, list(node.path("aliases")), text(node, "role"),
							text(node, "description"), list(node.path("traits")), text(node, "arc")));
				}
			}
			if (characters.isEmpty()) {
				throw new IllegalArgumentException("The bible names no characters.");
			}
			List<Location> locations = new ArrayList<>();
			for (JsonNode node : json.path("locations")) {
				if (!text(node, "name").isBlank()) {
					locations
						.add(new Location(text(node, "name"), list(node.path("aliases")), text(node, "description")));
				}
			}
			List<LoreItem> lore = new ArrayList<>();
			for (JsonNode node : json.path("lore")) {
				if (!text(node, "name").isBlank()) {
					lore.add(new LoreItem(text(node, "name"), list(node.path("aliases")), text(node, "description")));
				}
			}
			JsonNode style = json.path("style");
			return new StoryBible(text(json, "title"), text(json, "premise"), text(json, "synopsis"),
					list(json.path("genres")), text(json, "tone"), new StyleGuide(text(style, "pointOfView"),
							text(style, "tense"), text(style, "voice"), text(style, "samplePassage")),
					characters, locations, lore, text(json, "notes"));
		});
	}

	/**
	 * Reads an outline. Chapters are renumbered 1…n in the order given; fewer chapters
	 * than asked for is invalid, more are cut.
	 */
	public static Parsed<Outline> outline(String raw, int expectedChapters) {
		return read(raw, (json) -> {
			JsonNode chapters = json.isArray() ? json : json.path("chapters");
			List<ChapterOutline> result = new ArrayList<>();
			for (JsonNode node : chapters) {
				if (result.size() == expectedChapters) {
					break;
				}
				String title = text(node, "title");
				if (title.isBlank()) {
					continue;
				}
				List<SceneBeat> beats = new ArrayList<>();
				JsonNode beatNodes = node.has("beats") ? node.path("beats") : node.path("scenes");
				for (JsonNode beat : beatNodes) {
					if (beat.isString()) {
						beats.add(new SceneBeat("", beat.asString()));
					}
					else {
						beats.add(new SceneBeat(text(beat, "title"), text(beat, "description")));
					}
				}
				result
					.add(new ChapterOutline(result.size() + 1, title, text(node, "summary"), beats, text(node, "pov")));
			}
			if (result.size() < expectedChapters) {
				throw new IllegalArgumentException("The outline has " + result.size() + " usable chapters, "
						+ expectedChapters + " were asked for.");
			}
			return new Outline(text(json, "structure"), result);
		});
	}

	public static Parsed<ChapterPlan> chapterPlan(String raw, int number, String title) {
		return read(raw, (json) -> {
			List<ScenePlan> scenes = new ArrayList<>();
			for (JsonNode node : json.isArray() ? json : json.path("scenes")) {
				String sceneTitle = text(node, "title");
				String goal = text(node, "goal");
				if (sceneTitle.isBlank() && goal.isBlank()) {
					continue;
				}
				scenes.add(new ScenePlan(sceneTitle, text(node, "pov"), text(node, "location"),
						list(node.path("characters")), goal, text(node, "conflict"), text(node, "outcome")));
			}
			if (scenes.isEmpty()) {
				throw new IllegalArgumentException("The plan has no scenes.");
			}
			String planTitle = text(json, "title");
			return new ChapterPlan(number, planTitle.isBlank() ? title : planTitle, scenes);
		});
	}

	private static <T> Parsed<T> read(String raw, Function<JsonNode, T> mapper) {
		List<String> repairs = new ArrayList<>();
		String json = extract(raw, repairs);
		if (json == null) {
			return new Parsed.Invalid<>("The answer contains no JSON object.");
		}
		JsonNode tree;
		try {
			tree = LENIENT.readTree(json);
		}
		catch (JacksonException ex) {
			String closed = close(json);
			if (closed.equals(json)) {
				return new Parsed.Invalid<>("The answer is not valid JSON.");
			}
			try {
				tree = LENIENT.readTree(closed);
				repairs.add("closed a truncated answer");
			}
			catch (JacksonException again) {
				return new Parsed.Invalid<>("The answer is not valid JSON.");
			}
		}
		try {
			return new Parsed.Valid<>(mapper.apply(tree), repairs);
		}
		catch (IllegalArgumentException ex) {
			return new Parsed.Invalid<>(String.valueOf(ex.getMessage()));
		}
	}

	/** The JSON value inside the answer, without fences or surrounding prose. */
	static @Nullable String extract(String raw, List<String> repairs) {
		String text = raw.strip();
		int fence = text.indexOf("```");
		if (fence >= 0) {
			int start = text.indexOf('\n', fence);
			int end = text.indexOf("```", start + 1);
			if (start > 0) {
				text = (end > start) ? text.substring(start + 1, end) : text.substring(start + 1);
				repairs.add("removed a Markdown fence");
			}
		}
		int object = text.indexOf('{');
		int array = text.indexOf('[');
		int start = (object < 0) ? array : (array < 0) ? object : Math.min(object, array);
		if (start < 0) {
			return null;
		}
		if (start > 0) {
			repairs.add("removed text before the JSON");
		}
		int end = matchingEnd(text, start);
		if (end < 0) {
			return text.substring(start);
		}
		if (end < text.strip().length() - 1) {
			repairs.add("removed text after the JSON");
		}
		return text.substring(start, end + 1);
	}

	/**
	 * Index of the bracket closing the one at {@code start}, or -1 if the text ends
	 * first.
	 */
	private static int matchingEnd(String text, int start) {
		int depth = 0;
		boolean inString = false;
		char quote = 0;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					inString = false;
				}
			}
			else if (c == '"' || c == '\'') {
				inString = true;
				quote = c;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				if (--depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	/** Closes what a cut-off answer left open: a string, then arrays and objects. */
	static String close(String json) {
		Deque<Character> open = new ArrayDeque<>();
		boolean inString = false;
		char quote = 0;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					inString = false;
				}
			}
			else if (c == '"' || c == '\'') {
				inString = true;
				quote = c;
			}
			else if (c == '{') {
				open.push('}');
			}
			else if (c == '[') {
				open.push(']');
			}
			else if ((c == '}' || c == ']') && !open.isEmpty()) {
				open.pop();
			}
		}
		StringBuilder closed = new StringBuilder(json.stripTrailing());
		if (inString) {
			closed.append(quote);
		}
		// A dangling "key": or trailing comma cannot be closed meaningfully: drop it.
		String trimmed = closed.toString().replaceAll("(,\\s*\"[^\"]*\"\\s*:?\\s*|,\\s*|:\\s*)$", "");
		closed = new StringBuilder(trimmed);
		while (!open.isEmpty()) {
			closed.append(open.pop());
		}
		return closed.toString();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString()) {
			return value.asString().strip();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		if (value.isArray()) {
			return String.join(", ", list(value));
		}
		return "";
	}

	/** A list of strings, also from one comma-separated string. */
	private static List<String> list(JsonNode value) {
		List<String> values = new ArrayList<>();
		if (value.isString()) {
			for (String part : value.asString().split("[,;]")) {
				if (!part.isBlank()) {
					values.add(part.strip());
				}
			}
		}
		else if (value.isArray()) {
			for (JsonNode item : value) {
				String text = item.isString() ? item.asString() : item.path("name").asString("");
				if (!text.isBlank()) {
					values.add(text.strip());
				}
			}
		}
		return values;
	}

}
