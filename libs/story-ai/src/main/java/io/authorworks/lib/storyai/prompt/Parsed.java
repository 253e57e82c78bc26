package io.authorworks.lib.storyai.prompt;

import java.util.List;

/**
 * The outcome of reading a model's structured answer.
 */
public sealed interface Parsed<T> {

	/**
	 * A usable value.
	 *
	 * @param value the value
	 * @param repairs what had to be fixed to read it (empty for a clean answer)
	 */
	record Valid<T>(T value, List<String> repairs) implements Parsed<T> {

		public Valid {
			repairs = List.copyOf(repairs);
		}

	}

	/**
	 * Nothing usable.
	 *
	 * @param reason why, readable by a person
	 */
	record Invalid<T>(String reason) implements Parsed<T> {
	}

}
