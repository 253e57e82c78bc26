package io.authorworks.content.member;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Something a person may do in a book.
 */
public enum Permission {

	/** Read the manuscript: chapters, revisions, the story bible, the members. */
	READ,

	/** Change the manuscript and the story bible, import chapters. */
	EDIT,

	/** Publish and unpublish. */
	PUBLISH,

	/** Share the book, change its visibility and series, delete it. */
	MANAGE,

	/** Download it as EPUB, PDF or Markdown. */
	EXPORT,

	/** Run AI generation in it (which spends the owner's credits). */
	GENERATE;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
