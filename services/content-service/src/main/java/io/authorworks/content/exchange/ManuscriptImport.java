package io.authorworks.content.exchange;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.authorworks.content.ContentProperties;
import io.authorworks.content.chapter.Chapter;
import io.authorworks.content.chapter.ChapterEditing;
import io.authorworks.content.chapter.ChapterEditing.NewChapter;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.platform.core.InputText;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.security.Caller;

import org.springframework.stereotype.Service;

/**
 * Imports a manuscript into a book: decodes it strictly as UTF-8, splits it into chapters
 * and appends them in one transaction, so a bad manuscript changes nothing.
 */
@Service
class ManuscriptImport {

	private final ChapterEditing editing;

	private final BookAccess access;

	private final ContentProperties properties;

	ManuscriptImport(ChapterEditing editing, BookAccess access, ContentProperties properties) {
		this.editing = editing;
		this.access = access;
		this.properties = properties;
	}

	List<Chapter> importInto(Caller.User user, UUID bookId, byte[] body, boolean markdown) {
		this.access.require(user, bookId, Permission.EDIT);
		String text = decode(body);
		if (text.isBlank()) {
			throw new InvalidRequestException("body", "The manuscript is empty.");
		}
		if (text.indexOf('\u0000') >= 0) {
			throw new InvalidRequestException("body", "The manuscript looks like a binary file, not text.");
		}
		List<NewChapter> chapters = markdown ? ManuscriptSplitter.markdown(text) : ManuscriptSplitter.text(text);
		if (chapters.size() > this.properties.maxImportChapters()) {
			throw new InvalidRequestException("body", "The manuscript splits into " + chapters.size()
					+ " chapters; one import can create at most " + this.properties.maxImportChapters() + ".");
		}
		return this.editing.append(user, bookId, chapters);
	}

	private static String decode(byte[] body) {
		try {
			return InputText.decode(body, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			// The chassis refuses such bodies before they get here; this guards other
			// callers.
			throw new ProblemException(ProblemType.MALFORMED_BODY, "The manuscript is not UTF-8 text.");
		}
	}

}
