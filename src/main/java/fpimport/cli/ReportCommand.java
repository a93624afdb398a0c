package fpimport.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import fpimport.job.RunHistory;
import fpimport.report.ReportFiles;
import fpimport.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fpimport report RUN}: write a past run's report again, from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Write the report of a past run again, from the job repository alone.")
final class ReportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "RUN", description = "the run id")
	long runId;

	@Option(names = "--report-dir", paramLabel = "DIR",
			description = "where the report goes (default: beside the input)")
	Path reportDirectory;

	@Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "xlsx",
			description = "xlsx or csv (default ${DEFAULT-VALUE})")
	ReportFormat reportFormat;

	@Option(names = "--base-url", paramLabel = "URL", defaultValue = ConnectionOptions.DEFAULT_BASE_URL,
			description = "the service's address, for links to items (env FPIMPORT_BASE_URL)")
	String baseUrl;

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() {
		ReportFiles files;
		try (RunHistory history = RunHistory.open(this.database.url())) {
			files = history.report(this.runId, this.reportDirectory, this.reportFormat, this.baseUrl);
		}
		this.spec.commandLine().getOut().println("report: " + files.report());
		if (files.failedRows() != null) {
			this.spec.commandLine().getOut().println("failed rows: " + files.failedRows());
		}
		this.spec.commandLine().getOut().flush();
		return ExitCode.OK.code();
	}

}
