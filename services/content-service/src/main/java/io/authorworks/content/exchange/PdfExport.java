package io.authorworks.content.exchange;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.authorworks.content.book.Book;
import io.authorworks.content.chapter.Chapter;
import io.authorworks.content.text.Markdown;
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
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A print-ready PDF of a book at A5 trim: a title page, every chapter starting on a new
 * page, justified body text with embedded fonts, and page numbers at the foot of every
 * page after the title page.
 */
final class PdfExport {

	private static final float BODY = 10.5f;

	private PdfExport() {
	}

	static byte[] of(Book book, List<Chapter> chapters, PdfFonts fonts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// A5 with a wider inner margin for the binding.
		Document document = new Document(PageSize.A5, 54, 42, 54, 60);
		PdfWriter writer = PdfWriter.getInstance(document, bytes);
		writer.setPageEvent(new PageNumbers(fonts));
		document.addTitle(book.title());
		document.addCreator("AuthorWorks");
		document.open();
		titlePage(document, book, fonts);
		for (Chapter chapter : chapters) {
			document.newPage();
			org.openpdf.text.Paragraph heading = new org.openpdf.text.Paragraph(chapter.title(),
					fonts.font(18, Font.BOLD));
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingBefore(60);
			heading.setSpacingAfter(24);
			document.add(heading);
			Markdown.parse(chapter.content()).accept(new Blocks(document, fonts));
		}
		document.close();
		return bytes.toByteArray();
	}

	private static void titlePage(Document document, Book book, PdfFonts fonts) {
		org.openpdf.text.Paragraph title = new org.openpdf.text.Paragraph(book.title(), fonts.font(26, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingBefore(140);
		document.add(title);
		if (book.subtitle() != null) {
			org.openpdf.text.Paragraph subtitle = new org.openpdf.text.Paragraph(book.subtitle(),
					fonts.font(14, Font.ITALIC));
			subtitle.setAlignment(Element.ALIGN_CENTER);
			subtitle.setSpacingBefore(12);
			document.add(subtitle);
		}
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
			org.openpdf.text.Paragraph code = new org.openpdf.text.Paragraph(literal.stripTrailing(),
					this.fonts.font(BODY - 1.5f, Font.NORMAL));
			code.setIndentationLeft(this.indent + 12);
			code.setSpacingAfter(6);
			this.document.add(code);
		}

		private void paragraph(Node node, float size, int style, int alignment, String prefix) {
			org.openpdf.text.Paragraph paragraph = new org.openpdf.text.Paragraph();
			paragraph.setAlignment(alignment);
			paragraph.setLeading(size * 1.45f);
			paragraph.setIndentationLeft(this.indent);
			paragraph.setSpacingAfter(size * 0.5f);
			if (!prefix.isEmpty()) {
				paragraph.add(new Chunk(prefix, this.fonts.font(size, style)));
			}
			node.accept(new Inlines(paragraph, this.fonts, size, style));
			this.document.add(paragraph);
		}

	}

	/** Turns inline Markdown into chunks, with emphasis as italic and strong as bold. */
	private static final class Inlines extends AbstractVisitor {

		private final org.openpdf.text.Paragraph paragraph;

		private final PdfFonts fonts;

		private final float size;

		private final Deque<Integer> styles = new ArrayDeque<>();

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
			this.paragraph.add(new Chunk(text, this.fonts.font(this.size, this.styles.peek())));
		}

	}

}
