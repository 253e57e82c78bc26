package io.authorworks.platform.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTagsTests {

	@Test
	void acceptsValidTagsInCanonicalCase() {
		assertThat(LanguageTags.normalize("en")).hasValue("en");
		assertThat(LanguageTags.normalize("en-gb")).hasValue("en-GB");
		assertThat(LanguageTags.normalize("pt-BR")).hasValue("pt-BR");
		assertThat(LanguageTags.normalize("zh-Hant-TW")).hasValue("zh-Hant-TW");
		assertThat(LanguageTags.normalize("es-419")).hasValue("es-419");
		assertThat(LanguageTags.normalize("haw")).hasValue("haw");
	}

	@Test
	void refusesTagsThatAreIllFormedOrNameNoLanguage() {
		for (String tag : new String[] { "", "e", "english", "en_GB", "en-", "en--GB", "en-1", "en-US-x", "en-a", "zz",
				"xx-YY", "en-ZZ", "123", "en GB", "i-klingon", "x-private" }) {
			assertThat(LanguageTags.normalize(tag)).as(tag).isEmpty();
		}
	}

}
