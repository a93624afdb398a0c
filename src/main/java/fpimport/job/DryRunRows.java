package fpimport.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fpimport.report.ReportFiles;
import fpimport.report.ReportWriter;
import fpimport.result.RowRecord;
import fpimport.result.RunRecord;

/**
 * The outcomes of a dry run's rows: stored as
 * {@link fpimport.result.ResultStore#saveDryRunRows} keeps them (a valid row's number
 * alone, every other row by blocks without its cells), and written into the run's report
 * as each chunk ends, in row order, so that no row is read back from the database for the
 * report. A dry run sends nothing, so its rows step starts again from the first row
 * whenever the run is resumed: the report of a resumed dry run is whole.
 *
 * <p>
 * A dry run's row status by row number, for a row that needs another row's (a reference
 * between rows): {@code store.rows(runId, rowNumbers)}, which answers VALID for a valid
 * row once its chunk has been saved (at {@link #save}, before the chunk's report rows).
 */
final class DryRunRows {

	private final RunContext context;

	private final List<RowRecord> chunk = new ArrayList<>();

	private ReportWriter.Pass report;

	DryRunRows(RunContext context) {
		this.context = context;
	}

	/** Stores outcomes of the chunk being written; their report rows wait for its end. */
	void save(List<RowRecord> records) {
		this.context.store.saveDryRunRows(records);
		this.chunk.addAll(records);
	}

	/** Writes the chunk's rows into the report, in row order. */
	void endChunk() {
		if (this.report == null) {
			// the rows step starts after the preflight stored the run's header
			RunRecord run = this.context.store.run(this.context.runId()).orElseThrow();
			this.report = new ReportWriter(this.context.store, this.context.settings.linkBase()).open(run,
					RunFinisher.reportDirectory(this.context, run), this.context.settings.reportFormat(),
					RunFinisher.headerRow(this.context.mapping));
		}
		this.chunk.sort(Comparator.comparingLong(RowRecord::rowNumber));
		for (RowRecord row : this.chunk) {
			this.report.row(row, null);
		}
		this.chunk.clear();
	}

	/** Starts the rows step: from the first row, with a new report. */
	void restart() {
		this.chunk.clear();
		if (this.report != null) {
			this.report.finish();
			this.report = null;
		}
	}

	/**
	 * The report written while the rows were, closed; {@code null} when no chunk was
	 * written (the report is then written from the database).
	 */
	ReportFiles finish() {
		if (!this.chunk.isEmpty()) {
			// stored before the run stopped in the chunk's write
			endChunk();
		}
		if (this.report == null) {
			return null;
		}
		ReportFiles files = this.report.finish();
		this.report = null;
		return files;
	}

}
