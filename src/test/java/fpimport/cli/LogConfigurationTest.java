package fpimport.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logback finds fpimport's logging by itself (META-INF/services), with no XML: warnings
 * and fpimport's own information on standard error, the steps that fpimport reports in
 * its own words silenced.
 */
class LogConfigurationTest {

	@Test
	void logbackIsConfiguredByFpimportAtItsFirstLogger() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

		assertThat(root.getLevel()).isEqualTo(Level.WARN);
		assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, (appender) -> {
			assertThat(appender.getTarget()).isEqualTo("System.err");
			assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(LogConfiguration.PATTERN);
		});
		assertThat(context.getLogger("fpimport.job.ImportJob").getEffectiveLevel()).isEqualTo(Level.INFO);
		assertThat(context.getLogger("org.springframework.jdbc.core.JdbcTemplate").getEffectiveLevel())
			.isEqualTo(Level.WARN);
		assertThat(context.getLogger("org.springframework.batch.core.step.item.ChunkOrientedStep").getLevel())
			.isEqualTo(Level.OFF);
		assertThat(context.getLogger("org.springframework.batch.core.step.AbstractStep").getLevel())
			.isEqualTo(Level.OFF);
		assertThat(context.getLogger("org.springframework.batch.core.job.AbstractJob").getLevel()).isEqualTo(Level.OFF);
		assertThat(context.getLogger("org.springframework.boot.SpringApplication").getLevel()).isEqualTo(Level.OFF);
		assertThat(context.getLogger("org.springframework.context.annotation.AnnotationConfigApplicationContext")
			.getLevel()).isEqualTo(Level.ERROR);
	}

}
