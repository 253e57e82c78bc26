package io.authorworks.gateway.bff;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

class SignInEntryPointTests {

	private final SignInEntryPoint entryPoint = new SignInEntryPoint();

	@Test
	void aBrowserNavigationIsSentToSignInAndBack() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/drafts/7");
		request.setQueryString("tab=notes");
		request.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.entryPoint.commence(request, response, new InsufficientAuthenticationException("sign in"));

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/bff/login?returnTo=/drafts/7?tab%3Dnotes");
	}

	@Test
	void anApiCallGetsAProblemEvenFromABrowser() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
		request.addHeader("Sec-Fetch-Mode", "navigate");
		request.addHeader("Accept", "text/html");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.entryPoint.commence(request, response, new InsufficientAuthenticationException("sign in"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("https://authorworks.dev/problems/unauthenticated");
	}

	@Test
	void aScriptGetsAProblem() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/bff/something");
		request.addHeader("Accept", "application/json");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.entryPoint.commence(request, response, new InsufficientAuthenticationException("sign in"));

		assertThat(response.getStatus()).isEqualTo(401);
	}

}
