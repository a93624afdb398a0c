package fpimport.watch;

import java.nio.file.Path;
import java.util.Objects;

import fpimport.report.RunSummary;
import fpimport.failure.FpImportException;

/**
 * What a watcher did with one file.
 *
 * @param file the file's name in the inbox
 * @param outcome what became of it
 * @param summary its run's summary, or {@code null} when no run ended
 * @param fault why it was refused or left, or {@code null}
 * @param movedTo where it is now, or {@code null} when it stayed in the inbox
 * @param runId the run that imported it (or did before), or {@code null}
 * @param report where its report is now, or {@code null} when it has none or it stayed
 */
public record FileResult(String file, Outcome outcome, RunSummary summary, FpImportException fault, Path movedTo,
		Long runId, String report) {

	public FileResult {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(outcome, "outcome");
	}

	/** What became of a file. */
	public enum Outcome {

		/** Imported: every row created, updated or skipped; moved to done/. */
		IMPORTED,
		/**
		 * Imported, some rows failed or were invalid; moved to failed/ with its report.
		 */
		ROWS_FAILED,
		/**
		 * The file cannot be imported (unreadable, not the mapping's columns); moved to
		 * failed/.
		 */
		REJECTED,
		/**
		 * Its content was imported before with this mapping; moved to done/ unimported.
		 */
		ALREADY_IMPORTED,
		/**
		 * Its run stopped (refused, stopped on request): left in place, resumed later.
		 */
		LEFT,
		/** Another watcher is importing it. */
		BUSY,
		/** Still being written (it changed between two looks): left for the next look. */
		INCOMPLETE

	}

}
