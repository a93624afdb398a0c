package fpimport.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

import fpimport.mapping.MappingSpec;
import fpimport.report.ReportFiles;
import fpimport.report.ReportFormat;
import fpimport.report.ReportWriter;
import fpimport.result.ResultStore;
import fpimport.result.RowRecord;
import fpimport.result.RunRecord;
import fpimport.result.SkippedRows;

/**
 * Writes a run's report from the database, with the rows the run keeps outside
 * {@code FPI_ROW}: a dry run's rows ({@link ResultStore#dryRunRows}) and an import's
 * skipped rows ({@link ResultStore#skippedRows}). Their cells are read again from the
 * run's file when it is the file the run read (the same fingerprint); otherwise they are
 * listed with their row number, status, item and problems, and those with neither a
 * problem nor an error with a message saying why their cells are empty. Serves the end of
 * a run whose report was not written with its rows, and {@code report RUN}.
 */
final class RunReport {

	private RunReport() {
	}

	static ReportFiles write(ResultStore store, RunRecord run, MappingSpec mapping, Path directory, ReportFormat format,
			String linkBase) {
		long runId = run.runId();
		int headerRow = RunFinisher.headerRow(mapping);
		ReportWriter writer = new ReportWriter(store, linkBase);
		SkippedRows skipped = run.dryRun() ? null : store.skippedRows(runId);
		if (!run.dryRun() && skipped.count() == 0) {
			return writer.write(run, directory, format, headerRow);
		}
		Iterator<RowRecord> kept = (skipped != null) ? skipped.records(runId).iterator() : store.dryRunRows(runId);
		Path file = Path.of(run.sourceFile());
		boolean same = Files.isRegularFile(file) && Fingerprints.of(file).equals(run.sourceSha256());
		if (!same) {
			String why = (Files.isRegularFile(file) ? " changed since the run" : " is gone");
			String note = (skipped != null)
					? "an import keeps the cells of its skipped rows in its file only, and " + file + why
					: "a validate run keeps the cells of its rows in its file only, and " + file + why;
			// a row with problems or an error keeps them; the others say why they have no
			// cells
			return writer.write(run, directory, format, headerRow, kept,
					(row) -> (!row.cells().isEmpty() || row.errMsg() != null || !row.problems().isEmpty()) ? row
							: withCells(row, Map.of(), note));
		}
		try (FileFeed feed = new FileFeed(file, ImportJob.sourceSettings(mapping), runId)) {
			return writer.write(run, directory, format, headerRow, kept, new CellsFromFile(feed));
		}
	}

	/**
	 * A row with its cells read from the file when it has none (a row kept by number, a
	 * dry run's stored row): the file read forwards alongside the rows, which come in row
	 * order.
	 */
	private static final class CellsFromFile implements UnaryOperator<RowRecord> {

		private final FileFeed feed;

		private OriginRow read;

		CellsFromFile(FileFeed feed) {
			this.feed = feed;
			this.read = feed.next();
		}

		@Override
		public RowRecord apply(RowRecord row) {
			if (!row.cells().isEmpty()) {
				return row;
			}
			while (this.read != null && this.read.originRowNumber() < row.rowNumber()) {
				this.read = this.feed.next();
			}
			if (this.read == null || this.read.originRowNumber() != row.rowNumber()) {
				return withCells(row, Map.of(), "row " + row.rowNumber() + " is not in the run's file");
			}
			return withCells(row, this.read.source().cells(), row.errMsg());
		}

	}

	private static RowRecord withCells(RowRecord row, Map<String, String> cells, String message) {
		return new RowRecord(row.runId(), row.rowNumber(), row.rowKey(), row.status(), row.workItemId(), row.errCode(),
				message, row.problems(), cells, row.idempotencyKey(), row.attempts(), row.originRunId(),
				row.originRowNumber(), null, null);
	}

}
