package fpimport.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import fpimport.result.ResultStore;
import fpimport.result.RowFilter;
import fpimport.result.RunKind;
import fpimport.result.RunRecord;
import fpimport.result.RunStatus;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * Whether a run may start: an import whose file and mapping have an unfinished run, a
 * retry of a run that is not settled, a resume of a complete, changed or still running
 * run are refused, each with the command that helps.
 */
final class RunPreconditions {

	/**
	 * How long after its last checkpoint a run on a shared database may still be running.
	 */
	static final Duration STILL_RUNNING = Duration.ofMinutes(10);

	private RunPreconditions() {
	}

	/** Refuses a new import of content whose import with this mapping is unfinished. */
	static void importMayStart(ResultStore store, Path file, String fileSha, String mappingSha) {
		store.unfinishedRun(fileSha, mappingSha).ifPresent((run) -> {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " of " + file.getFileName() + " with this mapping is unfinished ("
							+ status(run) + ")",
					"run 'fpimport resume " + run.runId() + "' to finish it without creating anything twice");
		});
	}

	/**
	 * The run whose rows a retry takes: it must exist, have created items and be settled,
	 * with no unfinished retry of it.
	 */
	static RunRecord retryable(ResultStore store, long parentId) {
		RunRecord parent = store.run(parentId)
			.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT, "there is no run " + parentId,
					"'fpimport runs' lists the runs"));
		if (parent.dryRun()) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + parentId + " was a dry run: it created nothing to retry",
					"import the file: 'fpimport import FILE --mapping M.yaml'");
		}
		closed(parent);
		if (parent.status() != RunStatus.COMPLETED) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + parentId + " is unfinished (" + status(parent)
							+ "): its rows in flight and not yet read are not settled",
					"run 'fpimport resume " + parentId + "' first, then retry what failed");
		}
		store.unfinishedRetry(parentId).ifPresent((open) -> {
			throw new FpImportException(Reason.INVALID_INPUT,
					"retry run " + open.runId() + " of run " + parentId + " is unfinished (" + status(open) + ")",
					"run 'fpimport resume " + open.runId() + "' to finish it without creating anything twice");
		});
		return parent;
	}

	/** Refuses a retry that the filter leaves without rows. */
	static void hasRowsToRetry(ResultStore store, long parentId, RowFilter filter) {
		long chosen = store.retryCandidates(parentId, Long.MAX_VALUE).stream().filter(filter::matches).count();
		if (chosen == 0) {
			String described = filter.describe();
			throw new FpImportException(Reason.INVALID_INPUT, "run " + parentId + " has no rows to retry"
					+ (described.isEmpty() ? ": every row succeeded, in it or in a retry of it" : " with " + described),
					"'fpimport runs " + parentId + "' shows the latest outcome of each row");
		}
	}

	/**
	 * The run a resume continues: it must exist and be unfinished, and an import's file
	 * must be the one it started with.
	 */
	static RunRecord resumable(ResultStore store, long runId) {
		RunRecord run = store.run(runId)
			.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT, "there is no run " + runId,
					"'fpimport runs' lists the runs"));
		if (run.status() == RunStatus.COMPLETED) {
			throw new FpImportException(Reason.INVALID_INPUT, "run " + runId + " is complete: nothing to resume",
					"'fpimport retry " + runId + "' imports its failed rows again");
		}
		closed(run);
		if (run.kind() == RunKind.IMPORT) {
			sameFile(run);
		}
		return run;
	}

	/**
	 * Refuses to resume a run whose execution may still be running in another process. An
	 * embedded H2 file admits one process at a time, so having opened it proves the other
	 * one gone; on a shared database (PostgreSQL, H2 server) a checkpoint within
	 * {@link #STILL_RUNNING} may be another process's at work.
	 */
	static void notRunningElsewhere(long runId, String databaseUrl, LocalDateTime lastCheckpoint, LocalDateTime now) {
		String url = databaseUrl.toLowerCase(Locale.ROOT);
		boolean oneProcess = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
				&& !url.startsWith("jdbc:h2:ssl:") && !url.contains("auto_server=true");
		if (oneProcess || lastCheckpoint == null) {
			return;
		}
		Duration since = Duration.between(lastCheckpoint, now);
		if (since.compareTo(STILL_RUNNING) < 0) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + runId + " may still be running in another process: its last checkpoint was "
							+ Math.max(0, since.toSeconds()) + " s ago",
					"wait for it to end; if that process is gone, run 'fpimport resume " + runId + " --force'");
		}
	}

	/**
	 * Refuses to resume an import whose file is gone or changed: resume reads the rows
	 * again from the file, by their position, and the row keys must be those the run
	 * started with.
	 */
	private static void sameFile(RunRecord run) {
		Path file = Path.of(run.sourceFile());
		if (!Files.isRegularFile(file)) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " cannot resume: " + file + " is gone",
					"put back the file the run started with, at that path");
		}
		if (!Fingerprints.of(file).equals(run.sourceSha256())) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " cannot resume: " + file + " changed since the run started",
					"put back the file the run started with; for a new version of it, start a new import, "
							+ "whose rows imported before are skipped");
		}
	}

	/** Refuses a run that was refused or abandoned: it has nothing to continue. */
	private static void closed(RunRecord run) {
		if (run.status() == RunStatus.REFUSED) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " was refused before its first row (" + firstLine(run.message())
							+ "): it has nothing to continue",
					"fix what it names, then import the file again: 'fpimport import FILE --mapping M.yaml'");
		}
		if (run.status() == RunStatus.ABANDONED) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " was abandoned ('fpimport runs --abandon'): it is not continued",
					"import the file again: rows whose items exist are skipped by their key");
		}
	}

	private static String firstLine(String message) {
		if (message == null || message.isBlank()) {
			return "no reason kept";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static String status(RunRecord run) {
		return run.status().name().toLowerCase(Locale.ROOT);
	}

}
