package io.authorworks.platform.core;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InputTextTests {

	@Test
	void acceptsTextInAnyScriptWithLineBreaksAndTabs() {
		assertThat(InputText
			.defect("Chapter 1\n\tShe said \u201chi\u201d.\r\n\u05e9\u05dc\u05d5\u05dd \u4f60\u597d \ud83d\ude00"))
			.isNull();
	}

	@Test
	void refusesNulOtherC0ControlsAndLoneSurrogates() {
		assertThat(InputText.defect("a\u0000b")).contains("NUL");
		assertThat(InputText.defect("bell\u0007")).contains("U+0007");
		assertThat(InputText.defect("esc\u001b[31m")).contains("U+001B");
		assertThat(InputText.defect("title \ud800")).contains("U+D800");
		assertThat(InputText.defect("\udc00 first")).contains("U+DC00");
		assertThat(InputText.defect("\ud83d\ud83d\ude00")).as("a high surrogate followed by a pair").contains("U+D83D");
	}

	@Test
	void decodesValidUtf8AndRefusesWhatWouldBecomeReplacementCharacters() throws Exception {
		assertThat(InputText.decode("na\u00efve \ud83d\ude00".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
			.isEqualTo("na\u00efve \ud83d\ude00");
		byte[][] invalid = { { 'C', 'h', (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xE2, (byte) 0x82 },
				// An encoded surrogate (CESU-8), which UTF-8 does not allow.
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				// An overlong encoding of '/'.
				{ (byte) 0xC0, (byte) 0xAF } };
		for (byte[] bytes : invalid) {
			assertThatExceptionOfType(CharacterCodingException.class)
				.isThrownBy(() -> InputText.decode(bytes, StandardCharsets.UTF_8));
		}
	}

}
