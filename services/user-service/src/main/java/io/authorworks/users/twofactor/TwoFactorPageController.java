package io.authorworks.users.twofactor;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The server-rendered second sign-in step. The form posts to the filter that
 * {@link TwoFactorSignIn#filter()} builds.
 */
@Controller
class TwoFactorPageController {

	@GetMapping(TwoFactorSignIn.PAGE)
	String page(@RequestParam(required = false) @Nullable String error, Model model) {
		if (error != null) {
			model.addAttribute("error",
					"That code is not right. Try the current code from your authenticator app, or an unused recovery code.");
		}
		return "two-factor";
	}

}
