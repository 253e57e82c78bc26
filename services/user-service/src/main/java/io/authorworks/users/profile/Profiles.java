package io.authorworks.users.profile;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.Violation;
import io.authorworks.platform.events.Outbox;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import io.authorworks.contracts.users.UserProfileUpdated;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes profiles; every change is versioned and announced with
 * {@link UserProfileUpdated}.
 */
@Service
class Profiles {

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final Outbox outbox;

	private final ObjectMapper mapper;

	Profiles(JdbcClient jdbc, UserAccounts accounts, Outbox outbox, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.outbox = outbox;
		this.mapper = mapper;
	}

	Profile find(UUID userId) {
		return this.jdbc
			.sql("select user_id, bio, avatar_url, website, location, social_links::text as links, version, "
					+ "updated_at from profiles where user_id = :id")
			.param("id", userId)
			.query((rs, n) -> new Profile(rs.getString("bio"), rs.getString("avatar_url"), rs.getString("website"),
					rs.getString("location"), links(rs.getString("links")), rs.getLong("version"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("No such profile."));
	}

	/**
	 * Applies the fields present in the patch. An {@code If-Match} precondition, when
	 * sent, must name the current version or nothing changes ({@code 412}).
	 */
	@Transactional
	Profile update(UserAccount account, ProfilePatch patch, ETags.Precondition precondition) {
		List<Violation> violations = validate(patch);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		Profile current = this.jdbc.sql("select version from profiles where user_id = :id for update")
			.param("id", account.id())
			.query(Long.class)
			.optional()
			.map((version) -> find(account.id()))
			.orElseThrow(() -> new NotFoundException("No such profile."));
		precondition.check(current.version(), "profile");
		String displayName = (patch.displayName() != null) ? patch.displayName().trim() : account.displayName();
		Profile wanted = new Profile((patch.bio() != null) ? blankToNull(patch.bio()) : current.bio(),
				(patch.avatarUrl() != null) ? blankToNull(patch.avatarUrl()) : current.avatarUrl(),
				(patch.website() != null) ? blankToNull(patch.website()) : current.website(),
				(patch.location() != null) ? blankToNull(patch.location()) : current.location(),
				(patch.socialLinks() != null) ? patch.socialLinks() : current.socialLinks(), current.version(),
				current.updatedAt());
		if (wanted.equals(current) && displayName.equals(account.displayName())) {
			// Nothing changes, so there is no new version to announce.
			return current;
		}
		if (!displayName.equals(account.displayName())) {
			this.accounts.updateDisplayName(account.id(), displayName);
		}
		this.jdbc.sql("""
				update profiles set bio = :bio, avatar_url = :avatar, website = :website, location = :location,
				       social_links = cast(:links as jsonb), version = version + 1, updated_at = now()
				where user_id = :id
				""")
			.param("id", account.id())
			.param("bio", wanted.bio())
			.param("avatar", wanted.avatarUrl())
			.param("website", wanted.website())
			.param("location", wanted.location())
			.param("links", this.mapper.writeValueAsString(wanted.socialLinks()))
			.update();
		Profile updated = find(account.id());
		this.outbox.publish(new UserProfileUpdated(account.id(), updated.version(), account.username(), displayName,
				updated.bio(), updated.avatarUrl(), updated.updatedAt()));
		return updated;
	}

	static List<Violation> validate(ProfilePatch patch) {
		List<Violation> violations = new ArrayList<>();
		if (patch.displayName() != null
				&& (patch.displayName().isBlank() || patch.displayName().trim().length() > 80)) {
			violations.add(new Violation("displayName", "Use 1 to 80 characters."));
		}
		if (patch.bio() != null && patch.bio().length() > 2000) {
			violations.add(new Violation("bio", "Use at most 2000 characters."));
		}
		if (patch.location() != null && patch.location().length() > 100) {
			violations.add(new Violation("location", "Use at most 100 characters."));
		}
		checkUrl("avatarUrl", patch.avatarUrl(), violations);
		checkUrl("website", patch.website(), violations);
		if (patch.socialLinks() != null) {
			if (patch.socialLinks().size() > 10) {
				violations.add(new Violation("socialLinks", "Add at most 10 links."));
			}
			patch.socialLinks().forEach((name, url) -> {
				if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
					violations.add(
							new Violation("socialLinks." + name, "Name links with lower-case words, e.g. 'mastodon'."));
				}
				checkUrl("socialLinks." + name, url, violations);
			});
		}
		return violations;
	}

	private static void checkUrl(String field, @Nullable String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return;
		}
		try {
			URI uri = URI.create(value.trim());
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
					|| value.length() > 500) {
				violations.add(new Violation(field, "Use an http(s) link of up to 500 characters."));
			}
		}
		catch (IllegalArgumentException ex) {
			violations.add(new Violation(field, "Use an http(s) link of up to 500 characters."));
		}
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.trim();
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> links(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		return new LinkedHashMap<>(this.mapper.readValue(json, Map.class));
	}

	/** A profile as stored. */
	record Profile(@Nullable String bio, @Nullable String avatarUrl, @Nullable String website,
			@Nullable String location, Map<String, String> socialLinks, long version, Instant updatedAt) {
	}

	/**
	 * The fields a person may change; absent fields stay as they are, empty strings clear
	 * them.
	 */
	record ProfilePatch(@Nullable String displayName, @Nullable String bio, @Nullable String avatarUrl,
			@Nullable String website, @Nullable String location, @Nullable Map<String, String> socialLinks) {
	}

}
