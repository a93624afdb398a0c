package fpimport.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fpimport.mapping.MappingSpec;
import fpimport.report.ReportFiles;
import fpimport.report.RunSummary;
import fpimport.result.ErrorReason;
import fpimport.result.RunCounts;
import fpimport.result.RunRecord;
import fpimport.result.RunStatus;

/**
 * Ends a run, whether it completed or stopped: its counts, its status, its report and
 * summary.
 */
final class RunFinisher {

	/** The most common reasons a summary shows. */
	static final int SUMMARY_REASONS = 5;

	private RunFinisher() {
	}

	/**
	 * Stores the run's counts and status and writes its report, when asked (a run stopped
	 * in its preflight has no rows to report).
	 * @param stopMessage why the run stopped, or {@code null} when its job completed
	 * @param refused whether it stopped on the mapping or settings before its first row:
	 * a run with no row yet is then closed as {@link RunStatus#REFUSED}
	 */
	static RunSummary finish(RunContext context, String stopMessage, Instant started, boolean writeReport,
			boolean refused) {
		// the rows are read: their spill goes
		context.spill(null);
		RunCounts counts = context.store.counts(context.runId());
		RunStatus status = RunStatus.COMPLETED;
		String message = stopMessage;
		if (stopMessage != null) {
			status = (refused && counts.total() == 0) ? RunStatus.REFUSED : RunStatus.STOPPED;
		}
		else if (counts.inFlight() > 0) {
			status = RunStatus.STOPPED;
			message = counts.inFlight() + " rows have an unknown outcome; 'fpimport resume " + context.runId()
					+ "' reconciles them";
		}
		RunRecord run = context.store.run(context.runId()).orElseThrow();
		Path directory = reportDirectory(context, run);
		String report = null;
		String failedRows = null;
		// counted over the report's rows when it is written, else read from the rows
		List<ErrorReason> reasons = null;
		if (writeReport) {
			// a dry run's report was written with its rows, and an import's may have been
			ReportFiles streamed = (context.dryRunRows != null) ? context.dryRunRows.finish()
					: context.streamedReport.finish(stopMessage == null);
			ReportFiles files = (streamed != null) ? streamed : RunReport.write(context.store, run, context.mapping,
					directory, context.settings.reportFormat(), context.settings.linkBase());
			report = files.report().toString();
			failedRows = (files.failedRows() != null) ? files.failedRows().toString() : null;
			reasons = files.reasons().top(SUMMARY_REASONS);
		}
		counts = context.store.finishRun(context.runId(), status, report, message);
		RunRecord finished = context.store.run(context.runId()).orElseThrow();
		List<String> notes = context.isPrepared() ? context.prepared().notes() : List.of();
		return new RunSummary(finished, counts,
				(reasons != null) ? reasons : context.store.errorReasons(context.runId(), SUMMARY_REASONS),
				Duration.between(started, Instant.now()), report, failedRows, notes);
	}

	/** The row the mapping reads the header from: the failed rows' header goes there. */
	static int headerRow(MappingSpec mapping) {
		Integer row = mapping.source().headerRow();
		return (row == null) ? 1 : row;
	}

	/** Where the run's report goes: the directory asked for, or beside its file. */
	static Path reportDirectory(RunContext context, RunRecord run) {
		return (context.settings.reportDirectory() != null) ? context.settings.reportDirectory()
				: parentOf(run.sourceFile());
	}

	private static Path parentOf(String file) {
		Path parent = Path.of(file).toAbsolutePath().getParent();
		return (parent != null) ? parent : Path.of("").toAbsolutePath();
	}

}
