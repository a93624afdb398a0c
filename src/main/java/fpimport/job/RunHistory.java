package fpimport.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import fpimport.report.ReportFiles;
import fpimport.report.ReportFormat;
import fpimport.report.ReportWriter;
import fpimport.result.ErrorReason;
import fpimport.result.LatestOutcome;
import fpimport.result.ResultStore;
import fpimport.result.RunCounts;
import fpimport.result.RunRecord;
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

	/** Writes a past run's report again, from the database alone. */
	public ReportFiles report(long runId, Path directory, ReportFormat format, String linkBase) {
		RunRecord run = run(runId);
		Path target = (directory != null) ? directory : Path.of(run.sourceFile()).toAbsolutePath().getParent();
		return new ReportWriter(this.store, linkBase).write(run, target, format);
	}

}
