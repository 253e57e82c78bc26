package io.authorworks.worker.content;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger (and those below it) logs, with the log context (MDC) each
 * line had when it was logged, as the structured log output would show it.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final Logger logger;

	private final List<Line> lines = new CopyOnWriteArrayList<>();

	private LogCapture(Logger logger) {
		this.logger = logger;
	}

	static LogCapture of(String loggerName) {
		LogCapture capture = new LogCapture((Logger) LoggerFactory.getLogger(loggerName));
		capture.start();
		capture.logger.addAppender(capture);
		return capture;
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.lines.add(new Line(event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap())));
	}

	List<Line> lines() {
		return List.copyOf(this.lines);
	}

	@Override
	public void close() {
		this.logger.detachAppender(this);
		stop();
	}

	/**
	 * One logged line.
	 *
	 * @param message the message with its arguments
	 * @param context the log context (MDC) it was logged in
	 */
	record Line(String message, Map<String, String> context) {
	}

}
