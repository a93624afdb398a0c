package fpimport.source.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import fpimport.source.Headers;
import fpimport.source.SheetHasMergedCells;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * One sheet of an xlsx file, its rows parsed from the sheet's XML with StAX a few blocks
 * ahead on threads of their own ({@link ParsedBlocks}) and handed over in order, so
 * memory holds the shared strings, the styles and a few megabytes of rows, never the
 * sheet. Here the rows are numbered and checked against the rows before them. The package
 * is opened from the file (POI inflates parts lazily then) with POI's zip-bomb limits on.
 */
public final class XlsxSource implements RowSource {

	private final String file;

	private final OPCPackage pack;

	private final String sheet;

	private final int sheetNumber;

	private final int sheetCount;

	private final InputStream sheetData;

	/** The sheet's rows as they are parsed, on threads of their own. */
	private final ParsedBlocks blocks;

	/** The block whose rows are being handed over, and the next of its rows. */
	private ParsedBlocks.Block block = new ParsedBlocks.Block(List.of(), null, false, false);

	private int nextInBlock;

	private final MergedCells merges;

	/** Whether the merged ranges were not looked for before the rows were read. */
	private final boolean mergesUnscanned;

	/** The row being read, as the XML has it. */
	private SheetXml.Row row;

	/** Columns past this are not kept: they have no header. */
	private int width = Integer.MAX_VALUE;

	private long rowNumber;

	private Headers headers;

	private boolean finished;

	/** The sheet's part in the package, such as {@code /xl/worksheets/sheet1.xml}. */
	private final String part;

	private XlsxSource(String file, OPCPackage pack, SheetXml.Workbook workbook, List<String> sheets, int sheetIndex,
			InputStream sheetData, MergedCells merges, String part) {
		this.part = part;
		this.merges = (merges != null) ? merges : MergedCells.NONE;
		this.mergesUnscanned = (merges == null);
		this.file = file;
		this.pack = pack;
		this.sheet = sheets.get(sheetIndex);
		this.sheetNumber = sheetIndex + 1;
		this.sheetCount = sheets.size();
		this.sheetData = sheetData;
		this.blocks = new ParsedBlocks(sheetData, workbook, SheetBlocks.BLOCK);
	}

	/** Opens one sheet of an xlsx file and reads its header row. */
	public static XlsxSource open(Path path, SourceSettings settings) {
		String file = path.toString();
		OPCPackage pack = null;
		InputStream sheetData = null;
		try {
			checkZip(path);
			pack = OPCPackage.open(path.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pack);
			List<String> sheets = new ArrayList<>();
			XSSFReader.SheetIterator names = reader.getSheetIterator();
			while (names.hasNext()) {
				names.next().close();
				sheets.add(names.getSheetName());
			}
			int index = SheetChoice.choose(file, sheets, settings.sheet());
			XSSFReader.SheetIterator iterator = reader.getSheetIterator();
			for (int i = 0; i <= index; i++) {
				if (sheetData != null) {
					sheetData.close();
				}
				sheetData = iterator.next();
			}
			// the merged ranges follow the rows: found by a pass over the whole sheet
			// first, or at the end by a reader that can start again
			MergedCells merges = null;
			String part = iterator.getSheetPart().getPartName().getName();
			if (!settings.mergesUnscanned()) {
				try (InputStream scan = iterator.getSheetPart().getInputStream()) {
					merges = MergedCells.scan(scan);
				}
			}
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pack, false);
			SheetXml.Workbook workbook = new SheetXml.Workbook(strings, reader.getStylesTable(), isDate1904(reader));
			XlsxSource source = new XlsxSource(file, pack, workbook, sheets, index, sheetData, merges, part);
			try {
				source.readHeader(settings.headerRow());
			}
			catch (RuntimeException ex) {
				source.blocks.close();
				throw ex;
			}
			return source;
		}
		catch (FpImportException ex) {
			close(sheetData, pack);
			throw ex;
		}
		catch (Exception ex) {
			close(sheetData, pack);
			throw XlsxFailure.of(file, ex);
		}
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
		return "XLSX, sheet '" + this.sheet + "' (" + this.sheetNumber + " of " + this.sheetCount + ")";
	}

	@Override
	public SourceRow next() {
		try {
			while (!this.finished) {
				if (!readRow()) {
					this.finished = true;
					return null;
				}
				List<String> cells = this.row.cells();
				List<String> kept = (cells.size() > this.width) ? cells.subList(0, this.width) : cells;
				if (!SheetRows.isBlank(kept)) {
					int errorColumn = this.row.errorColumn();
					if (errorColumn >= 0 && errorColumn < this.headers.size()) {
						return SheetRows.formulaError(this.headers, this.rowNumber, errorColumn,
								cells.get(errorColumn));
					}
					String[] values = new String[this.headers.size()];
					for (int i = 0; i < values.length; i++) {
						String cell = (i < cells.size()) ? cells.get(i) : null;
						values[i] = (cell != null) ? cell : "";
					}
					if (this.row.shown().isEmpty()) {
						return SourceRow.of(this.rowNumber, this.headers.cells(values));
					}
					Map<String, String> shown = new HashMap<>();
					this.row.shown().forEach((column, text) -> {
						// a merged range's other cells were emptied
						if (column < values.length && !values[column].isEmpty()) {
							shown.put(this.headers.keys().get(column), text);
						}
					});
					return SourceRow.of(this.rowNumber, this.headers.cells(values), shown);
				}
			}
			return null;
		}
		catch (FpImportException | SheetHasMergedCells ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw XlsxFailure.of(SheetRows.where(this.file, this.sheet) + ", after row " + this.rowNumber, ex);
		}
	}

	@Override
	public void close() {
		this.blocks.close();
		close(this.sheetData, this.pack);
	}

	private void readHeader(int headerRow) {
		while (readRow()) {
			if (this.rowNumber >= headerRow && !SheetRows.isBlank(this.row.cells())) {
				this.headers = SheetRows.header(this.file, this.sheet, this.rowNumber, this.row.cells());
				this.width = this.headers.size();
				return;
			}
		}
		throw SheetRows.noHeader(this.file, this.sheet, headerRow);
	}

	/**
	 * Takes the next row, numbers it and checks that it follows the row before; false at
	 * the end of the data.
	 */
	private boolean readRow() {
		SheetXml.Row next = nextParsed();
		if (next == null) {
			return false;
		}
		this.rowNumber = (next.reference() != null) ? rowOf(next.reference()) : this.rowNumber + 1;
		if (next.named() != 0 && next.named() != this.rowNumber) {
			throw damaged("cell reference '" + next.firstReference() + "'");
		}
		// the row's cells are its own: a merged range's covered cells are emptied in them
		this.merges.clear(this.rowNumber, next.cells());
		this.row = next;
		return true;
	}

	/**
	 * The next row the parsers give, in the sheet's order; null at the end of the data.
	 * What stopped a parse is thrown once the rows before it have been taken.
	 */
	private SheetXml.Row nextParsed() {
		while (true) {
			if (this.nextInBlock < this.block.rows().size()) {
				return this.block.rows().get(this.nextInBlock++);
			}
			if (this.block.failure() != null) {
				throw failure(this.block.failure());
			}
			if (this.block.last()) {
				if (this.mergesUnscanned && this.headers != null && this.block.mergedCells()) {
					// the rows read kept what the ranges hide
					throw new SheetHasMergedCells(SheetRows.where(this.file, this.sheet));
				}
				return null;
			}
			try {
				this.block = this.blocks.next();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FpImportException(Reason.INTERNAL, SheetRows.where(this.file, this.sheet)
						+ ": reading was interrupted after row " + this.rowNumber, null);
			}
			this.nextInBlock = 0;
		}
	}

	/** What stopped a parse, for the row it stopped in. */
	private RuntimeException failure(Throwable failure) {
		if (failure instanceof Error error) {
			// such as memory running out on the parsing threads: not the file's fault
			throw error;
		}
		if (failure instanceof SheetXml.Damaged damaged) {
			this.rowNumber = (damaged.reference() != null) ? rowOf(damaged.reference()) : this.rowNumber + 1;
			if (damaged.sharedString()) {
				return new FpImportException(Reason.INVALID_INPUT,
						SheetRows.where(this.file, this.sheet) + ", row " + this.rowNumber + ": "
								+ damaged.getMessage(),
						"the file is damaged: open it in Excel or WPS and save it again");
			}
			return damaged(damaged.getMessage());
		}
		if (failure instanceof FpImportException known) {
			return known;
		}
		return XlsxFailure.of(SheetRows.where(this.file, this.sheet) + ", after row " + this.rowNumber, failure);
	}

	/**
	 * The number of a {@code <row r="...">}: a whole number past the row before, or the
	 * file is damaged.
	 */
	private long rowOf(String r) {
		long number;
		try {
			number = Long.parseLong(r.strip());
		}
		catch (NumberFormatException ex) {
			number = -1;
		}
		if (number < 1 || number <= this.rowNumber || number > 1_048_576) {
			throw damaged("row reference '" + r + "' after row " + this.rowNumber);
		}
		return number;
	}

	private FpImportException damaged(String what) {
		return new FpImportException(Reason.INVALID_INPUT,
				SheetRows.where(this.file, this.sheet) + " (part " + this.part + "), row " + this.rowNumber
						+ ": damaged " + what + ": the file is refused, so that no value lands in another column",
				"open it in Excel or WPS and save it again; a program that wrote the file has a bug");
	}

	/** The 0-based column of a reference such as {@code AB12}. */
	static int columnOf(String reference) {
		int column = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				column = column * 26 + (c - 'A' + 1);
			}
			else if (c >= 'a' && c <= 'z') {
				column = column * 26 + (c - 'a' + 1);
			}
			else {
				break;
			}
		}
		return column - 1;
	}

	/**
	 * Fails on a zip without a readable central directory, before POI would fall back to
	 * inflating every part into memory from a stream.
	 */
	private static void checkZip(Path path) throws IOException {
		try (ZipFile zip = new ZipFile(path.toFile())) {
			if (zip.getEntry("[Content_Types].xml") == null) {
				throw Sources.notSpreadsheet(path.toString(), "a zip file, but not an Office document");
			}
		}
		catch (ZipException ex) {
			throw new FpImportException(Reason.INVALID_INPUT,
					path + ": not a readable xlsx file: the zip is truncated or damaged (" + ex.getMessage() + ")",
					"open it in Excel or WPS and save it again as .xlsx, or save it as CSV", ex);
		}
	}

	private static boolean isDate1904(XSSFReader reader)
			throws IOException, XMLStreamException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
		try (InputStream workbook = reader.getWorkbookData()) {
			XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
			try {
				while (xml.hasNext()) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT) {
						String name = xml.getLocalName();
						if (name.equals("workbookPr")) {
							String value = xml.getAttributeValue(null, "date1904");
							return "1".equals(value) || "true".equalsIgnoreCase(value);
						}
						if (name.equals("sheets")) {
							return false;
						}
					}
				}
				return false;
			}
			finally {
				xml.close();
			}
		}
	}

	private static void close(InputStream sheetData, OPCPackage pack) {
		if (sheetData != null) {
			try {
				sheetData.close();
			}
			catch (IOException ex) {
				// only read from; nothing to lose
			}
		}
		if (pack != null) {
			// revert, not close: a package opened for reading must never be written back
			pack.revert();
		}
	}

}
