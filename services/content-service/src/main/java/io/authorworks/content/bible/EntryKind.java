package io.authorworks.content.bible;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The collections of a story bible, with the path segment that names each and the fields
 * its entries use.
 */
enum EntryKind {

	CHARACTER("character", "characters", Set.of("aliases", "role", "traits", "arc")),

	LOCATION("location", "locations", Set.of("category")),

	LORE("lore", "lore", Set.of("category")),

	NOTE("note", "notes", Set.of());

	private final String value;

	private final String collection;

	private final Set<String> extraFields;

	EntryKind(String value, String collection, Set<String> extraFields) {
		this.value = value;
		this.collection = collection;
		this.extraFields = extraFields;
	}

	String value() {
		return this.value;
	}

	String collection() {
		return this.collection;
	}

	boolean uses(String field) {
		return this.extraFields.contains(field);
	}

	static Optional<EntryKind> ofCollection(String collection) {
		return Arrays.stream(values()).filter((kind) -> kind.collection.equals(collection)).findFirst();
	}

	static EntryKind of(String value) {
		return Arrays.stream(values()).filter((kind) -> kind.value.equals(value)).findFirst().orElseThrow();
	}

}
