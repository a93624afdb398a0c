package fpimport.job;

import java.util.Comparator;
import java.util.List;

import fpimport.report.ReportFiles;
import fpimport.report.ReportWriter;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.RunRecord;

/**
 * An import's report written as its rows are, chunk by chunk in row order, for as long as
 * every row needs no call: SKIPPED (the ledger knows it) or INVALID. Such a row's outcome
 * is final when it is stored (no step, no link and no reconciliation changes it), so its
 * report row can be written at once, and no row is read back from the database, nor from
 * the file (an import keeps its skipped rows by number alone:
 * {@link fpimport.result.SkippedRows}). From the first row that needs a call, a chunk
 * that is not the next in row order (waves of references), or a rows step that resumes
 * after its first row, the report is written when the run ends instead, from the database
 * ({@link RunReport}), as is the report of a run that stopped. A dry run's report is
 * {@link DryRunRows}'.
 */
final class StreamedReport {

	private final RunContext context;

	private ReportWriter.Pass report;

	/** Whether the report is written at the end instead, from the database. */
	private boolean atEnd;

	private long lastRow = -1;

	StreamedReport(RunContext context) {
		this.context = context;
	}

	/**
	 * The rows step starts: from the run's first row, the report is written with its
	 * rows; resumed after its first row, at the end.
	 */
	void start(boolean fromFirstRow) {
		discard();
		this.atEnd = !fromFirstRow || this.context.prepared().references().waveCount() > 1;
		this.lastRow = -1;
	}

	/**
	 * A chunk is written: its rows go into the report when each of them was decided
	 * without a call, else the report is left for the end.
	 * @param outcomes the outcomes of the chunk's rows that needed no call
	 * @param whole whether these are the outcomes of every row of the chunk (none needed
	 * a call, none was written before)
	 */
	void chunk(List<RowRecord> outcomes, boolean whole) {
		if (this.atEnd) {
			return;
		}
		List<RowRecord> rows = outcomes.stream().sorted(Comparator.comparingLong(RowRecord::rowNumber)).toList();
		boolean fits = whole && rows.stream().allMatch(StreamedReport::needsNoCall)
				&& (rows.isEmpty() || rows.get(0).rowNumber() > this.lastRow);
		if (!fits) {
			discard();
			this.atEnd = true;
			return;
		}
		if (this.report == null && !rows.isEmpty()) {
			// the rows step starts after the preflight stored the run's header
			RunRecord run = this.context.store.run(this.context.runId()).orElseThrow();
			this.report = new ReportWriter(this.context.store, this.context.settings.linkBase()).open(run,
					RunFinisher.reportDirectory(this.context, run), this.context.settings.reportFormat(),
					RunFinisher.headerRow(this.context.mapping));
		}
		for (RowRecord row : rows) {
			this.report.row(row, null);
			this.lastRow = row.rowNumber();
		}
	}

	/**
	 * The report written with the rows, closed, when the run ended after its rows step
	 * wrote every row into it; {@code null} when the report is to be written from the
	 * database.
	 * @param completed whether the run's job completed (a stopped run's report is written
	 * from the database)
	 */
	ReportFiles finish(boolean completed) {
		if (!completed || this.atEnd || this.report == null) {
			discard();
			return null;
		}
		ReportFiles files = this.report.finish();
		this.report = null;
		return files;
	}

	private static boolean needsNoCall(RowRecord row) {
		return row.status() == RowStatus.SKIPPED || row.status() == RowStatus.INVALID;
	}

	private void discard() {
		if (this.report != null) {
			this.report.finish();
			this.report = null;
		}
	}

}
