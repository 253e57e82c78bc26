package io.authorworks.content.member;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing a book, and what the caller may do in it.
 */
@RestController
@RequestMapping("/content/books/{bookId}")
@Tag(name = "Members", description = "Who a book is shared with, and in which role")
class MemberController {

	private final Memberships memberships;

	private final BookAccess access;

	MemberController(Memberships memberships, BookAccess access) {
		this.memberships = memberships;
		this.access = access;
	}

	@GetMapping("/access")
	@Operation(summary = "Your role and permissions in a book",
			description = "Answers 404 when the book does not exist or is neither shared with you nor publicly listed.")
	AccessResponse access(Caller.User user, @PathVariable UUID bookId) {
		BookAccess.Grant grant = this.access.grantOf(user.id(), bookId).orElseThrow(BookNotFoundException::new);
		return new AccessResponse(bookId, user.id(), (grant.role() != null) ? grant.role().value() : null,
				grant.permissions());
	}

	@GetMapping("/members")
	@Operation(summary = "The people a book is shared with")
	Page<MemberResponse> list(Caller.User user, @PathVariable UUID bookId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return this.memberships.list(user, bookId, cursor, Cursors.limit(limit)).map(MemberResponse::of);
	}

	@GetMapping("/members/{userId}")
	@Operation(summary = "One member of a book")
	MemberResponse find(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID userId) {
		return MemberResponse.of(this.memberships.find(user, bookId, userId));
	}

	@PostMapping("/members")
	@Operation(summary = "Share a book with someone",
			description = "Owner only. The person must have an active account; the role is co-author, editor or "
					+ "beta-reader.")
	@ApiResponse(responseCode = "201", description = "The new member; `Location` names them.")
	ResponseEntity<MemberResponse> add(Caller.User user, @PathVariable UUID bookId,
			@RequestBody AddMemberRequest request) {
		Memberships.Member member = this.memberships.add(user, bookId, request.userId(), request.role());
		return ResponseEntity.created(URI.create("/content/books/" + bookId + "/members/" + member.userId()))
			.body(MemberResponse.of(member));
	}

	@PatchMapping("/members/{userId}")
	@Operation(summary = "Change a member's role", description = "Owner only.")
	MemberResponse changeRole(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID userId,
			@RequestBody ChangeRoleRequest request) {
		return MemberResponse.of(this.memberships.changeRole(user, bookId, userId, request.role()));
	}

	@DeleteMapping("/members/{userId}")
	@Operation(summary = "Stop sharing a book with someone, or leave it yourself")
	@ApiResponse(responseCode = "204", description = "No longer shared.")
	ResponseEntity<Void> remove(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID userId) {
		this.memberships.remove(user, bookId, userId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The caller's standing in a book.
	 *
	 * @param bookId the book
	 * @param userId the caller
	 * @param role their role; absent when they only see a publicly listed book
	 * @param permissions what they may do
	 */
	record AccessResponse(UUID bookId, UUID userId, @Nullable String role, Set<Permission> permissions) {
	}

	/**
	 * A member of a book.
	 *
	 * @param userId the person
	 * @param role their role
	 * @param permissions what the role allows
	 * @param invitedBy who added them
	 * @param createdAt when they were added
	 * @param updatedAt when their role last changed
	 */
	record MemberResponse(UUID userId, String role, Set<Permission> permissions, @Nullable UUID invitedBy,
			Instant createdAt, Instant updatedAt) {

		static MemberResponse of(Memberships.Member member) {
			return new MemberResponse(member.userId(), member.role().value(),
					new java.util.TreeSet<>(member.role().permissions()), member.invitedBy(), member.createdAt(),
					member.updatedAt());
		}

	}

	/**
	 * Whom to share with, and as what.
	 *
	 * @param userId the person's account id
	 * @param role {@code co-author}, {@code editor} or {@code beta-reader}
	 */
	record AddMemberRequest(@Nullable UUID userId, @Nullable String role) {
	}

	/**
	 * A member's new role.
	 *
	 * @param role {@code co-author}, {@code editor} or {@code beta-reader}
	 */
	record ChangeRoleRequest(@Nullable String role) {
	}

}
