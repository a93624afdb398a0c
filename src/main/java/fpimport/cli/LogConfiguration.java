package fpimport.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * fpimport's logging, a command-line tool's: quiet by default, log lines on standard
 * error; {@code --verbose} turns fpimport's own logs to debug. Logback finds this class
 * through {@code META-INF/services} at its first logger and needs no XML parser for it,
 * which a short command such as {@code runs} would otherwise wait for. A file given with
 * {@code -Dlogback.configurationFile} replaces it.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

	/**
	 * A file name or a cell in a message must not reach the terminal as an escape
	 * sequence or forge a log line: control characters are shown as '?' (fpimport's own
	 * output escapes them).
	 */
	static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - "
			+ "%replace(%msg){'[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]', '?'}%n";

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		if (System.getProperty("logback.configurationFile") != null) {
			return ExecutionStatus.INVOKE_NEXT_IF_ANY;
		}
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern(PATTERN);
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setName("STDERR");
		appender.setTarget("System.err");
		appender.setEncoder(encoder);
		appender.start();
		ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(appender);
		context.getLogger("fpimport").setLevel(Level.INFO);
		// a chunk whose calls stopped the run, a step or job that stops (a mapping
		// problem,
		// a refused call), a failed start: fpimport says why in one line with a hint, and
		// prints the stack trace only with --verbose
		context.getLogger("org.springframework.batch.core.step.item.ChunkOrientedStep").setLevel(Level.OFF);
		context.getLogger("org.springframework.batch.core.step.AbstractStep").setLevel(Level.OFF);
		context.getLogger("org.springframework.batch.core.job.AbstractJob").setLevel(Level.OFF);
		context.getLogger("org.springframework.boot.SpringApplication").setLevel(Level.OFF);
		context.getLogger("org.springframework.context.annotation.AnnotationConfigApplicationContext")
			.setLevel(Level.ERROR);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

}
