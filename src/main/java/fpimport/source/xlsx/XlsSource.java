package fpimport.source.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fpimport.source.Headers;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet of a legacy .xls (BIFF8) workbook, read with POI's HSSF event API and the
 * same cell rules as xlsx. An .xls sheet has at most 65,536 rows, so the chosen sheet's
 * cells are collected in one pass and then handed out.
 */
public final class XlsSource implements RowSource {

	private final String sheet;

	private final int sheetNumber;

	private final int sheetCount;

	private final Headers headers;

	private final Iterator<Map.Entry<Integer, List<String>>> rows;

	/** The columns of formula errors, by 0-based row. */
	private final Map<Integer, List<Integer>> errors;

	private XlsSource(String sheet, int sheetNumber, int sheetCount, Headers headers,
			Iterator<Map.Entry<Integer, List<String>>> rows, Map<Integer, List<Integer>> errors) {
		this.errors = errors;
		this.sheet = sheet;
		this.sheetNumber = sheetNumber;
		this.sheetCount = sheetCount;
		this.headers = headers;
		this.rows = rows;
	}

	/** Opens one sheet of an .xls file; the file is OLE2 and holds a {@code Workbook}. */
	public static XlsSource open(Path path, DirectoryNode root, SourceSettings settings) {
		String file = path.toString();
		Collector collector = new Collector(file, settings.sheet());
		HSSFRequest request = new HSSFRequest();
		request.addListenerForAllRecords(collector);
		try {
			new HSSFEventFactory().abortableProcessWorkbookEvents(request, root);
		}
		catch (FpImportException ex) {
			throw ex;
		}
		catch (EncryptedDocumentException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": the workbook is password-protected",
					"open it in Excel or WPS, remove the password (File > Info > Protect Workbook) and save it again",
					ex);
		}
		catch (HSSFUserException | IOException | RuntimeException ex) {
			throw new FpImportException(Reason.INVALID_INPUT,
					file + ": not a readable .xls file: " + XlsxFailure.rootMessage(ex),
					"open it in Excel or WPS and save it as .xlsx", ex);
		}
		if (collector.chosen < 0) {
			SheetChoice.choose(file, collector.sheets, settings.sheet());
			throw new FpImportException(Reason.INVALID_INPUT, file + ": the workbook has no sheets",
					"open it in Excel or WPS and save it again");
		}
		String sheet = collector.sheets.get(collector.chosen);
		MergedCells merges = MergedCells.ofRanges(collector.merges);
		collector.rows.forEach((row, cells) -> merges.clear(row + 1L, cells));
		Iterator<Map.Entry<Integer, List<String>>> rows = collector.rows.entrySet().iterator();
		while (rows.hasNext()) {
			Map.Entry<Integer, List<String>> row = rows.next();
			int rowNumber = row.getKey() + 1;
			if (rowNumber >= settings.headerRow() && !SheetRows.isBlank(row.getValue())) {
				Headers headers = SheetRows.header(file, sheet, rowNumber, row.getValue());
				return new XlsSource(sheet, collector.chosen + 1, collector.sheets.size(), headers, rows,
						collector.errors);
			}
		}
		throw SheetRows.noHeader(file, sheet, settings.headerRow());
	}

	@Override
	public List<String> headers() {
		return this.headers.keys();
	}

	@Override
	public String sheet() {
		return this.sheet;
	}

	@Override
	public String description() {
		return "XLS, sheet '" + this.sheet + "' (" + this.sheetNumber + " of " + this.sheetCount + ")";
	}

	@Override
	public SourceRow next() {
		while (this.rows.hasNext()) {
			Map.Entry<Integer, List<String>> row = this.rows.next();
			if (SheetRows.isBlank(row.getValue())) {
				continue;
			}
			for (int column : this.errors.getOrDefault(row.getKey(), List.of())) {
				if (column < this.headers.size()) {
					return SheetRows.formulaError(this.headers, row.getKey() + 1L, column, row.getValue().get(column));
				}
			}
			String[] values = new String[this.headers.size()];
			for (int i = 0; i < values.length; i++) {
				String cell = (i < row.getValue().size()) ? row.getValue().get(i) : null;
				values[i] = (cell != null) ? cell : "";
			}
			return SourceRow.of(row.getKey() + 1L, this.headers.cells(values));
		}
		return null;
	}

	@Override
	public void close() {
		// the workbook was read whole when opened
	}

	/** Listens to the workbook's records and keeps the cells of the chosen sheet. */
	private static final class Collector extends AbortableHSSFListener {

		private final String file;

		private final String wanted;

		private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener((record) -> {
		});

		final List<String> sheets = new ArrayList<>();

		final TreeMap<Integer, List<String>> rows = new TreeMap<>();

		/** The columns of formula errors, by 0-based row, in column order. */
		final Map<Integer, List<Integer>> errors = new java.util.HashMap<>();

		int chosen = -1;

		/** Merged ranges, rows 1-based and columns 0-based. */
		final List<int[]> merges = new ArrayList<>();

		private int sheetIndex = -1;

		private boolean inChosen;

		/** Nesting of BOF..EOF streams: a chart inside a sheet has its own. */
		private int depth;

		private SSTRecord strings;

		private boolean date1904;

		/** A formula whose text result comes in the next STRING record. */
		private FormulaRecord pendingFormula;

		Collector(String file, String wanted) {
			this.file = file;
			this.wanted = wanted;
		}

		@Override
		public short abortableProcessRecord(Record record) {
			this.formats.processRecordInternally(record);
			if (record instanceof BoundSheetRecord bound) {
				this.sheets.add(bound.getSheetname());
			}
			else if (record instanceof BOFRecord bof) {
				this.depth++;
				if (this.depth == 1 && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
					if (this.sheetIndex < 0) {
						this.chosen = SheetChoice.choose(this.file, this.sheets, this.wanted);
					}
					this.sheetIndex++;
					this.inChosen = this.sheetIndex == this.chosen;
				}
			}
			else if (record instanceof SSTRecord sst) {
				this.strings = sst;
			}
			else if (record instanceof DateWindow1904Record window) {
				this.date1904 = window.getWindowing() == 1;
			}
			else if (record instanceof EOFRecord) {
				this.depth--;
				if (this.depth == 0 && this.inChosen) {
					// the chosen sheet is read: stop before the others
					return 1;
				}
			}
			else if (record instanceof MergeCellsRecord merged && this.inChosen && this.depth == 1) {
				for (int i = 0; i < merged.getNumAreas(); i++) {
					CellRangeAddress area = merged.getAreaAt(i);
					this.merges.add(new int[] { area.getFirstRow() + 1, area.getLastRow() + 1, area.getFirstColumn(),
							area.getLastColumn() });
				}
			}
			else if (this.inChosen) {
				cell(record);
			}
			return 0;
		}

		private void cell(Record record) {
			if (record instanceof StringRecord text && this.pendingFormula != null) {
				put(this.pendingFormula, text.getString());
				this.pendingFormula = null;
			}
			else if (record instanceof NumberRecord number) {
				put(number, CellText.of(number.getValue(), kind(number), this.date1904));
			}
			else if (record instanceof LabelSSTRecord label) {
				put(label, this.strings.getString(label.getSSTIndex()).getString());
			}
			else if (record instanceof LabelRecord label) {
				put(label, label.getValue());
			}
			else if (record instanceof BoolErrRecord boolErr) {
				if (boolErr.isBoolean()) {
					put(boolErr, Boolean.toString(boolErr.getBooleanValue()));
				}
				else {
					error(boolErr, FormulaError.forInt(boolErr.getErrorValue()).getString());
				}
			}
			else if (record instanceof FormulaRecord formula) {
				formula(formula);
			}
		}

		private void formula(FormulaRecord formula) {
			CellType type = formula.getCachedResultTypeEnum();
			switch (type) {
				case STRING -> {
					if (formula.hasCachedResultString()) {
						this.pendingFormula = formula;
					}
				}
				case BOOLEAN -> put(formula, Boolean.toString(formula.getCachedBooleanValue()));
				case ERROR -> error(formula, FormulaError.forInt(formula.getCachedErrorValue()).getString());
				case NUMERIC -> put(formula, CellText.of(formula.getValue(), kind(formula), this.date1904));
				default -> {
					// an empty cached result: an empty cell
				}
			}
		}

		private CellText.Kind kind(CellValueRecordInterface cell) {
			return CellText.kind(this.formats.getFormatIndex(cell), this.formats.getFormatString(cell));
		}

		private void error(CellValueRecordInterface cell, String text) {
			put(cell, text);
			List<Integer> columns = this.errors.computeIfAbsent(cell.getRow(), (key) -> new ArrayList<>());
			columns.add((int) cell.getColumn());
			columns.sort(null);
		}

		private void put(CellValueRecordInterface cell, String text) {
			if (text.isEmpty()) {
				return;
			}
			List<String> row = this.rows.computeIfAbsent(cell.getRow(), (key) -> new ArrayList<>());
			int column = cell.getColumn();
			while (row.size() <= column) {
				row.add(null);
			}
			row.set(column, text);
		}

	}

}
