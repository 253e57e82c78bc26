package io.authorworks.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Import and export through the API: manuscripts split into chapters, bad manuscripts
 * refused with nothing changed, an EPUB that EPUBCheck passes, a PDF that parses with a
 * page per chapter and prints every script with embedded fonts, both naming the author,
 * and Markdown that imports back into the same book.
 */
class ExchangeIntegrationTests extends ContentIntegrationTest {

	static final String MANUSCRIPT = """
			# The Analytical Engine

			## The Loom

			Ada watched the loom weave *patterns* from punched cards — café au lait in hand.

			Привет, said the visiting engineer.

			---

			> "It weaves algebra," she said.

			## The Engine

			Charles drew the **engine**:

			1. the store
			2. the mill

			<script>alert('no')</script>

			## Ἀρχή

			Greek, too: ἀρχή.
			""";

	@Test
	void importMarkdownThenExportEpubPdfAndMarkdown() throws Exception {
		Author ada = author("ada");
		String bookId = book(ada, "The Analytical Engine").get("id").asString();
		Api.Response imported = ada.api()
			.send("POST", "/content/books/" + bookId + "/import", MANUSCRIPT, "text/markdown");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(3);
		assertThat(imported.json().get("chapters")).extracting((c) -> c.get("title").asString())
			.containsExactly("The Loom", "The Engine", "Ἀρχή");
		String firstChapter = imported.json().get("chapters").get(0).get("id").asString();
		JsonNode history = ada.api()
			.get("/content/books/" + bookId + "/chapters/" + firstChapter + "/revisions")
			.json();
		assertThat(history.get("items").get(0).get("kind").asString()).isEqualTo("imported");

		Api.Response epub = ada.api().get("/content/books/" + bookId + "/export/epub");
		assertThat(epub.status()).isEqualTo(200);
		assertThat(epub.contentType()).isEqualTo("application/epub+zip");
		assertThat(epub.header("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).contains("attachment").contains("the-analytical-engine.epub"));
		assertThat(EpubChecker.errors(epub.bytes())).isEmpty();
		assertThat(EpubChecker.errors(new byte[] { 0x50, 0x4B, 3, 4 })).as("the checker does report broken books")
			.isNotEmpty();

		Api.Response pdf = ada.api().get("/content/books/" + bookId + "/export/pdf");
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		PdfReader reader = new PdfReader(pdf.bytes());
		try {
			assertThat(reader.getNumberOfPages()).as("a title page and one page per chapter").isEqualTo(4);
			PdfTextExtractor text = new PdfTextExtractor(reader);
			assertThat(text.getTextFromPage(1)).contains("The Analytical Engine");
			assertThat(text.getTextFromPage(2)).contains("The Loom").contains("patterns").contains("2");
			assertThat(text.getTextFromPage(3)).contains("The Engine").doesNotContain("alert");
			assertThat(text.getTextFromPage(2)).contains("Привет");
		}
		finally {
			reader.close();
		}

		Api.Response markdown = ada.api().get("/content/books/" + bookId + "/export/markdown");
		assertThat(markdown.contentType()).startsWith("text/markdown");
		String other = book(ada, "Copy").get("id").asString();
		Api.Response reimported = ada.api()
			.send("POST", "/content/books/" + other + "/import", markdown.text(), "text/markdown");
		assertThat(reimported.json().get("chapters")).extracting((c) -> c.get("title").asString())
			.containsExactly("The Loom", "The Engine", "Ἀρχή");
		assertThat(ada.api().get("/content/books/" + other).json().get("wordCount").asLong())
			.isEqualTo(ada.api().get("/content/books/" + bookId).json().get("wordCount").asLong());

		assertProblem(ada.api().get("/content/books/" + bookId + "/export/docx"), 404, "not-found");
	}

	/**
	 * Latin, Chinese, Japanese, Korean, Hebrew, Arabic and emoji, in mixed paragraphs.
	 */
	static final String MIXED = """
			# 天工开物

			## 织机 The Loom

			Ada met 李白 at the café ☕ and laughed 😀, then read שלום עולם aloud.

			שלום לכולם, said the visitor from 以色列 with a 📖 in hand.

			東京の**かな**とカナ, 한국어 글자, and مرحبا بالعالم.
			""";

	@Test
	void pdfEmbedsEveryFontPrintsEveryScriptAndNamesTheAuthor() throws Exception {
		Author ada = author("ada");
		userEvent("UserRegistered", ada.id(), Map.of("displayName", "Ada Lovelace"));
		String bookId = book(ada, "天工开物 Mixed").get("id").asString();
		Api.Response imported = ada.api().send("POST", "/content/books/" + bookId + "/import", MIXED, "text/markdown");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					entry(ada.api().get("/content/books/" + bookId + "/export/epub").bytes(), "OEBPS/content.opf"))
				.contains("<dc:creator>Ada Lovelace</dc:creator>"));
		byte[] epub = ada.api().get("/content/books/" + bookId + "/export/epub").bytes();
		assertThat(entry(epub, "OEBPS/title.xhtml")).contains("Ada Lovelace");
		assertThat(EpubChecker.errors(epub)).isEmpty();

		Api.Response pdf = ada.api().get("/content/books/" + bookId + "/export/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		PdfReader reader = new PdfReader(pdf.bytes());
		try {
			assertThat(reader.getInfo()).containsEntry("Author", "Ada Lovelace");
			List<String> fonts = fonts(reader);
			assertThat(fonts).as("the fonts the PDF uses")
				.isNotEmpty()
				.allSatisfy((font) -> assertThat(font).endsWith(" embedded").doesNotEndWith("NOT embedded"));
			assertThat(String.join(" ", fonts)).doesNotContainIgnoringCase("Helvetica");
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			assertThat(extractor.getTextFromPage(1)).contains("天工开物").contains("Ada Lovelace");
			String chapter = extractor.getTextFromPage(2);
			assertThat(chapter).contains("织机 The Loom", "李白", "café ☕", "😀", "以色列", "📖", "東京の", "かな", "カナ", "한국어");
			// Right-to-left runs are drawn, and so extracted, in visual order: each
			// Hebrew
			// word comes out reversed, and the paragraph that starts in Hebrew is laid
			// out
			// right to left, so its Hebrew opening ends the line and its full stop starts
			// it.
			assertThat(chapter).contains(reversed("שלום"), reversed("עולם"))
				.contains("in hand ," + reversed("שלום לכולם"))
				.contains(".said the visitor");
			assertThat(fonts).anySatisfy((font) -> assertThat(font).contains("NotoNaskhArabic"));
		}
		finally {
			reader.close();
		}
	}

	@Test
	void plainTextImportSplitsAtChapterLines() {
		Author ada = author("ada");
		String bookId = book(ada, "Serial").get("id").asString();
		Api.Response imported = ada.api()
			.send("POST", "/content/books/" + bookId + "/import",
					"CHAPTER ONE\nIt began.\n\nChapter 2: The Middle\nIt went on.\n\nCHAPTER THREE\nIt ended.\n",
					"text/plain");
		assertThat(imported.json().get("chapters")).extracting((c) -> c.get("title").asString())
			.containsExactly("CHAPTER ONE", "Chapter 2: The Middle", "CHAPTER THREE");
	}

	@Test
	void badManuscriptsAreRefusedAndChangeNothing() {
		Author ada = author("ada");
		String bookId = book(ada, "Untouched").get("id").asString();
		String path = "/content/books/" + bookId + "/import";
		assertProblem(ada.api().send("POST", path, "   \n", "text/markdown"), 422, "validation-failed");
		assertProblem(ada.api().send("POST", path, "{\"title\":\"x\"}", "application/json"), 415,
				"unsupported-media-type");
		assertProblem(ada.api().send("POST", path, "a\u0000b", "text/plain"), 422, "validation-failed");
		java.net.http.HttpRequest notUtf8 = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
			.header("Authorization", "Bearer " + issuer.userToken(ada.id(), "ada", List.of("author")))
			.header("Content-Type", "text/plain")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'C', 'h', (byte) 0xC3, 0x28 }))
			.build();
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(notUtf8, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("malformed-body").contains("not UTF-8");
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		assertProblem(ada.api().send("POST", path, "x".repeat(5 * 1024 * 1024), "text/plain"), 413,
				"payload-too-large");
		assertThat(ada.api().get("/content/books/" + bookId + "/chapters").json().get("items")).isEmpty();
	}

	@Test
	void otherPeopleCannotImportIntoOrExportABook() {
		Author ada = author("ada");
		Author eve = author("eve");
		Author bo = author("bo");
		String bookId = book(ada, "Private").get("id").asString();
		chapter(ada, bookId, "One", "Secret.");
		assertProblem(eve.api().get("/content/books/" + bookId + "/export/epub"), 404, "not-found");
		assertProblem(eve.api().send("POST", "/content/books/" + bookId + "/import", "# Mine", "text/markdown"), 404,
				"not-found");
		ada.api().post("/content/books/" + bookId + "/members", Map.of("userId", bo.id(), "role", "beta-reader"));
		assertProblem(bo.api().get("/content/books/" + bookId + "/export/pdf"), 403, "forbidden");
	}

	/**
	 * Every font the PDF's objects define, each as its name and whether its program is
	 * embedded: a composite (Type 0) font through its descendant font's descriptor.
	 */
	static List<String> fonts(PdfReader reader) {
		List<String> fonts = new ArrayList<>();
		for (int i = 1; i < reader.getXrefSize(); i++) {
			PdfObject object = PdfReader.getPdfObjectRelease(reader.getPdfObject(i));
			if (!(object instanceof PdfDictionary font) || !PdfName.FONT.equals(font.getAsName(PdfName.TYPE))) {
				continue;
			}
			if (PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE))) {
				continue;
			}
			PdfDictionary descriptor = font.getAsDict(PdfName.FONTDESCRIPTOR);
			boolean embedded = descriptor != null && (descriptor.contains(PdfName.FONTFILE)
					|| descriptor.contains(PdfName.FONTFILE2) || descriptor.contains(PdfName.FONTFILE3));
			fonts.add(font.getAsName(PdfName.BASEFONT) + (embedded ? " embedded" : " NOT embedded"));
		}
		return fonts;
	}

	static String reversed(String text) {
		return new StringBuilder(text).reverse().toString();
	}

	static String entry(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("No " + name + " in the file");
	}

}
