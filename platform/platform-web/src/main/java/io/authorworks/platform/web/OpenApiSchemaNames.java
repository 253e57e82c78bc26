package io.authorworks.platform.web;

import java.util.Iterator;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Names the schema of a nested type after the type it is nested in, so that
 * {@code ChapterController.ReorderRequest} and {@code SeriesController.ReorderRequest}
 * become {@code ChapterReorderRequest} and {@code SeriesReorderRequest} instead of one
 * {@code ReorderRequest} schema that describes only whichever was resolved first.
 *
 * <p>
 * The enclosing name loses a trailing {@code Controller}; a nested name that already
 * contains it ({@code BookController.BookChanges}) is left as it is. A type named
 * explicitly with {@code @Schema(name = ...)} keeps that name.
 */
final class OpenApiSchemaNames implements ModelConverter {

	private static final String OUR_PACKAGES = "io.authorworks.";

	@Override
	@SuppressWarnings("rawtypes")
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (type.getName() == null || type.getName().isBlank()) {
			Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
			String name = nameOf(raw);
			if (name != null) {
				// The name is no part of AnnotatedType's identity, so the context's
				// caches are unaffected.
				type.name(name);
			}
		}
		return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
	}

	static @Nullable String nameOf(Class<?> type) {
		Class<?> enclosing = type.getEnclosingClass();
		if (enclosing == null || !type.getName().startsWith(OUR_PACKAGES) || type.isEnum()
				|| type.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)) {
			return null;
		}
		String prefix = enclosing.getSimpleName().replaceFirst("Controller$", "");
		String simple = type.getSimpleName();
		return simple.contains(prefix) ? simple : prefix + simple;
	}

}
