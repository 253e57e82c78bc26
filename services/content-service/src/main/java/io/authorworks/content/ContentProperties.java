package io.authorworks.content;

import java.net.URI;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The content-service's own settings, checked at start-up.
 *
 * @param userServiceUrl where the user-service answers internal account look-ups
 * @param maxChaptersPerBook chapters one book may hold
 * @param maxChapterCharacters characters one chapter's Markdown may hold
 * @param maxMembersPerBook people one book may be shared with, its owner included
 * @param maxBibleEntries entries one story-bible collection may hold
 * @param maxImportChapters chapters one import may create
 * @param pdfFontDirectory a folder with a TrueType serif family (files named like
 * {@code DejaVuSerif.ttf}) to set Latin, Greek and Cyrillic text in PDF export instead of
 * the shipped Noto Serif; the shipped fonts still cover every other script
 */
@Validated
@ConfigurationProperties("authorworks.content")
public record ContentProperties(@NotNull URI userServiceUrl, @DefaultValue("1000") @Positive int maxChaptersPerBook,
		@DefaultValue("1000000") @Positive @Max(10_000_000) int maxChapterCharacters,
		@DefaultValue("50") @Positive int maxMembersPerBook, @DefaultValue("500") @Positive int maxBibleEntries,
		@DefaultValue("500") @Positive int maxImportChapters, @Nullable String pdfFontDirectory) {
}
