package io.authorworks.lib.storyai.context;

import java.util.List;

/**
 * A chapter prompt that fits its budget.
 *
 * @param system the system prompt
 * @param user the user prompt
 * @param estimatedTokens the estimate of both together, never above the budget
 * @param characters the characters included, by name
 * @param locations the locations included
 * @param lore the lore items included
 * @param trims what was cut to fit, in the order it was cut
 */
public record AssembledContext(String system, String user, int estimatedTokens, List<String> characters,
		List<String> locations, List<String> lore, List<String> trims) {

	public AssembledContext {
		characters = List.copyOf(characters);
		locations = List.copyOf(locations);
		lore = List.copyOf(lore);
		trims = List.copyOf(trims);
	}

}
