package io.authorworks.lib.storyai.offline;

import java.util.List;
import java.util.Locale;

/**
 * An established story structure: its beats, each at a position through the book, with a
 * template the offline outliner fills from the bible. Placeholders: {@code {P}}
 * protagonist, {@code {A}} antagonist, {@code {L}} ally, {@code {M}} mentor,
 * {@code {home}}, {@code {away}}, {@code {heart}} places, {@code {hook}} the premise,
 * {@code {thing}} a lore item.
 *
 * @param key the configuration name
 * @param name the name shown to authors
 * @param beats the beats in order
 */
public record StoryStructure(String key, String name, List<Beat> beats) {

	/**
	 * One beat of a structure.
	 *
	 * @param title the beat's conventional name
	 * @param position where it falls, from 0 (opening) to 1 (end)
	 * @param template what happens, with placeholders
	 */
	public record Beat(String title, double position, String template) {
	}

	public static final StoryStructure THREE_ACT = new StoryStructure("three-act", "Three-act structure", List.of(
			new Beat("Setup", 0.0, "{P} in {home}: the ordinary world, and the want {P} will not admit to."),
			new Beat("Inciting incident", 0.1, "The story's question arrives: {hook}"),
			new Beat("First plot point", 0.25, "{P} commits and leaves {home} for {away}; there is no way back."),
			new Beat("Rising action", 0.37,
					"{P} and {L} meet the first resistance from {A} and learn the rules of {away}."),
			new Beat("Midpoint", 0.5, "A revelation about {thing} at {away} turns the goal inside out for {P}."),
			new Beat("Complications", 0.62,
					"{A} closes in; the alliance between {P} and {L} frays under the pressure."),
			new Beat("Second plot point", 0.75,
					"All seems lost: {P} is beaten, alone, and the truth costs more than expected."),
			new Beat("Climax", 0.87, "{P} confronts {A} at {heart}, choosing what to sacrifice."),
			new Beat("Resolution", 0.97, "After the storm: what {P} has become, and what {home} looks like now.")));

	public static final StoryStructure HEROS_JOURNEY = new StoryStructure("heros-journey", "The hero's journey",
			List.of(new Beat("The ordinary world", 0.0, "{P} in {home}, capable but incomplete."),
					new Beat("The call to adventure", 0.08, "{hook}"),
					new Beat("Refusal of the call", 0.16, "{P} finds reasons to stay; fear has a voice."),
					new Beat("Meeting the mentor", 0.24, "{M} offers {P} a gift, a warning or a push."),
					new Beat("Crossing the threshold", 0.32,
							"{P} crosses into {away}, where the old rules no longer hold."),
					new Beat("Tests, allies and enemies", 0.41,
							"{P} is tested; {L} proves an ally and {A} shows a first hand."),
					new Beat("Approach to the inmost cave", 0.5,
							"{P} and {L} prepare to enter {heart}, where {thing} waits."),
					new Beat("The ordeal", 0.58, "{P} faces death or its likeness at the hands of {A}."),
					new Beat("The reward", 0.67, "{P} seizes the prize: {thing}, or the truth about it."),
					new Beat("The road back", 0.76, "{A} pursues; returning costs more than leaving did."),
					new Beat("The resurrection", 0.86,
							"A last, decisive test in which {P} must use everything learned."),
					new Beat("Return with the elixir", 0.96, "{P} comes home to {home} changed, and changes it.")));

	public static final StoryStructure SAVE_THE_CAT = new StoryStructure("save-the-cat", "Save the Cat beat sheet",
			List.of(new Beat("Opening image", 0.0, "A snapshot of {P}'s life in {home} before anything changes."),
					new Beat("Theme stated", 0.05,
							"Someone tells {P} what the story is about; {P} does not listen yet."),
					new Beat("Set-up", 0.08, "{P}'s world, flaws and the people around {P}, {L} among them."),
					new Beat("Catalyst", 0.1, "{hook}"),
					new Beat("Debate", 0.15, "Should {P} go? Doubt, bargaining, one last look at {home}."),
					new Beat("Break into two", 0.2, "{P} chooses and steps into {away}."),
					new Beat("B story", 0.22, "A relationship with {L} that will carry the theme."),
					new Beat("Fun and games", 0.3,
							"The promise of the premise: {P} in {away}, succeeding and failing in style."),
					new Beat("Midpoint", 0.5, "A false victory or false defeat raises the stakes around {thing}."),
					new Beat("Bad guys close in", 0.6,
							"{A} regroups and strikes; doubt and jealousy work on the team from inside."),
					new Beat("All is lost", 0.75, "The opposite of the midpoint: a loss, the whiff of death."),
					new Beat("Dark night of the soul", 0.78, "{P} sits with the loss and finally hears the theme."),
					new Beat("Break into three", 0.8, "A new idea, born of the A and B stories together."),
					new Beat("Finale", 0.88,
							"{P} and {L} storm {heart} and face {A}; the plan fails and {P} improvises."),
					new Beat("Final image", 0.99, "The opening image, reversed: {P} in {home}, transformed.")));

	public static final List<StoryStructure> ALL = List.of(THREE_ACT, HEROS_JOURNEY, SAVE_THE_CAT);

	/** The structure with this key or name; three-act when blank or unknown. */
	public static StoryStructure named(String keyOrName) {
		String wanted = keyOrName.strip().toLowerCase(Locale.ROOT).replace('\'', ' ').replaceAll("[^a-z]+", "-");
		for (StoryStructure structure : ALL) {
			if (wanted.contains(structure.key()) || structure.key().startsWith(wanted) && !wanted.isEmpty()) {
				return structure;
			}
		}
		if (wanted.contains("hero")) {
			return HEROS_JOURNEY;
		}
		if (wanted.contains("cat") || wanted.contains("snyder")) {
			return SAVE_THE_CAT;
		}
		return THREE_ACT;
	}

}
