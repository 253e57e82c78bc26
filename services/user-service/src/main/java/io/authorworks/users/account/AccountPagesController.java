package io.authorworks.users.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.Violation;
import io.authorworks.users.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The server-rendered account pages: sign in, sign up, verify email and reset a password.
 * They work without JavaScript and are reached through the gateway on the same origin as
 * the web app.
 */
@Controller
class AccountPagesController {

	private final Registration registration;

	private final IdentityProperties properties;

	private final List<SignInProvider> providers;

	AccountPagesController(Registration registration, IdentityProperties properties,
			ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
		this.registration = registration;
		this.properties = properties;
		this.providers = providers(clientRegistrations.getIfAvailable());
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout, Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "Too many failed attempts. This account is locked for a few minutes.";
				case "unverified" ->
					"Confirm your email first: open the link we mailed you, or ask for a new one below.";
				case "suspended" -> "This account is suspended. Contact support if you think this is a mistake.";
				case "code" -> "That code is not right. Try the current one from your authenticator app.";
				case "passkey" -> "That passkey was not accepted. Try again, or sign in with your password.";
				case "federation-unverified" ->
					"That provider has not verified your email address, and an AuthorWorks account already uses it. "
							+ "Sign in with your password, or verify the address with the provider first.";
				case "federation-email" ->
					"That provider did not share a verified email address, which AuthorWorks needs for your account.";
				case "federation" -> "Signing in with that provider did not work. Try again, or use your password.";
				default -> "The email, username or password is not right.";
			});
			model.addAttribute("unverified", "unverified".equals(error));
		}
		if (logout != null) {
			model.addAttribute("notice", "You are signed out.");
		}
		model.addAttribute("providers", this.providers);
		return "login";
	}

	@GetMapping("/signup")
	String signUpForm(Model model) {
		model.addAttribute("form", new Registration.SignUpForm("", "", "", "", true));
		return "signup";
	}

	@PostMapping("/signup")
	String signUp(@ModelAttribute("form") Registration.SignUpForm form, Model model) {
		try {
			UserAccount account = this.registration.signUp(form);
			model.addAttribute("email", account.email());
			return "check-email";
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("form", new Registration.SignUpForm(form.email(), form.username(), form.displayName(),
					"", form.wantsToWrite()));
			model.addAttribute("errors", fieldErrors(ex));
			return "signup";
		}
	}

	@GetMapping("/verify-email")
	String verifyEmail(@RequestParam(required = false) @Nullable String token, Model model) {
		Optional<UserAccount> account = (token != null && !token.isBlank()) ? this.registration.verifyEmail(token)
				: Optional.empty();
		model.addAttribute("verified", account.isPresent());
		model.addAttribute("signInUrl", this.properties.afterVerificationUrl());
		account.ifPresent((a) -> model.addAttribute("displayName", a.displayName()));
		return "verify-email";
	}

	@PostMapping("/verify-email/resend")
	String resendVerification(@RequestParam String email, Model model) {
		this.registration.resendVerification(email);
		model.addAttribute("email", email);
		return "check-email";
	}

	@GetMapping("/password-reset")
	String passwordResetForm() {
		return "password-reset";
	}

	@PostMapping("/password-reset")
	String requestPasswordReset(@RequestParam String email, Model model) {
		this.registration.requestPasswordReset(email);
		model.addAttribute("sent", true);
		model.addAttribute("email", email);
		return "password-reset";
	}

	@GetMapping("/password-reset/confirm")
	String passwordResetConfirmForm(@RequestParam(required = false) @Nullable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("usable", token != null && this.registration.resetTokenUsable(token));
		return "password-reset-confirm";
	}

	@PostMapping("/password-reset/confirm")
	String resetPassword(@RequestParam String token, @RequestParam String password, Model model,
			HttpServletRequest request) {
		try {
			boolean done = this.registration.resetPassword(token, password);
			model.addAttribute("token", token);
			model.addAttribute("usable", done);
			model.addAttribute("done", done);
			return "password-reset-confirm";
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("token", token);
			model.addAttribute("usable", true);
			model.addAttribute("errors", fieldErrors(ex));
			return "password-reset-confirm";
		}
	}

	/**
	 * The external providers configured through
	 * {@code spring.security.oauth2.client.registration.*}, in a stable order.
	 */
	private static List<SignInProvider> providers(@Nullable ClientRegistrationRepository registrations) {
		List<SignInProvider> providers = new ArrayList<>();
		if (registrations instanceof Iterable<?> all) {
			for (Object item : all) {
				if (item instanceof ClientRegistration registration
						&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
					providers.add(new SignInProvider(registration.getClientName(),
							"/oauth2/authorization/" + registration.getRegistrationId()));
				}
			}
		}
		providers.sort(Comparator.comparing(SignInProvider::name));
		return List.copyOf(providers);
	}

	/** A "sign in with" button: the provider's name and where the link starts. */
	record SignInProvider(String name, String href) {
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> fieldErrors(InvalidRequestException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		Object violations = ex.properties().get("violations");
		if (violations instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Violation violation) {
					errors.putIfAbsent(violation.field(), violation.message());
				}
			}
		}
		return errors;
	}

}
