package io.authorworks.content.bible;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.ProblemResponse;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The story bible of a book ({@code /content/books/{id}/bible}) or of a series
 * ({@code /content/series/{id}/bible}), with its collections: {@code characters},
 * {@code locations}, {@code lore} and {@code notes}.
 */
@RestController
@RequestMapping("/content/{scope:books|series}/{ownerId}/bible")
@Tag(name = "Story bible", description = "Premise, synopsis, style guide, characters, locations, lore and notes")
class BibleController {

	private final StoryBibles bibles;

	BibleController(StoryBibles bibles) {
		this.bibles = bibles;
	}

	@GetMapping
	@Operation(summary = "A story bible with all its entries",
			description = "For a book, resolved=true merges its series' bible under the book's own: book fields that "
					+ "are filled in win, and a book entry replaces the series entry of the same name (ignoring case) "
					+ "in its place; each entry says whether it comes from the book or the series.")
	ResponseEntity<BibleResponse> read(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@RequestParam(defaultValue = "false") boolean resolved) {
		StoryBibles.Scope which = scope(scope, ownerId);
		if (resolved && !which.book()) {
			throw new ProblemException(ProblemType.BAD_REQUEST, "Only a book's bible can be resolved.");
		}
		BibleView view = resolved ? this.bibles.resolved(user, ownerId) : this.bibles.read(user, which);
		return ResponseEntity.ok()
			.eTag(ETags.of(view.version()))
			.body(BibleResponse.of(scope, ownerId, view, resolved));
	}

	@PatchMapping
	@Operation(summary = "Change the premise, synopsis or style guide",
			description = "Requires If-Match (\"0\" before the first change). Absent fields stay; empty ones clear.")
	ResponseEntity<BibleResponse> update(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@RequestBody StoryBibles.FieldChanges request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		BibleView view = this.bibles.update(user, scope(scope, ownerId), request, ETags.ifMatch(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(BibleResponse.of(scope, ownerId, view, false));
	}

	@GetMapping("/{collection}")
	@Operation(summary = "The entries of one collection, in order")
	EntriesResponse entries(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@PathVariable String collection) {
		return new EntriesResponse(this.bibles.entries(user, scope(scope, ownerId), kind(collection))
			.stream()
			.map(EntryResponse::of)
			.toList());
	}

	@PostMapping("/{collection}")
	@Operation(summary = "Add an entry at the end of a collection",
			description = "Names are unique within a collection, ignoring case (409 otherwise). Characters have "
					+ "aliases, role, traits and arc; locations and lore have a category.")
	@ApiResponse(responseCode = "201", description = "The entry; `Location` names it.")
	@ProblemResponse(status = 409, description = "The collection already has an entry by that name.")
	ResponseEntity<EntryResponse> create(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@PathVariable String collection, @RequestBody StoryBibles.EntryChanges request) {
		BibleView.Entry entry = this.bibles.create(user, scope(scope, ownerId), kind(collection), request);
		return ResponseEntity
			.created(URI.create("/content/" + scope + "/" + ownerId + "/bible/" + collection + "/" + entry.id()))
			.eTag(ETags.of(entry.version()))
			.body(EntryResponse.of(entry));
	}

	@GetMapping("/{collection}/{entryId}")
	@Operation(summary = "One entry")
	ResponseEntity<EntryResponse> entry(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@PathVariable String collection, @PathVariable UUID entryId) {
		BibleView.Entry entry = this.bibles.entry(user, scope(scope, ownerId), kind(collection), entryId);
		return ResponseEntity.ok().eTag(ETags.of(entry.version())).body(EntryResponse.of(entry));
	}

	@PatchMapping("/{collection}/{entryId}")
	@Operation(summary = "Change an entry", description = "Requires If-Match.")
	ResponseEntity<EntryResponse> update(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@PathVariable String collection, @PathVariable UUID entryId, @RequestBody StoryBibles.EntryChanges request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		BibleView.Entry entry = this.bibles.update(user, scope(scope, ownerId), kind(collection), entryId, request,
				ETags.ifMatch(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(entry.version())).body(EntryResponse.of(entry));
	}

	@DeleteMapping("/{collection}/{entryId}")
	@Operation(summary = "Delete an entry", description = "Requires If-Match. Later entries move up.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	ResponseEntity<Void> delete(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@PathVariable String collection, @PathVariable UUID entryId,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.bibles.delete(user, scope(scope, ownerId), kind(collection), entryId, ETags.ifMatch(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{collection}/reorder")
	@Operation(summary = "Put a collection's entries in a new order", description = "Send every entry id once.")
	EntriesResponse reorder(Caller.User user, @PathVariable String scope, @PathVariable UUID ownerId,
			@PathVariable String collection, @RequestBody ReorderRequest request) {
		return new EntriesResponse(
				this.bibles.reorder(user, scope(scope, ownerId), kind(collection), request.entryIds())
					.stream()
					.map(EntryResponse::of)
					.toList());
	}

	private static StoryBibles.Scope scope(String scope, UUID ownerId) {
		return "books".equals(scope) ? StoryBibles.Scope.book(ownerId) : StoryBibles.Scope.series(ownerId);
	}

	private static EntryKind kind(String collection) {
		return EntryKind.ofCollection(collection)
			.orElseThrow(() -> new NotFoundException(
					"A story bible has characters, locations, lore and notes; not '" + collection + "'."));
	}

	/**
	 * A story bible.
	 *
	 * @param scope {@code books} or {@code series}
	 * @param ownerId the book or series
	 * @param resolved whether the series' bible is merged in
	 * @param premise the story in a sentence or two
	 * @param synopsis the story in a few paragraphs
	 * @param styleGuide point of view, tense, voice and a sample passage
	 * @param characters the characters
	 * @param locations the places
	 * @param lore lore and items
	 * @param notes free notes
	 * @param version the version its ETag carries
	 * @param updatedAt when the fields last changed
	 */
	record BibleResponse(String scope, UUID ownerId, boolean resolved, @Nullable String premise,
			@Nullable String synopsis, StyleGuide styleGuide, List<EntryResponse> characters,
			List<EntryResponse> locations, List<EntryResponse> lore, List<EntryResponse> notes, long version,
			@Nullable Instant updatedAt) {

		static BibleResponse of(String scope, UUID ownerId, BibleView view, boolean resolved) {
			BibleView.Fields f = view.fields();
			return new BibleResponse(scope, ownerId, resolved, f.premise(), f.synopsis(),
					new StyleGuide(f.pointOfView(), f.tense(), f.voice(), f.samplePassage()),
					of(view, EntryKind.CHARACTER), of(view, EntryKind.LOCATION), of(view, EntryKind.LORE),
					of(view, EntryKind.NOTE), view.version(), view.updatedAt());
		}

		private static List<EntryResponse> of(BibleView view, EntryKind kind) {
			return view.entries().getOrDefault(kind, List.of()).stream().map(EntryResponse::of).toList();
		}

	}

	/**
	 * How the book should read.
	 *
	 * @param pointOfView e.g. first person, close third
	 * @param tense e.g. past
	 * @param voice how the prose sounds
	 * @param samplePassage a passage in the wanted style
	 */
	record StyleGuide(@Nullable String pointOfView, @Nullable String tense, @Nullable String voice,
			@Nullable String samplePassage) {
	}

	/**
	 * The entries of a collection.
	 *
	 * @param items the entries in order
	 */
	record EntriesResponse(List<EntryResponse> items) {
	}

	/**
	 * An entry of a story bible; fields a collection does not use are absent.
	 *
	 * @param id the entry
	 * @param kind character, location, lore or note
	 * @param position its place in the collection
	 * @param name its name
	 * @param aliases other names (characters)
	 * @param role role in the story (characters)
	 * @param description what it is
	 * @param traits traits (characters)
	 * @param arc how it changes (characters)
	 * @param category what sort (locations, lore)
	 * @param source {@code book} or {@code series}
	 * @param version the version its ETag carries
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 */
	record EntryResponse(UUID id, String kind, int position, String name, @Nullable List<String> aliases,
			@Nullable String role, @Nullable String description, @Nullable List<String> traits, @Nullable String arc,
			@Nullable String category, String source, long version, Instant createdAt, Instant updatedAt) {

		static EntryResponse of(BibleView.Entry e) {
			boolean character = e.kind() == EntryKind.CHARACTER;
			return new EntryResponse(e.id(), e.kind().value(), e.position(), e.name(), character ? e.aliases() : null,
					e.role(), e.description(), character ? e.traits() : null, e.arc(), e.category(), e.source(),
					e.version(), e.createdAt(), e.updatedAt());
		}

	}

	/**
	 * A new order of a collection's entries.
	 *
	 * @param entryIds every entry id of the collection, once each
	 */
	record ReorderRequest(@Nullable List<UUID> entryIds) {
	}

}
