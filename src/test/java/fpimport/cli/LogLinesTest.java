package fpimport.cli;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 6, for the log on standard error: a file name in a message can neither
 * send escape sequences to the terminal nor start a line of its own.
 */
class LogLinesTest {

	@Test
	void controlCharactersOfALoggedMessageAreReplaced() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		@SuppressWarnings("unchecked")
		OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) context
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.getAppender("STDERR");
		PatternLayoutEncoder encoder = (PatternLayoutEncoder) appender.getEncoder();
		LoggingEvent event = new LoggingEvent("test", context.getLogger("fpimport.job"), Level.INFO,
				"run {} started: import of {}", null,
				new Object[] { 1, "a\u001b[2Jb\n12:00:00.000 INFO forged.csv\u202e" });

		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

		assertThat(line).contains("run 1 started: import of a?[2Jb?12:00:00.000 INFO forged.csv?")
			.doesNotContain("\u001b", "\u202e");
		assertThat(line.lines()).hasSize(1);
	}

}
