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
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The fonts PDF export embeds, all shipped inside the service (see
 * {@code fonts/README.md} beside this class's resources), and the choice of font for each
 * character: Noto Serif for Latin, Greek and Cyrillic, then Hebrew, Arabic, Chinese,
 * Japanese and Korean, then monochrome emoji. A configured folder may replace the Latin
 * family; nothing is read from the machine's own font folders, and nothing is downloaded.
 */
@Component
class PdfFonts {

	private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

	/**
	 * Latin family file names in a configured folder: regular, bold, italic, bold italic.
	 */
	private static final List<List<String>> FOLDER_FAMILIES = List.of(
			List.of("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
			List.of("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
					"LiberationSerif-BoldItalic.ttf"));

	private final List<Family> families;

	PdfFonts(ContentProperties properties) {
		List<Family> families = new ArrayList<>();
		Family configured = fromFolder(properties.pdfFontDirectory());
		families.add((configured != null) ? configured : new Family(shipped("NotoSerif-Regular.ttf"),
				shipped("NotoSerif-Bold.ttf"), shipped("NotoSerif-Italic.ttf"), shipped("NotoSerif-BoldItalic.ttf")));
		BaseFont hebrew = shipped("NotoSerifHebrew-Regular.ttf");
		BaseFont hebrewBold = shipped("NotoSerifHebrew-Bold.ttf");
		families.add(new Family(hebrew, hebrewBold, null, null));
		families
			.add(new Family(shipped("NotoNaskhArabic-Regular.ttf"), shipped("NotoNaskhArabic-Bold.ttf"), null, null));
		families.add(new Family(shipped("NotoSerifCJKsc-Regular.otf"), null, null, null));
		families.add(new Family(shipped("NotoEmoji-Regular.ttf"), null, null, null));
		this.families = List.copyOf(families);
	}

	/**
	 * A font of the given size and style ({@link Font#BOLD}, {@link Font#ITALIC}) from
	 * the Latin family, for text known to be digits or Latin letters.
	 */
	Font font(float size, int style) {
		return this.families.getFirst().font(size, style);
	}

	/**
	 * The text as chunks, each set in the first font that has all of its characters.
	 * Characters no font has (such as emoji variation selectors) are left out rather than
	 * printed as empty boxes; a space no font has, such as a line break, goes with the
	 * Latin font.
	 */
	List<Chunk> chunks(String text, float size, int style) {
		List<Chunk> chunks = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		Family current = null;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			Family family = (current != null && current.has(codePoint)) ? current : familyFor(codePoint);
			if (family == null) {
				continue;
			}
			if (family != current && current != null && !run.isEmpty()) {
				chunks.add(new Chunk(run.toString(), current.font(size, style)));
				run.setLength(0);
			}
			current = family;
			run.appendCodePoint(codePoint);
		}
		if (current != null && !run.isEmpty()) {
			chunks.add(new Chunk(run.toString(), current.font(size, style)));
		}
		return chunks;
	}

	private @Nullable Family familyFor(int codePoint) {
		for (Family family : this.families) {
			if (family.has(codePoint)) {
				return family;
			}
		}
		if (Character.isWhitespace(codePoint)) {
			return this.families.getFirst();
		}
		return null;
	}

	private static @Nullable Family fromFolder(@Nullable String folder) {
		if (folder == null || folder.isBlank()) {
			return null;
		}
		for (List<String> names : FOLDER_FAMILIES) {
			Path regular = Path.of(folder, names.getFirst());
			if (!Files.isReadable(regular)) {
				continue;
			}
			try {
				BaseFont regularFace = fromFile(regular);
				@Nullable BaseFont[] styled = new BaseFont[3];
				for (int i = 0; i < 3; i++) {
					Path file = Path.of(folder, names.get(i + 1));
					styled[i] = Files.isReadable(file) ? fromFile(file) : null;
				}
				return new Family(regularFace, styled[0], styled[1], styled[2]);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Cannot use the fonts in {}: {}", folder, ex.getMessage());
			}
		}
		log.warn("No DejaVu Serif or Liberation Serif family in {}; using the shipped Noto Serif", folder);
		return null;
	}

	private static BaseFont fromFile(Path file) throws IOException {
		return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
	}

	private static BaseFont shipped(String name) {
		try (InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + name)) {
			if (in == null) {
				throw new IllegalStateException("The font " + name + " is missing from the build");
			}
			return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One typeface's faces; a missing bold or italic face is simulated from the regular
	 * (or bold) one.
	 */
	private record Family(BaseFont regular, @Nullable BaseFont bold, @Nullable BaseFont italic,
			@Nullable BaseFont boldItalic) {

		boolean has(int codePoint) {
			return this.regular.charExists(codePoint);
		}

		Font font(float size, int style) {
			boolean bold = (style & Font.BOLD) != 0;
			boolean italic = (style & Font.ITALIC) != 0;
			if (bold && italic && this.boldItalic != null) {
				return new Font(this.boldItalic, size, Font.NORMAL);
			}
			if (italic && !bold && this.italic != null) {
				return new Font(this.italic, size, Font.NORMAL);
			}
			if (bold && this.bold != null) {
				return new Font(this.bold, size, italic ? Font.ITALIC : Font.NORMAL);
			}
			return new Font(this.regular, size, style & (Font.BOLD | Font.ITALIC));
		}

	}

}
