package io.authorworks.content.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.authorworks.content.ContentProperties;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The fonts PDF export embeds, so any Latin, Greek or Cyrillic text prints: a serif
 * family found on the machine (the configured folder first, then the usual system
 * folders), or else the Unicode sans font that ships inside the PDF library, with bold
 * and italic simulated. Nothing is downloaded.
 */
@Component
class PdfFonts {

	private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

	private static final List<String> SYSTEM_FOLDERS = List.of("/usr/share/fonts/truetype/dejavu",
			"/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype/liberation",
			"/usr/share/fonts/liberation", "/Library/Fonts", "C:\\Windows\\Fonts");

	/** Family file names: regular, bold, italic, bold italic. */
	private static final List<List<String>> FAMILIES = List.of(
			List.of("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
			List.of("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
					"LiberationSerif-BoldItalic.ttf"));

	private static final String BUNDLED = "/font-fallback/LiberationSans-Regular.ttf";

	private final BaseFont[] faces;

	private final boolean simulated;

	PdfFonts(ContentProperties properties) {
		List<String> folders = new ArrayList<>();
		if (properties.pdfFontDirectory() != null && !properties.pdfFontDirectory().isBlank()) {
			folders.add(properties.pdfFontDirectory());
		}
		folders.addAll(SYSTEM_FOLDERS);
		BaseFont[] found = findFamily(folders);
		if (found != null) {
			this.faces = found;
			this.simulated = false;
		}
		else {
			BaseFont bundled = bundled();
			this.faces = new BaseFont[] { bundled, bundled, bundled, bundled };
			this.simulated = true;
			log.info("No serif font family found for PDF export; using the bundled sans font");
		}
	}

	/** A font of the given size and style ({@link Font#BOLD}, {@link Font#ITALIC}). */
	Font font(float size, int style) {
		int face = ((style & Font.BOLD) != 0 ? 1 : 0) + ((style & Font.ITALIC) != 0 ? 2 : 0);
		return new Font(this.faces[face], size, this.simulated ? style : Font.NORMAL);
	}

	private static BaseFont @Nullable [] findFamily(List<String> folders) {
		for (String folder : folders) {
			for (List<String> family : FAMILIES) {
				Path regular = Path.of(folder, family.getFirst());
				if (!Files.isReadable(regular)) {
					continue;
				}
				try {
					BaseFont[] faces = new BaseFont[4];
					for (int i = 0; i < 4; i++) {
						Path file = Path.of(folder, family.get(i));
						faces[i] = create(Files.isReadable(file) ? file : regular);
					}
					return faces;
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Cannot use the fonts in {}: {}", folder, ex.getMessage());
				}
			}
		}
		return null;
	}

	private static BaseFont create(Path file) throws IOException {
		return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
	}

	private static BaseFont bundled() {
		try (InputStream in = BaseFont.class.getResourceAsStream(BUNDLED)) {
			if (in == null) {
				return BaseFont.createFont(BaseFont.TIMES_ROMAN, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
			}
			byte[] bytes = in.readAllBytes();
			return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					bytes, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
