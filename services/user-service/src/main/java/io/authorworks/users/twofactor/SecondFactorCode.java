package io.authorworks.users.twofactor;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A second-step sign-in attempt: the account the password (or federation) step already
 * established, and the code typed on the two-factor page.
 */
final class SecondFactorCode extends AbstractAuthenticationToken {

	private final String accountId;

	private String code;

	SecondFactorCode(String accountId, String code) {
		super(List.of());
		this.accountId = accountId;
		this.code = code;
		setAuthenticated(false);
	}

	@Override
	public String getPrincipal() {
		return this.accountId;
	}

	@Override
	public String getCredentials() {
		return this.code;
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.code = "";
	}

}
