package io.authorworks.users.passkey;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page where a signed-in person lists, adds and removes passkeys. It lives on the
 * sign-in pages' session, because registration is a WebAuthn ceremony with this service
 * (its challenge is kept in that session); the web app's settings link here.
 */
@Controller
class PasskeysPageController {

	private final Passkeys passkeys;

	PasskeysPageController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping(Passkeys.PAGE)
	String page(Principal principal, @RequestParam(required = false) @Nullable String added,
			@RequestParam(required = false) @Nullable String removed, Model model) {
		model.addAttribute("passkeys", this.passkeys.list(account(principal)).stream().map(Row::of).toList());
		model.addAttribute("maxLabel", PasskeyRelyingParty.MAX_LABEL);
		if (added != null) {
			model.addAttribute("notice", "Passkey added. You can sign in with it from now on.");
		}
		else if (removed != null) {
			model.addAttribute("notice", "Passkey removed. It no longer signs you in.");
		}
		return "passkeys";
	}

	/** Removes a passkey; the page's script calls this with the CSRF header. */
	@DeleteMapping(Passkeys.PAGE + "/{id}")
	ResponseEntity<Void> remove(Principal principal, @PathVariable String id) {
		this.passkeys.remove(account(principal), id);
		return ResponseEntity.noContent().build();
	}

	/** A passkey with its dates as the page shows them. */
	record Row(String id, String label, Instant createdAt, @Nullable Instant lastUsedAt, String added,
			@Nullable String lastUsed) {

		private static final DateTimeFormatter DATE = DateTimeFormatter
			.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

		static Row of(Passkeys.Passkey passkey) {
			return new Row(passkey.id(), passkey.label(), passkey.createdAt(), passkey.lastUsedAt(),
					DATE.format(passkey.createdAt()),
					(passkey.lastUsedAt() != null) ? DATE.format(passkey.lastUsedAt()) : null);
		}

	}

	private static UUID account(Principal principal) {
		UUID id = Ids.parseOrNull(principal.getName());
		if (id == null) {
			throw new NotFoundException("Your account no longer exists.");
		}
		return id;
	}

}
