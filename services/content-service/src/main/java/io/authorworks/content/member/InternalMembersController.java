package io.authorworks.content.member;

import java.util.Set;
import java.util.UUID;

import io.authorworks.platform.core.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Book membership for other AuthorWorks services (the editor service checks it before a
 * person joins an editing session); they call with a client-credentials token carrying
 * {@code content.read}.
 */
@RestController
@RequestMapping("/internal/books")
@PreAuthorize("hasAuthority('SCOPE_content.read')")
@Tag(name = "Internal")
class InternalMembersController {

	private final BookAccess access;

	InternalMembersController(BookAccess access) {
		this.access = access;
	}

	@GetMapping("/{bookId}/members/{userId}")
	@Operation(summary = "A person's role and permissions in a book, for services",
			description = "404 when the book does not exist or the person is not a member.")
	InternalMember member(@PathVariable UUID bookId, @PathVariable UUID userId) {
		BookAccess.Grant grant = this.access.grantOf(userId, bookId).orElse(null);
		Role role = (grant != null) ? grant.role() : null;
		if (grant == null || role == null) {
			throw new NotFoundException("This person is not a member of that book.");
		}
		return new InternalMember(bookId, userId, role.value(), grant.permissions());
	}

	/**
	 * A member's standing in a book.
	 *
	 * @param bookId the book
	 * @param userId the person
	 * @param role their role
	 * @param permissions what the role allows
	 */
	record InternalMember(UUID bookId, UUID userId, String role, Set<Permission> permissions) {
	}

}
