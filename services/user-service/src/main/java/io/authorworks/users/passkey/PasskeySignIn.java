package io.authorworks.users.passkey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.webauthn4j.util.exception.WebAuthnException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import io.authorworks.users.account.AccountSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing in with a passkey, on Spring Security's WebAuthn endpoints
 * ({@code /webauthn/authenticate/options}, {@code /login/webauthn}, and for registration
 * {@code /webauthn/register/options} and {@code /webauthn/register}). A passkey with user
 * verification is possession and a PIN or biometric at once, and cannot be phished, so it
 * signs a person in completely: the authentication it makes carries
 * {@code FACTOR_WEBAUTHN}, which the two-factor rule accepts in place of a code. It is
 * shaped like a password sign-in otherwise (a {@link User} named by the account id), so
 * tokens and sessions do not care how someone signed in. Suspended and unverified
 * accounts are refused after the passkey is verified, as after a right password; a
 * temporary lock from wrong passwords does not stop a passkey, since the lock is there
 * against guessing.
 */
@Component
public class PasskeySignIn {

	/**
	 * Where passkeys are managed and registered: these need a complete sign-in, or a
	 * stolen password alone could add the thief's passkey and skip the second factor.
	 */
	public static final String[] MANAGEMENT = { Passkeys.PAGE, Passkeys.PAGE + "/**", "/webauthn/register" };

	/**
	 * Spring Security's own removal endpoint ({@code DELETE /webauthn/register/{id}}),
	 * closed in favour of {@code DELETE /account/passkeys/{id}}, which answers 404 rather
	 * than 403 for a passkey that is not the caller's.
	 */
	public static final String SPRING_REMOVAL = "/webauthn/register/*";

	static final ProblemType NOT_ACCEPTED = new ProblemType("passkey-not-accepted", "The passkey was not accepted",
			401);

	static final ProblemType SUSPENDED = new ProblemType("account-suspended", "The account is suspended", 403);

	static final ProblemType UNVERIFIED = new ProblemType("email-unverified", "The email address is not confirmed",
			403);

	static final ProblemType NOT_REGISTERED = new ProblemType("passkey-not-registered",
			"The passkey could not be registered", 400);

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final AccountSignIn accounts;

	private final ApplicationEventPublisher events;

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, AccountSignIn accounts,
			ApplicationEventPublisher events) {
		this.relyingParty = relyingParty;
		this.accounts = accounts;
		this.events = events;
	}

	/**
	 * The WebAuthn configuration of the sign-in pages: the relying party is the
	 * {@link WebAuthnRelyingPartyOperations} bean, no generated pages, and sign-in
	 * through {@link PasskeyProvider}.
	 */
	public Customizer<WebAuthnConfigurer<HttpSecurity>> configuration() {
		return (webAuthn) -> webAuthn.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					ProviderManager manager = new ProviderManager(new PasskeyProvider());
					manager.setAuthenticationEventPublisher(
							new DefaultAuthenticationEventPublisher(PasskeySignIn.this.events));
					filter.setAuthenticationManager(manager);
					filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
					filter.setAuthenticationFailureHandler(new FailureHandler());
					return filter;
				}
			});
	}

	/**
	 * Answers a registration that fails verification (a wrong origin or challenge, a
	 * passkey registered before, a missing name) with a problem, where Spring Security
	 * would let the exception end the request with a 500.
	 */
	public OncePerRequestFilter registrationProblems() {
		return new RegistrationProblems();
	}

	/** Verifies the assertion, then checks the account as a password sign-in would. */
	private final class PasskeyProvider implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
			PublicKeyCredentialUserEntity userEntity;
			UserDetails user;
			try {
				userEntity = PasskeySignIn.this.relyingParty.authenticate(request.getWebAuthnRequest());
				user = PasskeySignIn.this.accounts.loadUserByUsername(userEntity.getName());
			}
			catch (UsernameNotFoundException | IllegalArgumentException | IllegalStateException
					| WebAuthnException ex) {
				throw new BadCredentialsException("The passkey was not accepted", ex);
			}
			PasskeySignIn.this.accounts.afterPassword().check(user);
			List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
			authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
			User principal = new User(user.getUsername(), "", user.getAuthorities());
			principal.eraseCredentials();
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
		}

	}

	/**
	 * Answers the page's script with a problem it can explain: a passkey that was not
	 * accepted, or an account that may not sign in.
	 */
	private static final class FailureHandler implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			ProblemDetail problem = switch (exception) {
				case DisabledException disabled when "suspended".equals(disabled.getMessage()) -> Problems.of(SUSPENDED,
						"This account is suspended. Contact support if you think this is a mistake.", request);
				case DisabledException disabled ->
					Problems.of(UNVERIFIED, "Confirm your email first: open the link we mailed you.", request);
				default -> Problems.of(NOT_ACCEPTED,
						"That passkey was not accepted. Try again, or sign in with your password.", request);
			};
			Problems.write(response, problem);
		}

	}

	/** Turns a refused registration into a problem document. */
	private static final class RegistrationProblems extends OncePerRequestFilter {

		private final RequestMatcher registration = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.POST, "/webauthn/register");

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!this.registration.matches(request)) {
				chain.doFilter(request, response);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			catch (ProblemException ex) {
				ProblemDetail problem = Problems.of(ex.type(), ex.detail(), request);
				ex.properties().forEach(problem::setProperty);
				Problems.write(response, problem);
			}
			catch (WebAuthnException | IllegalArgumentException ex) {
				this.logger.debug("Passkey registration refused", ex);
				Problems.write(response, Problems.of(NOT_REGISTERED,
						"The passkey could not be registered. It may be registered already; try again.", request));
			}
		}

	}

}
