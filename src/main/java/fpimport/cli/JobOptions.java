package fpimport.cli;

import java.nio.file.Path;

import fpimport.job.ImportLauncher;
import fpimport.job.JobSettings;
import fpimport.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
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

	@Option(names = "--concurrency", paramLabel = "N", converter = PositiveNumber.class,
			defaultValue = "" + JobSettings.DEFAULT_CONCURRENCY,
			description = "create calls in flight at once (default ${DEFAULT-VALUE}); the rate limit still holds")
	int concurrency;

	@Option(names = "--chunk-size", paramLabel = "N", converter = PositiveNumber.class,
			defaultValue = "" + JobSettings.DEFAULT_CHUNK_SIZE,
			description = "rows per checkpoint (default ${DEFAULT-VALUE})")
	int chunkSize;

	@Option(names = "--qps", paramLabel = "N", converter = PositiveNumber.class,
			defaultValue = "" + fpimport.api.ApiSettings.DEFAULT_QPS,
			description = "requests per second per API, the service's limit (default ${DEFAULT-VALUE})")
	int qps;

	/**
	 * A launcher for a command's runs, with its connection, database and these options.
	 */
	ImportLauncher launcher(ConnectionOptions connection, DatabaseOption database, CommandSpec spec) {
		return new ImportLauncher(database.url(), Connections.apiSettings(connection).withQps(this.qps),
				settings(connection.linkBase()), Consoles.progress(spec));
	}

	JobSettings settings(String linkBase) {
		return new JobSettings(this.chunkSize, this.concurrency, this.reportDirectory, this.reportFormat, linkBase);
	}

}
