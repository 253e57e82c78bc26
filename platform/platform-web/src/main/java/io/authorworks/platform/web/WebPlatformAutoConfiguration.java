package io.authorworks.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.authorworks.platform.web.security.CallerArgumentResolver;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the web chassis into every servlet deployable.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPlatformAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
				jakarta.servlet.DispatcherType.ASYNC);
		return registration;
	}

	/** Right after the request id, so even a refused query's problem names it. */
	@Bean
	FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
		FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Runs inside the observation filter (order +1), so its line carries the trace
	 * context, and logs failed, slow and sampled requests (all of them without a tracer).
	 */
	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter(ObjectProvider<Tracer> tracers,
			@Value("${authorworks.web.access-log.slow:500ms}") Duration slow) {
		Tracer tracer = tracers.getIfAvailable();
		BooleanSupplier sampled = (tracer == null) ? () -> true : () -> {
			Span span = tracer.currentSpan();
			return span != null && Boolean.TRUE.equals(span.context().sampled());
		};
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(
				new AccessLogFilter(slow, sampled));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
			@Value("${authorworks.web.max-request-body:1MB}") DataSize limit) {
		FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(limit));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(ProblemDetailsAdvice.class)
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	RequestBodyText requestBodyText() {
		return new RequestBodyText();
	}

	@Bean
	WebMvcConfigurer strictJsonRequestBodies() {
		return StrictJson.requestBodies();
	}

	@Bean
	WebMvcConfigurer callerArgumentResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	/** What Tomcat refuses before any filter runs is answered with problems too. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
	static class TomcatConfiguration {

		@Bean
		ContainerProblems containerProblems() {
			return new ContainerProblems();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
	static class OpenApiConfiguration {

		@Bean
		OpenApiProblems openApiProblems() {
			return new OpenApiProblems();
		}

		@Bean
		OpenApiSchemaNames openApiSchemaNames() {
			return new OpenApiSchemaNames();
		}

	}

}
