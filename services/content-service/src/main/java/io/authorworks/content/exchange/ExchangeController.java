package io.authorworks.content.exchange;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.authorworks.content.author.AuthorNames;
import io.authorworks.content.book.Book;
import io.authorworks.content.book.Books;
import io.authorworks.content.chapter.Chapter;
import io.authorworks.content.chapter.Chapters;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Importing a manuscript into a book and exporting a book as EPUB, PDF or Markdown.
 */
@RestController
@RequestMapping("/content/books/{bookId}")
@Tag(name = "Import and export", description = "Manuscripts in; EPUB 3, print PDF and Markdown out")
class ExchangeController {

	private final ManuscriptImport manuscripts;

	private final BookAccess access;

	private final Books books;

	private final Chapters chapters;

	private final PdfFonts fonts;

	private final AuthorNames authors;

	ExchangeController(ManuscriptImport manuscripts, BookAccess access, Books books, Chapters chapters, PdfFonts fonts,
			AuthorNames authors) {
		this.manuscripts = manuscripts;
		this.access = access;
		this.books = books;
		this.chapters = chapters;
		this.fonts = fonts;
		this.authors = authors;
	}

	@PostMapping(path = "/import", consumes = { "text/markdown", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import a manuscript as new chapters at the end of the book",
			description = "Send the UTF-8 text as the body. text/markdown splits at # headings (## when there is a "
					+ "single # title); text/plain splits at lines such as 'Chapter 3' or 'CHAPTER THREE'. The body "
					+ "is limited in size (413 beyond it); bad input changes nothing.")
	ResponseEntity<ImportResponse> importManuscript(Caller.User user, @PathVariable UUID bookId,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@RequestBody(required = false) byte @Nullable [] body) {
		boolean markdown = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.valueOf("text/markdown"));
		List<Chapter> created = this.manuscripts.importInto(user, bookId, (body != null) ? body : new byte[0],
				markdown);
		return ResponseEntity.ok()
			.body(new ImportResponse(bookId, created.size(),
					created.stream()
						.map((c) -> new ImportedChapter(c.id(), c.position(), c.title(), c.wordCount()))
						.toList()));
	}

	@GetMapping("/export/{format}")
	@Operation(summary = "Export the book as epub, pdf or markdown",
			description = "Every chapter in order, as the manuscript stands now, with the owner's display name as "
					+ "the author. Needs the export permission (owners, co-authors and editors).")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment.",
			content = {
					@Content(mediaType = "application/epub+zip", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string")) })
	ResponseEntity<byte[]> export(Caller.User user, @PathVariable UUID bookId, @PathVariable String format) {
		this.access.require(user, bookId, Permission.EXPORT);
		Book book = this.books.find(bookId).orElseThrow();
		List<Chapter> all = this.chapters.inOrder(bookId);
		String author = this.authors.of(book.ownerId()).orElse(null);
		return switch (format) {
			case "epub" -> file(book, "epub", MediaType.valueOf("application/epub+zip"),
					EpubExport.of(book, author, all, Instant.now()));
			case "pdf" -> file(book, "pdf", MediaType.APPLICATION_PDF, PdfExport.of(book, author, all, this.fonts));
			case "markdown" -> file(book, "md", MediaType.valueOf("text/markdown;charset=UTF-8"),
					MarkdownExport.of(book, all).getBytes(StandardCharsets.UTF_8));
			default -> throw new NotFoundException("Books export as epub, pdf or markdown; not '" + format + "'.");
		};
	}

	private static ResponseEntity<byte[]> file(Book book, String extension, MediaType type, byte[] content) {
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(slug(book.title()) + "." + extension, StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(content);
	}

	static String slug(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.isEmpty()) {
			return "book";
		}
		return (slug.length() > 80) ? slug.substring(0, 80) : slug;
	}

	/**
	 * What an import created.
	 *
	 * @param bookId the book
	 * @param imported how many chapters
	 * @param chapters the new chapters in order
	 */
	record ImportResponse(UUID bookId, int imported, List<ImportedChapter> chapters) {
	}

	/**
	 * A chapter an import created.
	 *
	 * @param id the chapter
	 * @param position its place in the book
	 * @param title its title
	 * @param wordCount its words
	 */
	record ImportedChapter(UUID id, int position, String title, int wordCount) {
	}

}
