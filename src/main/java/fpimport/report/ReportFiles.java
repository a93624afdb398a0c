package fpimport.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files a report wrote: every row, and the rows that did not succeed (or {@code null}
 * when all did).
 */
public record ReportFiles(Path report, Path failedRows) {

	public ReportFiles {
		Objects.requireNonNull(report, "report");
	}

}
