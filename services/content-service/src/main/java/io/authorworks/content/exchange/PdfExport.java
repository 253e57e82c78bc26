package io.authorworks.content.exchange;

import java.io.ByteArrayOutputStream;
import java.text.Bidi;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.authorworks.content.book.Book;
import io.authorworks.content.chapter.Chapter;
import io.authorworks.content.text.Markdown;
import org.jspecify.annotations.Nullable;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A print-ready PDF of a book at A5 trim: a title page with the author's name, every
 * chapter starting on a new page, justified body text, and page numbers at the foot of
 * every page after the title page. Every font is embedded and chosen per character, and a
 * paragraph with Hebrew or Arabic in it is laid out with the Unicode bidirectional
 * algorithm, right to left when its first strong character is.
 */
final class PdfExport {

	private static final float BODY = 10.5f;

	private PdfExport() {
	}

	static byte[] of(Book book, @Nullable String author, List<Chapter> chapters, PdfFonts fonts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// A5 with a wider inner margin for the binding.
		Document document = new Document(PageSize.A5, 54, 42, 54, 60);
		PdfWriter writer = PdfWriter.getInstance(document, bytes);
		writer.setPageEvent(new PageNumbers(fonts));
		document.addTitle(book.title());
		if (author != null) {
			document.addAuthor(author);
		}
		document.addCreator("AuthorWorks");
		document.open();
		titlePage(document, book, author, fonts);
		for (Chapter chapter : chapters) {
			document.newPage();
			org.openpdf.text.Paragraph heading = line(chapter.title(), 18, Font.BOLD, fonts);
			heading.setSpacingBefore(60);
			heading.setSpacingAfter(24);
			add(document, heading, chapter.title(), 0);
			Markdown.parse(chapter.content()).accept(new Blocks(document, fonts));
		}
		document.close();
		return bytes.toByteArray();
	}

	private static void titlePage(Document document, Book book, @Nullable String author, PdfFonts fonts) {
		org.openpdf.text.Paragraph title = line(book.title(), 26, Font.BOLD, fonts);
		title.setSpacingBefore(140);
		add(document, title, book.title(), 0);
		if (book.subtitle() != null) {
			org.openpdf.text.Paragraph subtitle = line(book.subtitle(), 14, Font.ITALIC, fonts);
			subtitle.setSpacingBefore(12);
			add(document, subtitle, book.subtitle(), 0);
		}
		if (author != null) {
			org.openpdf.text.Paragraph name = line(author, 14, Font.NORMAL, fonts);
			name.setSpacingBefore(48);
			add(document, name, author, 0);
		}
	}

	/** A centred line of text. */
	private static org.openpdf.text.Paragraph line(String text, float size, int style, PdfFonts fonts) {
		org.openpdf.text.Paragraph line = new org.openpdf.text.Paragraph(size * 1.3f);
		line.setFont(fonts.font(size, style));
		line.addAll(fonts.chunks(text, size, style));
		line.setAlignment(Element.ALIGN_CENTER);
		return line;
	}

	/**
	 * Adds a paragraph, indented from its start by {@code indent}. Text with
	 * right-to-left characters goes into a borderless full-width cell, the only place
	 * OpenPDF applies the bidirectional algorithm; the cell's direction is the
	 * paragraph's own, so alignment "left" means its start and the indent sits on that
	 * side.
	 */
	private static void add(Document document, org.openpdf.text.Paragraph paragraph, String text, float indent) {
		if (!Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
			paragraph.setIndentationLeft(indent);
			document.add(paragraph);
			return;
		}
		boolean rightToLeft = !new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
		PdfPCell cell = new PdfPCell();
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		if (rightToLeft) {
			cell.setPaddingRight(indent);
		}
		else {
			cell.setPaddingLeft(indent);
		}
		cell.setRunDirection(rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
		cell.setUseAscender(true);
		cell.addElement(paragraph);
		PdfPTable table = new PdfPTable(1);
		table.setWidthPercentage(100);
		table.setSplitLate(false);
		table.setSpacingBefore(paragraph.getSpacingBefore());
		table.setSpacingAfter(paragraph.getSpacingAfter());
		paragraph.setSpacingBefore(0);
		paragraph.setSpacingAfter(0);
		table.addCell(cell);
		document.add(table);
	}

	/** Numbers every page but the title page, centred in the foot margin. */
	private static final class PageNumbers extends PdfPageEventHelper {

		private final PdfFonts fonts;

		PageNumbers(PdfFonts fonts) {
			this.fonts = fonts;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			int page = writer.getPageNumber();
			if (page > 1) {
				ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
						new Phrase(String.valueOf(page), this.fonts.font(9, Font.NORMAL)),
						(document.left() + document.right()) / 2, document.bottom() - 30, 0);
			}
		}

	}

	/** Turns the Markdown's blocks into paragraphs. */
	private static final class Blocks extends AbstractVisitor {

		private final Document document;

		private final PdfFonts fonts;

		private float indent;

		Blocks(Document document, PdfFonts fonts) {
			this.document = document;
			this.fonts = fonts;
		}

		@Override
		public void visit(Paragraph node) {
			paragraph(node, BODY, Font.NORMAL, Element.ALIGN_JUSTIFIED, "");
		}

		@Override
		public void visit(Heading node) {
			paragraph(node, BODY + Math.max(0, 6 - node.getLevel()) * 1.5f, Font.BOLD, Element.ALIGN_LEFT, "");
		}

		@Override
		public void visit(BlockQuote node) {
			this.indent += 20;
			visitChildren(node);
			this.indent -= 20;
		}

		@Override
		public void visit(BulletList node) {
			list(node, false, 1);
		}

		@Override
		public void visit(OrderedList node) {
			Integer start = node.getMarkerStartNumber();
			list(node, true, (start != null) ? start : 1);
		}

		@Override
		public void visit(ThematicBreak node) {
			org.openpdf.text.Paragraph scene = new org.openpdf.text.Paragraph("*   *   *",
					this.fonts.font(BODY, Font.NORMAL));
			scene.setAlignment(Element.ALIGN_CENTER);
			scene.setSpacingBefore(8);
			scene.setSpacingAfter(8);
			this.document.add(scene);
		}

		@Override
		public void visit(FencedCodeBlock node) {
			code(node.getLiteral());
		}

		@Override
		public void visit(IndentedCodeBlock node) {
			code(node.getLiteral());
		}

		@Override
		public void visit(HtmlBlock node) {
			// Raw HTML is not printed.
		}

		private void list(Node list, boolean ordered, int start) {
			int number = start;
			this.indent += 16;
			for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
				String marker = ordered ? (number++) + ". " : "\u2022 ";
				boolean first = true;
				for (Node block = item.getFirstChild(); block != null; block = block.getNext()) {
					if (first && block instanceof Paragraph paragraph) {
						paragraph(paragraph, BODY, Font.NORMAL, Element.ALIGN_LEFT, marker);
					}
					else {
						block.accept(this);
					}
					first = false;
				}
			}
			this.indent -= 16;
		}

		private void code(String literal) {
			String text = literal.stripTrailing();
			org.openpdf.text.Paragraph code = new org.openpdf.text.Paragraph((BODY - 1.5f) * 1.4f);
			code.setFont(this.fonts.font(BODY - 1.5f, Font.NORMAL));
			code.addAll(this.fonts.chunks(text, BODY - 1.5f, Font.NORMAL));
			code.setSpacingAfter(6);
			add(this.document, code, text, this.indent + 12);
		}

		private void paragraph(Node node, float size, int style, int alignment, String prefix) {
			org.openpdf.text.Paragraph paragraph = new org.openpdf.text.Paragraph();
			// The paragraph's own font sets what OpenPDF draws between chunks; left unset
			// it
			// would be the standard, unembedded Helvetica.
			paragraph.setFont(this.fonts.font(size, style));
			paragraph.setAlignment(alignment);
			paragraph.setLeading(size * 1.45f);
			paragraph.setSpacingAfter(size * 0.5f);
			Inlines inlines = new Inlines(paragraph, this.fonts, size, style);
			inlines.add(prefix);
			node.accept(inlines);
			add(this.document, paragraph, inlines.text.toString(), this.indent);
		}

	}

	/** Turns inline Markdown into chunks, with emphasis as italic and strong as bold. */
	private static final class Inlines extends AbstractVisitor {

		private final org.openpdf.text.Paragraph paragraph;

		private final PdfFonts fonts;

		private final float size;

		private final Deque<Integer> styles = new ArrayDeque<>();

		private final StringBuilder text = new StringBuilder();

		Inlines(org.openpdf.text.Paragraph paragraph, PdfFonts fonts, float size, int style) {
			this.paragraph = paragraph;
			this.fonts = fonts;
			this.size = size;
			this.styles.push(style);
		}

		@Override
		public void visit(Text node) {
			add(node.getLiteral());
		}

		@Override
		public void visit(Code node) {
			add(node.getLiteral());
		}

		@Override
		public void visit(SoftLineBreak node) {
			add(" ");
		}

		@Override
		public void visit(HardLineBreak node) {
			add("\n");
		}

		@Override
		public void visit(HtmlInline node) {
			// Raw HTML is not printed.
		}

		@Override
		public void visit(Emphasis node) {
			styled(node, Font.ITALIC);
		}

		@Override
		public void visit(StrongEmphasis node) {
			styled(node, Font.BOLD);
		}

		private void styled(Node node, int style) {
			this.styles.push(this.styles.peek() | style);
			visitChildren(node);
			this.styles.pop();
		}

		private void add(String text) {
			this.text.append(text);
			this.paragraph.addAll(this.fonts.chunks(text, this.size, this.styles.peek()));
		}

	}

}
