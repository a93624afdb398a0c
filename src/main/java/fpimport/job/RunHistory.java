package fpimport.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.report.ReportFiles;
import fpimport.report.ReportFormat;
import fpimport.result.ErrorReason;
import fpimport.result.LatestOutcome;
import fpimport.result.ResultStore;
import fpimport.result.RowStatus;
import fpimport.result.RunCounts;
import fpimport.result.RunRecord;
import fpimport.result.RunStatus;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The past runs of a job repository, for {@code runs} and {@code report}; starts no job.
 */
public final class RunHistory implements AutoCloseable {

	private final ResultStore store;

	private final SingleConnectionDataSource dataSource;

	private RunHistory(ResultStore store, SingleConnectionDataSource dataSource) {
		this.store = store;
		this.dataSource = dataSource;
	}

	/** Opens the job repository at this URL ({@code null} for the default). */
	public static RunHistory open(String databaseUrl) {
		String url = JobDatabase.url(databaseUrl);
		JobDatabase.checkPlace(url);
		try {
			// one connection for the command's few queries; it also keeps an in-memory
			// database alive
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
			ResultStore.createSchema(dataSource);
			return new RunHistory(new ResultStore(dataSource), dataSource);
		}
		catch (RuntimeException ex) {
			throw JobDatabase.explain(ex, url);
		}
	}

	public List<RunRecord> recent(int limit) {
		return this.store.recentRuns(limit);
	}

	public RunRecord run(long runId) {
		Optional<RunRecord> run = this.store.run(runId);
		return run.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT, "there is no run " + runId,
				"'fpimport runs' lists the runs"));
	}

	/**
	 * Closes a run the user will not resume: it is shown as abandoned, resume refuses it,
	 * and a new import of its file and mapping may start.
	 * @return the run as it stood before
	 * @throws FpImportException ({@code INVALID_INPUT}) when there is no such run or it
	 * is not open (complete, refused or abandoned already)
	 */
	public RunRecord abandon(long runId) {
		RunRecord run = run(runId);
		if (!run.status().open()) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + runId + " is " + run.status().name().toLowerCase(java.util.Locale.ROOT)
							+ ": only a running or stopped run can be abandoned",
					"'fpimport runs " + runId + "' shows it");
		}
		String before = (run.message() == null) ? "" : "; it had stopped: " + run.message();
		this.store.markRun(runId, RunStatus.ABANDONED, "abandoned with 'fpimport runs --abandon'" + before);
		return run;
	}

	public RunCounts counts(long runId) {
		return this.store.counts(runId);
	}

	/** The rows of a run by status, every status (rollback outcomes included). */
	public java.util.Map<fpimport.result.RowStatus, Long> statusCounts(long runId) {
		return this.store.statusCounts(runId);
	}

	public List<ErrorReason> reasons(long runId, int limit) {
		return this.store.errorReasons(runId, limit);
	}

	/** The retries of a run, and theirs, oldest first. */
	public List<RunRecord> retries(long runId) {
		return this.store.retriesOf(runId);
	}

	/**
	 * For each row of a run, the newest outcome of its original row, which a retry may
	 * have changed.
	 */
	public List<LatestOutcome> latestOutcomes(long runId) {
		return this.store.latestOutcomes(runId);
	}

	/**
	 * Closes the connection: an H2 file stays locked while it is open, and another
	 * process could not run a job on it.
	 */
	@Override
	public void close() {
		this.dataSource.destroy();
	}

	/**
	 * Writes a past run's report again, from the database (and the rows it keeps by
	 * number alone from its file, when unchanged: {@link RunReport}).
	 */
	public ReportFiles report(long runId, Path directory, ReportFormat format, String linkBase) {
		RunRecord run = run(runId);
		Path target = (directory != null) ? directory : Path.of(run.sourceFile()).toAbsolutePath().getParent();
		MappingSpec mapping = MappingLoader.parse(run.mappingText(), "the mapping of run " + runId);
		return RunReport.write(this.store, run, mapping, target, format, linkBase);
	}

}
