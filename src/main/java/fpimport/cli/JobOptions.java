package fpimport.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import fpimport.job.ImportLauncher;
import fpimport.job.JobSettings;
import fpimport.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command that runs a job runs it: report, concurrency, chunk size, summary file.
 */
final class JobOptions {

	@Option(names = "--report-dir", paramLabel = "DIR", description = "where reports go (default: beside the input)")
	Path reportDirectory;

	@Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "xlsx",
			description = "xlsx or csv (default ${DEFAULT-VALUE})")
	ReportFormat reportFormat;

	@Option(names = "--summary-json", paramLabel = "FILE", description = "also write the summary as JSON to FILE")
	Path summaryJson;

	@Mixin
	ConcurrencyOption concurrency;

	@Option(names = "--chunk-size", paramLabel = "N", converter = PositiveNumber.class,
			defaultValue = "" + JobSettings.DEFAULT_CHUNK_SIZE,
			description = "rows per checkpoint (default ${DEFAULT-VALUE})")
	int chunkSize;

	@Mixin
	RateOption rate;

	@Option(names = "--search-lag", paramLabel = "TIME", defaultValue = "5s", converter = LagConverter.class,
			description = "before sending again a row whose create may have gone through, wait this long and search"
					+ " once more, as a new item may not be found at once (env FPIMPORT_SEARCH_LAG;"
					+ " default ${DEFAULT-VALUE}; e.g. 10s, 500ms)")
	Duration searchLag;

	/**
	 * A launcher for a command's runs, with its connection, database and these options.
	 */
	ImportLauncher launcher(ConnectionOptions connection, DatabaseOption database, CommandSpec spec) {
		return new ImportLauncher(database.url(), Connections.apiSettings(connection).withQps(this.rate.qps),
				settings(connection.linkBase()), Consoles.progress(spec));
	}

	JobSettings settings(String linkBase) {
		return new JobSettings(this.chunkSize, this.concurrency.concurrency, this.reportDirectory, this.reportFormat,
				linkBase, this.searchLag);
	}

	/**
	 * A time such as {@code 5s}, {@code 500ms} or {@code 2m}; a bare number is seconds.
	 */
	static final class LagConverter implements picocli.CommandLine.ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			String text = value.strip().toLowerCase(Locale.ROOT);
			try {
				Duration lag;
				if (text.endsWith("ms")) {
					lag = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
				}
				else if (text.endsWith("s")) {
					lag = Duration
						.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
				}
				else if (text.endsWith("m")) {
					lag = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).strip()) * 60);
				}
				else {
					lag = Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
				}
				if (!lag.isNegative()) {
					return lag;
				}
			}
			catch (NumberFormatException ex) {
				// answered below
			}
			throw new picocli.CommandLine.TypeConversionException(
					"'" + value + "' is not a time: write e.g. 5s, 500ms or 2m");
		}

	}

}
