package io.authorworks.content.member;

import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.ContentProperties;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.security.ServiceRestClients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks the user-service whether an account exists, with this service's own
 * client-credentials token ({@code users.read}), before anyone is added to a book.
 */
@Component
class UserDirectory {

	private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

	private final @Nullable RestClient users;

	UserDirectory(ObjectProvider<ServiceRestClients> clients, ContentProperties properties) {
		ServiceRestClients available = clients.getIfAvailable();
		this.users = (available != null) ? available.forService(properties.userServiceUrl().toString()) : null;
		if (this.users == null) {
			log.warn("SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET are not set: books cannot be shared until they are");
		}
	}

	/** The active account with this id, if there is one. */
	Optional<Account> find(UUID userId) {
		if (this.users == null) {
			throw unavailable();
		}
		try {
			Account account = this.users.get().uri("/internal/users/{id}", userId).retrieve().body(Account.class);
			return Optional.ofNullable(account).filter((a) -> "active".equals(a.status()));
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			log.warn("The user-service answered {} to an account look-up", ex.getStatusCode());
			throw unavailable();
		}
		catch (RestClientException ex) {
			log.warn("The user-service could not be reached for an account look-up: {}", ex.getMessage());
			throw unavailable();
		}
	}

	private static ProblemException unavailable() {
		return new ProblemException(ProblemType.UNAVAILABLE,
				"People cannot be added to books right now; try again shortly.");
	}

	/**
	 * The public identity the user-service answers with.
	 *
	 * @param id the account id
	 * @param username the username
	 * @param displayName the display name
	 * @param status {@code active} or {@code suspended}
	 */
	record Account(UUID id, String username, String displayName, String status) {
	}

}
