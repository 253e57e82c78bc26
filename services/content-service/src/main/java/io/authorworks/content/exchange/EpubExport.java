package io.authorworks.content.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.authorworks.content.book.Book;
import io.authorworks.content.chapter.Chapter;
import io.authorworks.content.text.Markdown;
import org.jspecify.annotations.Nullable;

/**
 * Builds an EPUB 3 book: a title page, a navigation document and one XHTML document per
 * chapter, with the chapters' Markdown rendered to sanitized XHTML. The package follows
 * the OCF rules (an uncompressed {@code mimetype} first), so it passes EPUBCheck.
 */
final class EpubExport {

	private EpubExport() {
	}

	static byte[] of(Book book, @Nullable String author, List<Chapter> chapters, Instant modified) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			stored(zip, "mimetype", "application/epub+zip");
			deflated(zip, "META-INF/container.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
					  <rootfiles>
					    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
					  </rootfiles>
					</container>
					""");
			deflated(zip, "OEBPS/content.opf", packageDocument(book, author, chapters, modified));
			deflated(zip, "OEBPS/nav.xhtml", navigation(book, chapters));
			deflated(zip, "OEBPS/style.css", """
					body { font-family: serif; line-height: 1.5; margin: 0 5%; }
					h1 { text-align: center; margin: 2em 0 1em; }
					.title-page { text-align: center; margin-top: 30%; }
					.subtitle { font-style: italic; }
					.author { margin-top: 3em; }
					p { text-indent: 1.5em; margin: 0; }
					h1 + p, hr + p { text-indent: 0; }
					hr { border: none; text-align: center; margin: 1em 0; }
					hr::after { content: "* * *"; }
					blockquote { margin: 1em 2em; }
					""");
			deflated(zip, "OEBPS/title.xhtml", document(book, book.title(), titlePage(book, author)));
			for (int i = 0; i < chapters.size(); i++) {
				Chapter chapter = chapters.get(i);
				String body = "<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"h\">\n<h1 id=\"h\">"
						+ Xml.escape(chapter.title()) + "</h1>\n" + Markdown.toHtml(chapter.content()) + "\n</section>";
				deflated(zip, "OEBPS/" + file(i), document(book, chapter.title(), body));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static String file(int index) {
		return "chapter-%03d.xhtml".formatted(index + 1);
	}

	private static String packageDocument(Book book, @Nullable String author, List<Chapter> chapters,
			Instant modified) {
		StringBuilder manifest = new StringBuilder();
		StringBuilder spine = new StringBuilder();
		for (int i = 0; i < chapters.size(); i++) {
			manifest.append("    <item id=\"c")
				.append(i + 1)
				.append("\" href=\"")
				.append(file(i))
				.append("\" media-type=\"application/xhtml+xml\"/>\n");
			spine.append("    <itemref idref=\"c").append(i + 1).append("\"/>\n");
		}
		String description = (book.description() != null)
				? "    <dc:description>" + Xml.escape(book.description()) + "</dc:description>\n" : "";
		String creator = (author != null) ? "    <dc:creator>" + Xml.escape(author) + "</dc:creator>\n" : "";
		String subjects = book.genres()
			.stream()
			.map((genre) -> "    <dc:subject>" + Xml.escape(genre) + "</dc:subject>\n")
			.reduce("", String::concat);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="%s">
				  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
				    <dc:identifier id="book-id">urn:uuid:%s</dc:identifier>
				    <dc:title>%s</dc:title>
				    <dc:language>%s</dc:language>
				%s%s%s    <meta property="dcterms:modified">%s</meta>
				  </metadata>
				  <manifest>
				    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
				    <item id="css" href="style.css" media-type="text/css"/>
				    <item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
				%s  </manifest>
				  <spine>
				    <itemref idref="title"/>
				%s  </spine>
				</package>
				""".formatted(book.language(), book.id(), Xml.escape(book.title()), book.language(), creator,
				description, subjects, modified.truncatedTo(ChronoUnit.SECONDS), manifest, spine);
	}

	private static String navigation(Book book, List<Chapter> chapters) {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < chapters.size(); i++) {
			items.append("<li><a href=\"")
				.append(file(i))
				.append("\">")
				.append(Xml.escape(chapters.get(i).title()))
				.append("</a></li>\n");
		}
		String list = chapters.isEmpty() ? "<li><a href=\"title.xhtml\">" + Xml.escape(book.title()) + "</a></li>\n"
				: items.toString();
		return document(book, "Contents",
				"<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>Contents</h1>\n<ol>\n" + list
						+ "</ol>\n</nav>");
	}

	private static String titlePage(Book book, @Nullable String author) {
		StringBuilder page = new StringBuilder("<section class=\"title-page\" epub:type=\"titlepage\">\n<h1>")
			.append(Xml.escape(book.title()))
			.append("</h1>\n");
		if (book.subtitle() != null) {
			page.append("<p class=\"subtitle\">").append(Xml.escape(book.subtitle())).append("</p>\n");
		}
		if (author != null) {
			page.append("<p class=\"author\">").append(Xml.escape(author)).append("</p>\n");
		}
		return page.append("</section>").toString();
	}

	private static String document(Book book, String title, String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE html>
				<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="%s" lang="%s">
				<head>
				<meta charset="UTF-8"/>
				<title>%s</title>
				<link rel="stylesheet" type="text/css" href="style.css"/>
				</head>
				<body>
				%s
				</body>
				</html>
				"""
			.formatted(book.language(), book.language(), Xml.escape(title), body);
	}

	private static void stored(ZipOutputStream zip, String name, String content) throws IOException {
		byte[] data = content.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(data);
		ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(data.length);
		entry.setCompressedSize(data.length);
		entry.setCrc(crc.getValue());
		zip.putNextEntry(entry);
		zip.write(data);
		zip.closeEntry();
	}

	private static void deflated(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
