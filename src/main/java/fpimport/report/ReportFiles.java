package fpimport.report;

import java.nio.file.Path;
import java.util.Objects;

import fpimport.result.ErrorReasons;

/**
 * The files a report wrote: every row, and the rows that did not succeed (or {@code null}
 * when all did); and why rows did not succeed, counted over the rows written, which are
 * every row of the run.
 */
public record ReportFiles(Path report, Path failedRows, ErrorReasons reasons) {

	public ReportFiles {
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(reasons, "reasons");
	}

}
