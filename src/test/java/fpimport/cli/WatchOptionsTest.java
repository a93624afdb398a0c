package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule and log options of {@code watch}, as the command line reads them. */
class WatchOptionsTest {

	@TempDir
	Path directory;

	private String err;

	private int run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter errors = new StringWriter();
		int exit = FpImport.run(args, Map.of(), this.directory, new PrintWriter(out, true),
				new PrintWriter(errors, true));
		this.err = errors.toString();
		return exit;
	}

	@Test
	void everyAndCronExcludeEachOtherInOneLineWithAHint() {
		int exit = run("watch", this.directory.toString(), "-m", "m.yaml", "--every", "10m", "--cron", "0 0 2 * * *");
		assertThat(exit).isEqualTo(ExitCode.USAGE.code());
		assertThat(this.err.lines().toList()).containsExactly("error: --every and --cron exclude each other",
				"hint: give one: --every DURATION, or --cron EXPR");
	}

	@Test
	void theScheduleAndTheLogFormatAreReadIntoTheirTypes() {
		WatchCommand every = parse("--every", "10m", "--log-format", "json");
		assertThat(every.when.every).isEqualTo(Duration.ofMinutes(10));
		assertThat(every.when.cron).isNull();
		assertThat(every.logFormat).isEqualTo(WatchCommand.LogFormat.JSON);
		WatchCommand cron = parse("--cron", "0 0 2 * * *");
		assertThat(cron.when.cron).isEqualTo("0 0 2 * * *");
		assertThat(cron.when.every).isNull();
		assertThat(cron.logFormat).isEqualTo(WatchCommand.LogFormat.TEXT);
	}

	@Test
	void anUnknownLogFormatIsAUsageError() {
		int exit = run("watch", this.directory.toString(), "-m", "m.yaml", "--log-format", "xml");
		assertThat(exit).isEqualTo(ExitCode.USAGE.code());
		assertThat(this.err).contains("--log-format").contains("xml");
	}

	private WatchCommand parse(String... options) {
		WatchCommand command = new WatchCommand();
		CommandLine commandLine = new CommandLine(command);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		String[] args = new String[options.length + 3];
		args[0] = this.directory.toString();
		args[1] = "-m";
		args[2] = "m.yaml";
		System.arraycopy(options, 0, args, 3, options.length);
		commandLine.parseArgs(args);
		return command;
	}

}
