package io.authorworks.lib.storyai.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.offline.OfflineGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Picks the provider and model for a step: the step's own route
 * ({@code authorworks.ai.models.<step>}), else the {@code default} route, else the
 * fallback routes in order, taking the first whose provider is configured; the offline
 * provider when none is. So a cheap model can summarise and a strong one write prose, and
 * a machine with no keys still works.
 */
public final class ModelRouter {

	private static final ModelRoute OFFLINE = new ModelRoute(OfflineGenerator.PROVIDER, OfflineGenerator.MODEL);

	private final Map<String, String> models;

	private final List<String> fallback;

	private final Generators generators;

	public ModelRouter(Map<String, String> models, List<String> fallback, Generators generators) {
		Map<String, String> normalized = new HashMap<>();
		// Environment variables bind AUTHORWORKS_AI_MODELS_CHAPTER_PROSE as
		// "chapter.prose".
		models.forEach((key, route) -> normalized.put(key.toLowerCase(Locale.ROOT).replaceAll("[._]", "-"), route));
		this.models = Map.copyOf(normalized);
		this.fallback = List.copyOf(fallback);
		this.generators = generators;
		candidates(null).forEach(ModelRoute::parse);
	}

	public ModelRoute route(Step step) {
		for (String candidate : candidates(step)) {
			ModelRoute route = ModelRoute.parse(candidate);
			if (this.generators.has(route.provider())) {
				return route;
			}
		}
		return OFFLINE;
	}

	private List<String> candidates(@Nullable Step step) {
		List<String> candidates = new ArrayList<>();
		if (step != null && this.models.containsKey(step.key())) {
			candidates.add(this.models.get(step.key()));
		}
		if (step == null) {
			candidates.addAll(this.models.values());
		}
		if (this.models.containsKey("default")) {
			candidates.add(this.models.get("default"));
		}
		this.fallback.stream().filter((route) -> !route.isBlank()).forEach(candidates::add);
		return candidates;
	}

}
