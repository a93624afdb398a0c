package fpimport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.job.OnExisting;
import fpimport.job.WatchedImports;
import fpimport.watch.FileResult;
import fpimport.watch.Schedule;
import fpimport.watch.WatchLog;
import fpimport.watch.Watcher;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fpimport watch DIR --mapping M.yaml}: import each new file of a directory once,
 * on an interval or a cron schedule, or once and exit.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, description = {
		"Scheduled bulk import: import each new ${bundle:formats} file that lands in DIR once it is complete, "
				+ "then move it with its report into DIR/done/ or DIR/failed/.",
		"Rows imported before are skipped (a cumulative export only creates the new rows); "
				+ "a file whose content was imported before is moved to done/ unimported. "
				+ "Several watchers may share one job repository (--db, PostgreSQL): each file is imported by one. "
				+ "SIGTERM finishes the chunk in hand; the next start resumes the run." })
final class WatchCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "DIR", description = "the inbox directory")
	Path directory;

	@Option(names = { "-m", "--mapping" }, required = true, paramLabel = "M.yaml", description = "the mapping file")
	Path mapping;

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	When when = new When();

	/** When to look at the inbox: on an interval or on a cron schedule, not both. */
	static final class When {

		@Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
				description = "look at DIR at the start and then every DURATION: 30s, 10m, 2h, 1d (default 1m)")
		Duration every;

		@Option(names = "--cron", paramLabel = "EXPR",
				description = "look at DIR at the times of a 6-field cron expression (second minute hour day month weekday), "
						+ "e.g. \"0 0 2 * * *\" for 02:00 daily, in the machine's time zone")
		String cron;

	}

	@Option(names = "--once",
			description = "look once, import what is complete and exit (for cron, systemd timers, Kubernetes CronJobs)")
	boolean once;

	@Option(names = "--on-existing", paramLabel = "skip|update", defaultValue = "skip",
			description = "rows imported before: skip them or update their items (default ${DEFAULT-VALUE})")
	OnExisting onExisting;

	@Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
			description = "one text line per file, or one JSON object per line (default ${DEFAULT-VALUE})")
	LogFormat logFormat;

	/** How the watcher writes what it did with each file. */
	enum LogFormat {

		/** One text line per file. */
		TEXT,

		/** One JSON object per line. */
		JSON

	}

	@Option(names = "--settle", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
			description = "a file is complete when its size and time did not change for this long (default ${DEFAULT-VALUE})")
	Duration settle;

	@Option(names = "--claim-ttl", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
			description = "how long another watcher waits before it takes over a file whose watcher died "
					+ "(default ${DEFAULT-VALUE})")
	Duration claimTtl;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	DatabaseOption database;

	@Mixin
	JobOptions job;

	@Override
	public Integer call() throws InterruptedException {
		Schedule schedule = schedule();
		boolean json = this.logFormat == LogFormat.JSON;
		if (this.job.summaryJson != null) {
			throw new FpImportException(Reason.USAGE, "watch writes no --summary-json",
					"use --log-format json: one JSON object per file, with the summary's fields");
		}
		if (!Files.isDirectory(this.directory)) {
			throw new FpImportException(Reason.INVALID_INPUT, this.directory + ": no such directory",
					"create the inbox directory, or check the path");
		}
		WatchedImports imports = WatchedImports.open(this.database.url(), this.mapping,
				Connections.apiSettings(this.connection).withQps(this.job.rate.qps),
				this.job.settings(this.connection.linkBase()));
		WatchLog log = new WatchLog(this.spec.commandLine().getOut(), json, Clock.systemUTC());
		Watcher watcher = new Watcher(imports, this.directory, schedule,
				new Watcher.Options(this.onExisting, this.connection.project, this.settle, this.claimTtl), log,
				Clock.systemUTC());
		// SIGTERM: the run in hand finishes its chunk and records it before the JVM ends
		Thread shutdown = new Thread(() -> {
			watcher.stop();
			try {
				watcher.awaitEnd(Duration.ofMinutes(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "fpimport-watch-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdown);
		try {
			if (this.once) {
				return exitCode(watcher.runOnce());
			}
			watcher.run();
			return ExitCode.OK.code();
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(shutdown);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running: it waits for this return
			}
		}
	}

	private Schedule schedule() {
		if (this.when.cron != null) {
			return Schedule.cron(this.when.cron, ZoneId.systemDefault());
		}
		return Schedule.every((this.when.every != null) ? this.when.every : Duration.ofMinutes(1));
	}

	/** The worst exit code of the files' outcomes (docs/design.md#exit-codes). */
	static int exitCode(List<FileResult> results) {
		int code = ExitCode.OK.code();
		for (FileResult result : results) {
			int fileCode = switch (result.outcome()) {
				case IMPORTED, ALREADY_IMPORTED, BUSY, INCOMPLETE -> ExitCode.OK.code();
				case ROWS_FAILED -> ExitCode.ROWS_FAILED.code();
				case REJECTED, LEFT ->
					(result.fault() != null) ? ExitCode.of(result.fault().reason()).code() : ExitCode.INTERNAL.code();
			};
			code = Math.max(code, fileCode);
		}
		return code;
	}

	/**
	 * {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601
	 * ({@code PT10M}).
	 */
	static final class DurationConverter implements ITypeConverter<Duration> {

		private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

		@Override
		public Duration convert(String value) {
			String text = value.strip().toLowerCase(Locale.ROOT);
			Matcher matcher = SHORT.matcher(text);
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				return switch (matcher.group(2)) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					default -> Duration.ofDays(amount);
				};
			}
			try {
				return Duration.parse(value.strip());
			}
			catch (RuntimeException ex) {
				throw new TypeConversionException("'" + value + "' is no duration: write 30s, 10m, 2h or 1d");
			}
		}

	}

}
