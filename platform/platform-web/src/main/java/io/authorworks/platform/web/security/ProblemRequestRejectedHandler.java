package io.authorworks.platform.web.security;

import java.io.IOException;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers what the {@code StrictHttpFirewall} refuses (an encoded slash or dot segment,
 * {@code //}, a semicolon, a control character in a header it reads) with a {@code 400}
 * problem, where Spring Security would send a bare error status.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		Problems.write(response, Problems.of(ProblemType.BAD_REQUEST,
				"The request's address or headers contain something that is not allowed.", request));
	}

}
