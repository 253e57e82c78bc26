package io.authorworks.platform.core;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Strong entity tags made from a resource's version ({@code "7"}), and the
 * {@code If-Match} checks of the API conventions: {@code 428} when a required header is
 * missing, {@code 412} when it names another version.
 * <p>
 * A resource that can be revalidated ({@code If-None-Match}) carries a second part that
 * changes whenever anything in its representation does, even what does not bump its
 * version (a chapter's position): {@code "7.912"}. {@code If-Match} compares the version
 * part only, so such a tag and {@code "7"} name the same version.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * A tag for revalidation: the version, then a stamp that changes with every change to
	 * the representation.
	 */
	public static String of(long version, long stamp) {
		return "\"" + version + "." + stamp + "\"";
	}

	/**
	 * What an {@code If-None-Match} header names: {@code *}, or the opaque tags it lists
	 * with their quotes, compared weakly (RFC 9110 §13.1.2: {@code W/"7.912"} names the
	 * same representation as {@code "7.912"}). {@code null} when the header is absent or
	 * names nothing well formed, so the read is answered whole.
	 */
	public static @Nullable NoneMatch ifNoneMatch(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		if ("*".equals(header.trim())) {
			return new NoneMatch(true, Set.of());
		}
		Set<String> tags = new HashSet<>();
		for (String part : header.split(",")) {
			String tag = part.trim();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
					&& tag.indexOf('"', 1) == tag.length() - 1) {
				tags.add(tag);
			}
		}
		return tags.isEmpty() ? null : new NoneMatch(false, Set.copyOf(tags));
	}

	/**
	 * The precondition an update must meet; {@code null} header means the client sent
	 * none.
	 */
	public static Precondition ifMatch(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return Precondition.NONE;
		}
		if ("*".equals(header.trim())) {
			return Precondition.ANY;
		}
		Set<Long> versions = new HashSet<>();
		for (String part : header.split(",")) {
			String tag = part.trim();
			if (tag.startsWith("W/")) {
				// Weak comparison never passes If-Match (RFC 9110 §13.1.1), so a weak tag
				// names nothing.
				continue;
			}
			if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
				String opaque = tag.substring(1, tag.length() - 1);
				int stamp = opaque.indexOf('.');
				try {
					versions.add(Long.parseLong((stamp >= 0) ? opaque.substring(0, stamp) : opaque));
				}
				catch (NumberFormatException ex) {
					// An entity tag we never issued matches no version.
				}
			}
		}
		return new Precondition(true, false, Set.copyOf(versions));
	}

	/**
	 * What an {@code If-None-Match} header names.
	 *
	 * @param any {@code If-None-Match: *}: any current representation
	 * @param tags the entity tags it lists, each with its quotes, without {@code W/}
	 */
	public record NoneMatch(boolean any, Set<String> tags) {

		/** Whether the current representation, with this strong tag, is one it names. */
		public boolean matches(String etag) {
			return this.any || this.tags.contains(etag);
		}

	}

	/**
	 * What an {@code If-Match} header asks for.
	 *
	 * @param present whether the client sent the header at all
	 * @param any {@code If-Match: *}
	 * @param versions the versions it names
	 */
	public record Precondition(boolean present, boolean any, Set<Long> versions) {

		static final Precondition NONE = new Precondition(false, false, Set.of());

		static final Precondition ANY = new Precondition(true, true, Set.of());

		/**
		 * Checks the precondition against the current version; a missing header is
		 * refused with {@code 428}.
		 */
		public void require(long current, String what) {
			if (!this.present) {
				throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the "
						+ what + " you read (" + of(current) + " now), so you never overwrite someone else's change.");
			}
			check(current, what);
		}

		/** Checks the precondition when there is one; without a header anything goes. */
		public void check(long current, String what) {
			if (this.present && !this.any && !this.versions.contains(current)) {
				throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The " + what
						+ " changed since you read it; it is now at " + of(current) + ". Reload it and try again.");
			}
		}

	}

}
