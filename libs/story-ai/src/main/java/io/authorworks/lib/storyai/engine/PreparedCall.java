package io.authorworks.lib.storyai.engine;

import java.util.List;

import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.cost.Quote;

/**
 * A generation ready to run: routed, prompted and quoted. A job can store the quote and
 * ask the author before calling {@link ContentAi#run}.
 *
 * @param task what was asked for
 * @param route the provider and model that will serve it
 * @param request the exact request that will be sent
 * @param templateId the prompt template and version, for provenance
 * @param quote estimated tokens and cost
 * @param contextTrims what the context assembler cut to fit the budget
 */
public record PreparedCall(GenerationTask task, ModelRoute route, GenerationRequest request, String templateId,
		Quote quote, List<String> contextTrims) {

	public PreparedCall {
		contextTrims = List.copyOf(contextTrims);
	}

}
