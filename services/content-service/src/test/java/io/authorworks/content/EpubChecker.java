package io.authorworks.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;

/**
 * Runs the W3C's EPUBCheck in-process and collects what it reports.
 */
final class EpubChecker {

	private EpubChecker() {
	}

	/** Every fatal error and error EPUBCheck reports for the book, as readable lines. */
	static List<String> errors(byte[] epub) {
		try {
			Path file = Files.createTempFile("export", ".epub");
			try {
				Files.write(file, epub);
				Collecting report = new Collecting();
				new EpubCheck(file.toFile(), report).doValidate();
				return report.problems;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Collecting extends MasterReport {

		final List<String> problems = new ArrayList<>();

		@Override
		public void message(Message message, EPUBLocation location, Object... args) {
			Severity severity = message.getSeverity();
			if (severity == Severity.ERROR || severity == Severity.FATAL) {
				this.problems.add(severity + " " + message.getID() + " " + location.path + ":" + location.line + " "
						+ message.getMessage(args));
			}
		}

		@Override
		public void info(String resource, FeatureEnum feature, String value) {
		}

		@Override
		public int generate() {
			return 0;
		}

		@Override
		public void initialize() {
		}

	}

}
