package io.authorworks.content.bible;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A story bible as stored (or as resolved from a series and a book).
 *
 * @param fields premise, synopsis and style guide
 * @param entries the entries of each collection, in order
 * @param version bumped by every change to the fields; {@code 0} before the first change
 * @param updatedAt when the fields last changed
 */
record BibleView(Fields fields, Map<EntryKind, List<Entry>> entries, long version, @Nullable Instant updatedAt) {

	/**
	 * The bible's prose fields.
	 *
	 * @param premise the story in a sentence or two
	 * @param synopsis the story in a few paragraphs
	 * @param pointOfView e.g. first person, close third
	 * @param tense e.g. past, present
	 * @param voice how the prose sounds
	 * @param samplePassage a passage in the wanted style
	 */
	record Fields(@Nullable String premise, @Nullable String synopsis, @Nullable String pointOfView,
			@Nullable String tense, @Nullable String voice, @Nullable String samplePassage) {

		static final Fields EMPTY = new Fields(null, null, null, null, null, null);

	}

	/**
	 * One entry of a collection.
	 *
	 * @param id the entry
	 * @param kind its collection
	 * @param position its place, 1..n
	 * @param name its name (unique within the collection, ignoring case)
	 * @param aliases other names (characters)
	 * @param role role in the story (characters)
	 * @param description what it is
	 * @param traits traits (characters)
	 * @param arc how it changes over the story (characters)
	 * @param category what sort of place or thing (locations, lore)
	 * @param version bumped by every change
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 * @param source {@code book} or {@code series}: whose bible it comes from
	 */
	record Entry(UUID id, EntryKind kind, int position, String name, List<String> aliases, @Nullable String role,
			@Nullable String description, List<String> traits, @Nullable String arc, @Nullable String category,
			long version, Instant createdAt, Instant updatedAt, String source) {

		Entry at(int newPosition) {
			return new Entry(this.id, this.kind, newPosition, this.name, this.aliases, this.role, this.description,
					this.traits, this.arc, this.category, this.version, this.createdAt, this.updatedAt, this.source);
		}

	}

}
