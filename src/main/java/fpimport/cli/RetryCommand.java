package fpimport.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import fpimport.job.ImportLauncher;
import fpimport.job.RetryRequest;
import fpimport.result.RowFilter;
import fpimport.result.RowStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport retry RUN}: import again the rows of a run that did not succeed, from
 * the copies stored in the database.
 */
@Command(name = "retry", mixinStandardHelpOptions = true,
		description = { "Import again the rows of a finished run that failed or were invalid, from the copies of "
				+ "their cells in the database (the file is not needed), with the current space and the run's "
				+ "mapping or the one given. A retry is a run of its own, linked to RUN; rows that succeeded "
				+ "since are never sent again." })
final class RetryCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "RUN", description = "the run whose failed rows to import again")
	long runId;

	@Option(names = { "-m", "--mapping" }, paramLabel = "M.yaml",
			description = "a fixed mapping to use (default: the mapping stored with the run)")
	Path mapping;

	@Option(names = "--only-code", paramLabel = "CODE", split = ",",
			description = "only FAILED rows the service refused with this err_code (repeatable, or comma-separated)")
	List<Integer> codes = List.of();

	@Option(names = "--only-status", paramLabel = "STATUS", split = ",",
			description = "only rows with this outcome: invalid, failed, partial or blocked (repeatable; default all four)")
	List<RetriedStatus> statuses = List.of();

	@Mixin
	ConnectionOptions connection;

	@Mixin
	DatabaseOption database;

	@Mixin
	JobOptions job;

	@Override
	public Integer call() {
		ImportLauncher launcher = this.job.launcher(this.connection, this.database, this.spec);
		RowFilter filter = new RowFilter(Set.copyOf(this.statuses.stream().map(RetriedStatus::status).toList()),
				Set.copyOf(this.codes));
		return RunPrinter.finish(
				launcher.retry(new RetryRequest(this.runId, this.mapping, this.connection.project, filter)),
				this.spec.commandLine().getOut(), this.job.summaryJson);
	}

	/** The outcomes a retry can take. */
	enum RetriedStatus {

		INVALID(RowStatus.INVALID), FAILED(RowStatus.FAILED), PARTIAL(RowStatus.PARTIAL), BLOCKED(RowStatus.BLOCKED);

		private final RowStatus status;

		RetriedStatus(RowStatus status) {
			this.status = status;
		}

		RowStatus status() {
			return this.status;
		}

	}

}
