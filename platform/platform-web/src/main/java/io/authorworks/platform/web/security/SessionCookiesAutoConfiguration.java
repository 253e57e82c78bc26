package io.authorworks.platform.web.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Gives a deployable's session cookie the {@code __Host-} prefix wherever the origin
 * allows it, that is wherever the cookie is {@code Secure}
 * ({@code SESSION_COOKIE_SECURE}, behind TLS): the browser then takes the cookie only
 * from this exact host over HTTPS, for the path {@code /} and with no {@code Domain}, so
 * no sibling or parent domain and no plain-HTTP page can set or overwrite it (a session
 * fixation route). On plain HTTP (the all-in-one on localhost) the name stays unprefixed,
 * as browsers require.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DefaultCookieSerializerCustomizer.class)
public class SessionCookiesAutoConfiguration {

	static final String HOST_PREFIX = "__Host-";

	@Bean
	DefaultCookieSerializerCustomizer hostPrefixedSessionCookie(Environment environment) {
		boolean secure = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false);
		String name = environment.getProperty("server.servlet.session.cookie.name", "SESSION");
		return (serializer) -> {
			if (secure && !name.startsWith(HOST_PREFIX)) {
				serializer.setCookieName(HOST_PREFIX + name);
				serializer.setCookiePath("/");
			}
		};
	}

}
