package io.authorworks.users.twofactor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.authorworks.platform.core.Ids;
import io.authorworks.users.account.AccountSignIn;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The second sign-in step, built on Spring Security's multi-factor support. The password
 * (or an external provider) grants {@code FACTOR_PASSWORD} (or
 * {@code FACTOR_AUTHORIZATION_CODE}); a right code on {@value #PAGE} adds
 * {@value AccountSignIn#SECOND_FACTOR}. The authorization endpoint demands that factor
 * from accounts that turned two-factor sign-in on, so no token is ever issued on one
 * factor, and a missing factor sends the person to {@value #PAGE} with the authorization
 * request saved, to resume once the code is given. Wrong codes count toward the same
 * lockout as wrong passwords.
 */
@Component
public class TwoFactorSignIn {

	/** The page that asks for the second factor. */
	public static final String PAGE = "/login/two-factor";

	private final TwoFactor twoFactor;

	private final AccountSignIn accountSignIn;

	private final UserAccounts accounts;

	private final ApplicationEventPublisher events;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	TwoFactorSignIn(TwoFactor twoFactor, AccountSignIn accountSignIn, UserAccounts accounts,
			ApplicationEventPublisher events) {
		this.twoFactor = twoFactor;
		this.accountSignIn = accountSignIn;
		this.accounts = accounts;
		this.events = events;
	}

	/**
	 * The factor this step grants, for the access-denied handler that sends people here.
	 */
	public static String factor() {
		return AccountSignIn.SECOND_FACTOR;
	}

	/** Where a person missing the second factor is sent. */
	public AuthenticationEntryPoint entryPoint() {
		return new LoginUrlAuthenticationEntryPoint(PAGE);
	}

	/**
	 * Whether this authentication still lacks a second factor that its account requires.
	 */
	public boolean secondFactorMissing(@Nullable Authentication authentication) {
		if (authentication == null || !this.trust.isAuthenticated(authentication) || hasSecondFactor(authentication)) {
			return false;
		}
		UUID id = Ids.parseOrNull(authentication.getName());
		return id != null && this.accounts.findById(id).map(UserAccount::twoFactorEnabled).orElse(false);
	}

	/**
	 * The rule for the authorization endpoint: signed in, and with the second factor when
	 * the account has it on. A missing factor is reported as such, so Spring Security's
	 * missing-authority handler can send the person to the second step.
	 */
	public AuthorizationManager<RequestAuthorizationContext> authorizationRule() {
		AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> withSecondFactor = AllRequiredFactorsAuthorizationManager
			.<RequestAuthorizationContext>builder()
			.requireFactor((factor) -> factor.authority(AccountSignIn.SECOND_FACTOR))
			.build();
		return new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
					RequestAuthorizationContext context) {
				Authentication current = authentication.get();
				if (current == null || !TwoFactorSignIn.this.trust.isAuthenticated(current)) {
					return new AuthorizationDecision(false);
				}
				if (secondFactorMissing(current)) {
					return withSecondFactor.authorize(authentication, context);
				}
				return new AuthorizationDecision(true);
			}
		};
	}

	/**
	 * Wraps what happens after a first factor succeeded: an account with two-factor
	 * sign-in goes straight to the second step (the saved request stays saved for after
	 * it), any other continues as before.
	 */
	public AuthenticationSuccessHandler afterFirstFactor(AuthenticationSuccessHandler next) {
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return (request, response, authentication) -> {
			if (secondFactorMissing(authentication)) {
				redirects.sendRedirect(request, response, PAGE);
			}
			else {
				next.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** The filter that checks the code posted to {@value #PAGE}. */
	public AbstractAuthenticationProcessingFilter filter() {
		ProviderManager manager = new ProviderManager(new CodeProvider());
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(this.events));
		CodeFilter filter = new CodeFilter(manager);
		// Merge this factor into the authentication the first step made.
		filter.setMfaEnabled(true);
		filter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
		filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
		filter.setAuthenticationFailureHandler(new FailureHandler());
		return filter;
	}

	/**
	 * A code, or a passkey: a passkey with user verification is itself two factors (the
	 * device and its PIN or biometric), so it needs no code after it.
	 */
	private static boolean hasSecondFactor(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((authority) -> AccountSignIn.SECOND_FACTOR.equals(authority)
					|| FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(authority));
	}

	/** Reads the code and the account of the first step. */
	private final class CodeFilter extends AbstractAuthenticationProcessingFilter {

		CodeFilter(ProviderManager manager) {
			super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PAGE), manager);
		}

		@Override
		public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current == null || !TwoFactorSignIn.this.trust.isAuthenticated(current)) {
				throw new InsufficientAuthenticationException("Sign in with your password first");
			}
			String code = request.getParameter("code");
			return getAuthenticationManager()
				.authenticate(new SecondFactorCode(current.getName(), (code != null) ? code : ""));
		}

	}

	/** Checks a code against the account, as a sign-in attempt that can fail and lock. */
	private final class CodeProvider implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			SecondFactorCode attempt = (SecondFactorCode) authentication;
			UserDetails user = TwoFactorSignIn.this.accountSignIn.loadUserByUsername(attempt.getPrincipal());
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
			if (!TwoFactorSignIn.this.twoFactor.verify(UUID.fromString(user.getUsername()), attempt.getCredentials())) {
				throw new BadCredentialsException("The code is not right");
			}
			List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
			authorities.add(FactorGrantedAuthority.fromAuthority(AccountSignIn.SECOND_FACTOR));
			User principal = new User(user.getUsername(), "", user.getAuthorities());
			principal.eraseCredentials();
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return SecondFactorCode.class.isAssignableFrom(authentication);
		}

	}

	/**
	 * A wrong code asks again; a locked, suspended or missing first step ends the
	 * half-finished sign-in.
	 */
	private static final class FailureHandler implements AuthenticationFailureHandler {

		private final RedirectStrategy redirects = new DefaultRedirectStrategy();

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			String target = switch (exception) {
				case BadCredentialsException wrong -> PAGE + "?error=code";
				case LockedException locked -> "/login?error=locked";
				case DisabledException disabled -> "/login?error=suspended";
				default -> "/login";
			};
			if (!(exception instanceof BadCredentialsException)) {
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
			}
			this.redirects.sendRedirect(request, response, target);
		}

	}

}
