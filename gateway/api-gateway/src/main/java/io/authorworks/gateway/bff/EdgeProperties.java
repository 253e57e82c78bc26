package io.authorworks.gateway.bff;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway tells browsers about the origin as a whole.
 *
 * @param contentSecurityPolicy the policy for the web app and the API (the services' own
 * pages keep theirs)
 * @param corsAllowedOrigins other origins allowed to call with credentials; none by
 * default, because the web app is served from this origin
 */
@ConfigurationProperties("authorworks.gateway.edge")
@Validated
public record EdgeProperties(@NotBlank String contentSecurityPolicy, @Nullable List<String> corsAllowedOrigins) {

	public List<String> allowedOrigins() {
		return (this.corsAllowedOrigins != null)
				? this.corsAllowedOrigins.stream().map(String::trim).filter((origin) -> !origin.isEmpty()).toList()
				: List.of();
	}

}
