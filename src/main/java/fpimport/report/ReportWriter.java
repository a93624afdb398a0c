package fpimport.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import fpimport.result.ResultStore;
import fpimport.result.ErrorReasons;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.SetReference;
import fpimport.result.StepRecord;
import fpimport.result.RunRecord;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.ColumnKeys;
import fpimport.workitem.RowCells;
import fpimport.workitem.RowProblem;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * Writes a run's report from the database alone, so any past run can be reported again:
 * {@code NAME.report.xlsx} (or {@code .csv}) with every source column and the row's
 * outcome, and {@code NAME.failed.xlsx} with the rows that did not succeed, ready to be
 * fixed and imported again.
 */
public final class ReportWriter {

	/**
	 * The column the failed-rows file adds; the mapping ignores it on a second import.
	 */
	public static final String REASON_COLUMN = "fpimport_reason";

	static final List<String> OUTCOME_COLUMNS = List.of("fpimport_row", "fpimport_status", "fpimport_work_item_id",
			"fpimport_link", "fpimport_err_code", "fpimport_message");

	private final ResultStore store;

	private final String linkBase;

	/**
	 * @param store where the run's rows are
	 * @param linkBase the web address of the space's items, such as
	 * {@code https://project.feishu.cn}
	 */
	public ReportWriter(ResultStore store, String linkBase) {
		this.store = store;
		this.linkBase = linkBase;
	}

	/**
	 * Writes the report files of a run into a directory, named after the run's source
	 * file.
	 */
	public ReportFiles write(RunRecord run, Path directory, ReportFormat format) {
		return write(run, directory, format, 1);
	}

	/**
	 * Writes the report files of a run into a directory, named after the run's source
	 * file; the failed rows' header goes on {@code headerRow}, the row the run's mapping
	 * reads it from ({@code source.header_row}), under blank rows, so that the same
	 * mapping imports the fixed file.
	 */
	public ReportFiles write(RunRecord run, Path directory, ReportFormat format, int headerRow) {
		return write(run, directory, format, headerRow, java.util.Collections.emptyIterator());
	}

	/**
	 * Writes the report files of a run as
	 * {@link #write(RunRecord, Path, ReportFormat, int)} does, with rows that are not
	 * stored one by one among the stored ones, by row number: a dry run's valid rows
	 * ({@code ResultStore.saveDryRunRows}).
	 * @param unstored rows in row order
	 */
	public ReportFiles write(RunRecord run, Path directory, ReportFormat format, int headerRow,
			java.util.Iterator<RowRecord> unstored) {
		return write(run, directory, format, headerRow, unstored, java.util.function.UnaryOperator.identity());
	}

	/**
	 * Writes the report files of a run as
	 * {@link #write(RunRecord, Path, ReportFormat, int, java.util.Iterator)} does, each
	 * row, stored or not, completed on its way in row order (its cells read from the
	 * run's file).
	 */
	public ReportFiles write(RunRecord run, Path directory, ReportFormat format, int headerRow,
			java.util.Iterator<RowRecord> unstored, java.util.function.UnaryOperator<RowRecord> complete) {
		String baseName = reportBaseName(run);
		Path report = directory.resolve(baseName + ".report." + format.extension());
		Path failed = directory.resolve(baseName + ".failed.xlsx");
		try {
			Files.createDirectories(directory);
			List<String> headers = (run.headers() != null) ? run.headers() : headers(run.runId());
			return writeReports(run, headers, report, format, failed, headerRow, unstored, complete);
		}
		catch (IOException | UncheckedIOException ex) {
			throw unwritableNow(run, directory, ex);
		}
	}

	/**
	 * Refuses a report place that cannot be written: a directory that is a file, or
	 * cannot be made, or is read-only, or a report file of the run that exists read-only.
	 * Checked before a run sends anything, so a run never creates items it cannot report.
	 * @throws FpImportException ({@code INVALID_INPUT}) naming the place
	 */
	public static void checkWritable(RunRecord run, Path directory, ReportFormat format) {
		String baseName = reportBaseName(run);
		Path absolute = directory.toAbsolutePath().normalize();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing != null && !Files.isDirectory(existing)) {
			throw unwritable(existing, "is a file, not a directory", directory);
		}
		if (existing != null && !Files.isWritable(existing)) {
			throw unwritable(existing, "is not writable", directory);
		}
		for (Path file : List.of(absolute.resolve(baseName + ".report." + format.extension()),
				absolute.resolve(baseName + ".failed.xlsx"))) {
			if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
				throw unwritable(file, "exists and cannot be overwritten", directory);
			}
		}
	}

	private static FpImportException unwritable(Path place, String why, Path directory) {
		return new FpImportException(Reason.INVALID_INPUT,
				"cannot write the report: " + place + " " + why + " (reports go to " + directory + ")",
				"choose a writable directory with --report-dir, or make the file writable");
	}

	/** The name a run's reports start with: a retry's keeps the parent's report. */
	private static String reportBaseName(RunRecord run) {
		return baseName(Path.of(run.sourceFile()).getFileName().toString())
				+ ((run.kind() == fpimport.result.RunKind.RETRY) ? ".retry-" + run.runId() : "");
	}

	/**
	 * Writes the report and the failed rows in one pass over the run's rows; the
	 * failed-rows file is started at the first row that did not succeed, and an old one
	 * is deleted when none did.
	 * @return whether any row did not succeed
	 */
	private ReportFiles writeReports(RunRecord run, List<String> headers, Path reportFile, ReportFormat format,
			Path failedFile, int headerRow, java.util.Iterator<RowRecord> unstored,
			java.util.function.UnaryOperator<RowRecord> complete) throws IOException {
		// the steps after each create, shown with their row (none without state:,
		// comments: or attachments:)
		Map<Long, List<StepRecord>> steps = this.store.steps()
			.steps(run.runId())
			.stream()
			.collect(Collectors.groupingBy(StepRecord::rowNumber));
		// what the relation fields naming rows were set to (none without refers_to:)
		Map<Long, List<SetReference>> references = this.store.steps()
			.references(run.runId())
			.stream()
			.collect(Collectors.groupingBy(SetReference::rowNumber));
		try (Pass pass = new Pass(run, headers, reportFile, format, failedFile, headerRow)) {
			RowRecord[] next = { unstored.hasNext() ? unstored.next() : null };
			this.store.forEachRow(run.runId(), (row) -> {
				while (next[0] != null && next[0].rowNumber() < row.rowNumber()) {
					pass.row(complete.apply(next[0]), null);
					next[0] = unstored.hasNext() ? unstored.next() : null;
				}
				pass.row(complete.apply(row), steps.get(row.rowNumber()), references.get(row.rowNumber()));
			});
			while (next[0] != null) {
				pass.row(complete.apply(next[0]), null);
				next[0] = unstored.hasNext() ? unstored.next() : null;
			}
			return pass.finish();
		}
	}

	/**
	 * Starts the report files of a run whose rows are handed over as they come, in row
	 * order, rather than read from the database: a dry run's, written in the pass that
	 * validates its rows (its valid rows are not stored one by one).
	 */
	public Pass open(RunRecord run, Path directory, ReportFormat format, int headerRow) {
		String baseName = reportBaseName(run);
		try {
			Files.createDirectories(directory);
			return new Pass(run, Objects.requireNonNull(run.headers(), "the run's header"),
					directory.resolve(baseName + ".report." + format.extension()), format,
					directory.resolve(baseName + ".failed.xlsx"), headerRow);
		}
		catch (IOException | UncheckedIOException ex) {
			throw unwritableNow(run, directory, ex);
		}
	}

	private static FpImportException unwritableNow(RunRecord run, Path directory, Exception ex) {
		return new FpImportException(Reason.INVALID_INPUT,
				"cannot write the report of run " + run.runId() + " into " + directory + ": " + ex.getMessage(),
				"choose a writable directory with --report-dir", ex);
	}

	/**
	 * The report of a run being written, row by row in row order: the report sheet, and
	 * the failed-rows file from the first row that did not succeed.
	 */
	public final class Pass implements AutoCloseable {

		private final RunRecord run;

		private final List<String> headers;

		/** A reader's column keys found to be {@link #headers}, in order. */
		private List<String> readerKeys;

		private final Path reportFile;

		private final Path failedFile;

		private final int headerRow;

		private final ReportSheet sheet;

		private ReportSheet failedSheet;

		private boolean closed;

		/** Why the rows written so far did not succeed. */
		private final ErrorReasons reasons = new ErrorReasons();

		private Pass(RunRecord run, List<String> headers, Path reportFile, ReportFormat format, Path failedFile,
				int headerRow) throws IOException {
			this.run = run;
			this.headers = headers;
			this.reportFile = reportFile;
			this.failedFile = failedFile;
			this.headerRow = headerRow;
			List<String> columns = new ArrayList<>(ColumnKeys.names(headers));
			columns.addAll(OUTCOME_COLUMNS);
			int linkColumn = headers.size() + 3;
			this.sheet = new BackgroundSheet((format == ReportFormat.CSV) ? new CsvSheet(reportFile)
					: new XlsxSheet(reportFile, "report", linkColumn, true), "report");
			write(this.sheet, columns, false, null);
		}

		/** Writes a row, with the steps after its create ({@code null} for none). */
		public void row(RowRecord row, List<StepRecord> steps) {
			row(row, steps, null);
		}

		/**
		 * Writes a row, with the steps after its create and what its relation fields
		 * naming rows were set to ({@code null} for none).
		 */
		void row(RowRecord row, List<StepRecord> steps, List<SetReference> references) {
			boolean failed = !row.status().succeeded() && row.status() != RowStatus.VALID && !row.status().rollback();
			this.reasons.count(row);
			String link = (row.workItemId() == null) ? null : link(this.run, row.workItemId());
			List<String> cells = cellsOf(row, this.headers, inHeaderOrder(row));
			String message = withReferences(this.run, withSteps(message(row), steps), references);
			if (failed) {
				if (this.failedSheet == null) {
					this.failedSheet = failedSheet(this.run, this.headers, this.failedFile, this.headerRow);
				}
				List<String> failedCells = new ArrayList<>(cells);
				failedCells.add(row.status().name() + ": " + message);
				write(this.failedSheet, failedCells, false, null);
			}
			cells.add(Long.toString(row.rowNumber()));
			cells.add(row.status().name());
			cells.add((row.workItemId() == null) ? "" : Long.toString(row.workItemId()));
			cells.add((link == null) ? "" : link);
			cells.add((row.errCode() == null) ? "" : Integer.toString(row.errCode()));
			cells.add(message);
			write(this.sheet, cells, failed, link);
		}

		/** Whether the row's cells are a reader's, in the columns of the header. */
		private boolean inHeaderOrder(RowRecord row) {
			if (!(row.cells() instanceof RowCells read)) {
				return false;
			}
			if (read.keys() == this.readerKeys) {
				return true;
			}
			if (!read.keys().equals(this.headers)) {
				return false;
			}
			this.readerKeys = read.keys();
			return true;
		}

		/**
		 * Closes the files; an old failed-rows file is deleted when no row failed.
		 * @return the report, and the failed rows if any
		 */
		public ReportFiles finish() {
			try {
				close();
				if (this.failedSheet == null) {
					Files.deleteIfExists(this.failedFile);
				}
			}
			catch (IOException | UncheckedIOException ex) {
				throw unwritableNow(this.run, this.reportFile.getParent(), ex);
			}
			return new ReportFiles(this.reportFile, (this.failedSheet != null) ? this.failedFile : null, this.reasons);
		}

		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				this.sheet.close();
			}
			finally {
				if (this.failedSheet != null) {
					this.failedSheet.close();
				}
			}
		}

	}

	/**
	 * The failed-rows file with its header row on the mapping's header row, ready for
	 * rows.
	 */
	private static ReportSheet failedSheet(RunRecord run, List<String> headers, Path file, int headerRow) {
		List<String> columns = new ArrayList<>(ColumnKeys.names(headers));
		columns.add(REASON_COLUMN);
		try {
			ReportSheet sheet = new BackgroundSheet(new XlsxSheet(file, failedSheetName(run.sheet()), -1),
					"failed-rows");
			for (int row = 1; row < headerRow; row++) {
				write(sheet, List.of(), false, null);
			}
			write(sheet, columns, false, null);
			return sheet;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The failed rows go on a sheet of the name the run's mapping reads
	 * ({@code source.sheet}), so that the same mapping imports them again; a sheet given
	 * by number, or none, is the file's only sheet anyway.
	 */
	static String failedSheetName(String sheet) {
		if (sheet == null || sheet.isBlank() || sheet.strip().chars().allMatch(Character::isDigit)) {
			return "failed";
		}
		return WorkbookUtil.createSafeSheetName(sheet.strip());
	}

	private static void write(ReportSheet sheet, List<String> cells, boolean highlight, String link) {
		try {
			sheet.row(cells, highlight, link);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The source columns of a run, in the order of its first rows (rows keep their header
	 * order).
	 */
	private List<String> headers(long runId) {
		Set<String> headers = new LinkedHashSet<>();
		this.store.forEachRow(runId, (row) -> headers.addAll(row.cells().keySet()));
		return List.copyOf(headers);
	}

	/**
	 * The row's cells under the header; taken in order, none looked up, when they are a
	 * reader's row whose columns are the header ({@code inHeaderOrder}).
	 */
	private static List<String> cellsOf(RowRecord row, List<String> headers, boolean inHeaderOrder) {
		List<String> cells = new ArrayList<>(headers.size() + OUTCOME_COLUMNS.size());
		if (inHeaderOrder) {
			RowCells read = (RowCells) row.cells();
			for (int i = 0; i < headers.size(); i++) {
				cells.add(read.value(i));
			}
			return cells;
		}
		for (String header : headers) {
			cells.add(row.cells().getOrDefault(header, ""));
		}
		return cells;
	}

	private static String withSteps(String message, List<StepRecord> steps) {
		if (steps == null || steps.isEmpty()) {
			return message;
		}
		return (message.isEmpty() ? "" : message + "; ") + "steps: "
				+ steps.stream().map(StepRecord::describe).collect(Collectors.joining(", "));
	}

	static String message(RowRecord row) {
		if (!row.problems().isEmpty()) {
			return row.problems().stream().map(ReportWriter::problemText).collect(Collectors.joining("; "));
		}
		return (row.errMsg() == null) ? "" : row.errMsg();
	}

	private static String problemText(RowProblem problem) {
		String where = (problem.column() != null) ? problem.column() + ": " : "";
		return where + problem.message();
	}

	/**
	 * The message with what each relation field naming rows was set to: {@code
	 * references: 关联需求 10003 → 4812084224 (LINK)}.
	 */
	private String withReferences(RunRecord run, String message, List<SetReference> references) {
		if (references == null || references.isEmpty()) {
			return message;
		}
		return (message.isEmpty() ? "" : message + "; ") + "references: "
				+ references.stream()
					.map((reference) -> reference.describe((id) -> " (" + this.linkBase + "/" + run.projectKey() + "/"
							+ reference.typeKey() + "/detail/" + id + ")"))
					.collect(Collectors.joining("; "));
	}

	private String link(RunRecord run, long workItemId) {
		return this.linkBase + "/" + run.projectKey() + "/" + run.typeKey() + "/detail/" + workItemId;
	}

	private static String baseName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot > 0) ? fileName.substring(0, dot) : fileName;
	}

}
