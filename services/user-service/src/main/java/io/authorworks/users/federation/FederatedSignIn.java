package io.authorworks.users.federation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.authorworks.users.account.AccountSignIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signing in through an external OpenID Connect provider. Once the provider's ID token is
 * validated, the person is matched to a local account ({@link FederatedAccounts}); the
 * provider's authentication is then replaced by one for that account, shaped exactly like
 * a password sign-in (a {@link User} named by the account id, with its roles), so the
 * authorization server issues tokens whose {@code sub} is the local id.
 */
@Component
public class FederatedSignIn {

	private static final Logger log = LoggerFactory.getLogger(FederatedSignIn.class);

	private final FederatedAccounts accounts;

	private final AccountSignIn accountSignIn;

	private final OidcUserService oidcUsers = new OidcUserService();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	FederatedSignIn(FederatedAccounts accounts, AccountSignIn accountSignIn) {
		this.accounts = accounts;
		this.accountSignIn = accountSignIn;
	}

	/**
	 * Loads the provider's person and finds (or makes) the local account. Refusals are
	 * authentication failures, so nobody is ever signed in half-way.
	 */
	public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
		return (request) -> {
			OidcUser external = this.oidcUsers.loadUser(request);
			UUID accountId = this.accounts
				.resolve(new FederatedAccounts.ExternalPerson(request.getClientRegistration().getRegistrationId(),
						external.getSubject(), external.getEmail(), Boolean.TRUE.equals(external.getEmailVerified()),
						external.getPreferredUsername(), external.getFullName()));
			return new LinkedOidcUser(accountId, external);
		};
	}

	/**
	 * Replaces the provider's authentication with the local account's, then continues
	 * with {@code next} (to the second factor or the saved request).
	 */
	public AuthenticationSuccessHandler successHandler(AuthenticationSuccessHandler next) {
		return (request, response, authentication) -> {
			if (!(authentication.getPrincipal() instanceof LinkedOidcUser linked)) {
				throw new IllegalStateException("Federated sign-in without a linked account");
			}
			UserDetails account = this.accountSignIn.loadUserByUsername(linked.accountId().toString());
			List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
			authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
			User principal = new User(account.getUsername(), "", account.getAuthorities());
			principal.eraseCredentials();
			Authentication local = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
			SecurityContext context = this.holder.createEmptyContext();
			context.setAuthentication(local);
			this.holder.setContext(context);
			this.contexts.saveContext(context, request, response);
			next.onAuthenticationSuccess(request, response, local);
		};
	}

	/** Refusals go back to the sign-in page with a reason it can explain. */
	public AuthenticationFailureHandler failureHandler() {
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return new AuthenticationFailureHandler() {
			@Override
			public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) throws IOException, ServletException {
				String code = "federation";
				if (exception instanceof OAuth2AuthenticationException oauth2) {
					String error = oauth2.getError().getErrorCode();
					if (FederatedAccounts.UNVERIFIED.equals(error) || FederatedAccounts.NO_EMAIL.equals(error)
							|| FederatedAccounts.SUSPENDED.equals(error)) {
						code = error;
					}
					else {
						log.warn("Sign-in through an external provider failed: {}", oauth2.getError());
					}
				}
				redirects.sendRedirect(request, response, "/login?error=" + code);
			}
		};
	}

	/** The provider's person, known here as a local account. */
	static final class LinkedOidcUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final UUID accountId;

		LinkedOidcUser(UUID accountId, OidcUser external) {
			super(external.getAuthorities(), external.getIdToken(), external.getUserInfo());
			this.accountId = accountId;
		}

		UUID accountId() {
			return this.accountId;
		}

		@Override
		public String getName() {
			return this.accountId.toString();
		}

	}

}
