package io.authorworks.content.member;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A member's role in a book, and the permissions it carries. Owners do everything;
 * co-authors write, publish and generate but do not share, delete or change who can see
 * the book; editors edit and export; beta readers only read.
 */
public enum Role {

	OWNER("owner", EnumSet.allOf(Permission.class)),

	CO_AUTHOR("co-author",
			EnumSet.of(Permission.READ, Permission.EDIT, Permission.PUBLISH, Permission.EXPORT, Permission.GENERATE)),

	EDITOR("editor", EnumSet.of(Permission.READ, Permission.EDIT, Permission.EXPORT)),

	BETA_READER("beta-reader", EnumSet.of(Permission.READ));

	/** The roles an owner can give when sharing (ownership itself is not handed out). */
	public static final List<String> GRANTABLE = List.of("co-author", "editor", "beta-reader");

	private final String value;

	private final Set<Permission> permissions;

	Role(String value, Set<Permission> permissions) {
		this.value = value;
		this.permissions = Set.copyOf(permissions);
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	public Set<Permission> permissions() {
		return this.permissions;
	}

	public boolean allows(Permission permission) {
		return this.permissions.contains(permission);
	}

	public static Optional<Role> of(String value) {
		return Arrays.stream(values()).filter((role) -> role.value.equals(value)).findFirst();
	}

}
