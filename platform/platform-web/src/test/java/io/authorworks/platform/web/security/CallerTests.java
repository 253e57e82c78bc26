package io.authorworks.platform.web.security;

import java.util.Set;
import java.util.UUID;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CallerTests {

	@Test
	void aRoleTheAccountHasPasses() {
		Caller.User author = user(Roles.READER, Roles.AUTHOR);
		assertThatNoException().isThrownBy(() -> author.requireRole(Roles.AUTHOR));
		assertThatNoException().isThrownBy(() -> author.requireRole(Roles.READER));
	}

	@Test
	void aMissingRoleIsARoleRequiredProblemThatNamesTheRole() {
		Caller.User reader = user(Roles.READER);
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> reader.requireRole(Roles.AUTHOR));
		assertThat(problem.type()).isEqualTo(ProblemType.ROLE_REQUIRED);
		assertThat(problem.type().status()).isEqualTo(403);
		assertThat(problem.properties()).containsEntry("role", "author");
		assertThat(problem.detail()).contains("Become an author");
	}

	@Test
	void adminIsNotImpliedByOtherRoles() {
		Caller.User author = user(Roles.READER, Roles.AUTHOR);
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> author.requireRole(Roles.ADMIN));
		assertThat(problem.properties()).containsEntry("role", "admin");
		assertThatNoException().isThrownBy(() -> user(Roles.READER, Roles.ADMIN).requireRole(Roles.ADMIN));
	}

	private static Caller.User user(String... roles) {
		return new Caller.User(UUID.randomUUID(), "ada", Set.of(roles), Set.of());
	}

}
