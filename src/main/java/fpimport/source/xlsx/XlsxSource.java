package fpimport.source.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * One sheet of an xlsx file, pulled row by row from the sheet's XML with StAX, so memory
 * holds the shared strings and styles but never the rows. The package is opened from the
 * file (POI inflates parts lazily then) with POI's zip-bomb limits on.
 */
public final class XlsxSource implements RowSource {

	private final String file;

	private final OPCPackage pack;

	private final ReadOnlySharedStringsTable strings;

	private final StylesTable styles;

	private final boolean date1904;

	private final String sheet;

	private final int sheetNumber;

	private final int sheetCount;

	private final InputStream sheetData;

	private final XMLStreamReader xml;

	private final MergedCells merges;

	/** Whether the merged ranges were not looked for before the rows were read. */
	private final boolean mergesUnscanned;

	/** The cells of the row being read, by 0-based column; null is an empty cell. */
	private final List<String> cells = new ArrayList<>();

	/** Format kinds by style index, filled as styles are met. */
	private CellText.Kind[] kinds = new CellText.Kind[64];

	/**
	 * By style index: whether its number format shows a number otherwise than its value
	 * ({@code 0%}, currency, separators), filled as styles are met.
	 */
	private Boolean[] shows = new Boolean[64];

	/**
	 * Applies number formats as Excel shows them, only to cells whose format needs it.
	 */
	private final DataFormatter formatter = new DataFormatter(Locale.US);

	/**
	 * The text Excel shows for the cells of the row being read whose format changes it.
	 */
	private final Map<Integer, String> shownCells = new HashMap<>();

	/** What Excel shows for the cell just read, when its format changes it, or null. */
	private String lastShown;

	/** Columns past this are not kept: they have no header. */
	private int width = Integer.MAX_VALUE;

	private long rowNumber;

	private Headers headers;

	private boolean finished;

	/** The sheet's part in the package, such as {@code /xl/worksheets/sheet1.xml}. */
	private final String part;

	/** The first column of the row being read that holds a formula error, or -1. */
	private int errorColumn = -1;

	private XlsxSource(String file, OPCPackage pack, ReadOnlySharedStringsTable strings, StylesTable styles,
			boolean date1904, List<String> sheets, int sheetIndex, InputStream sheetData, MergedCells merges,
			String part) throws XMLStreamException {
		this.part = part;
		this.merges = (merges != null) ? merges : MergedCells.NONE;
		this.mergesUnscanned = (merges == null);
		this.file = file;
		this.pack = pack;
		this.strings = strings;
		this.styles = styles;
		this.date1904 = date1904;
		this.sheet = sheets.get(sheetIndex);
		this.sheetNumber = sheetIndex + 1;
		this.sheetCount = sheets.size();
		this.sheetData = sheetData;
		this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetData);
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
			XlsxSource source = new XlsxSource(file, pack, strings, reader.getStylesTable(), isDate1904(reader), sheets,
					index, sheetData, merges, part);
			source.readHeader(settings.headerRow());
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
				if (!SheetRows.isBlank(this.cells)) {
					if (this.errorColumn >= 0 && this.errorColumn < this.headers.size()) {
						return SheetRows.formulaError(this.headers, this.rowNumber, this.errorColumn,
								this.cells.get(this.errorColumn));
					}
					String[] values = new String[this.headers.size()];
					for (int i = 0; i < values.length; i++) {
						String cell = (i < this.cells.size()) ? this.cells.get(i) : null;
						values[i] = (cell != null) ? cell : "";
					}
					if (this.shownCells.isEmpty()) {
						return SourceRow.of(this.rowNumber, this.headers.cells(values));
					}
					Map<String, String> shown = new HashMap<>();
					this.shownCells.forEach((column, text) -> {
						// a merged range's other cells were emptied
						if (!values[column].isEmpty()) {
							shown.put(this.headers.keys().get(column), text);
						}
					});
					return SourceRow.of(this.rowNumber, this.headers.cells(values), shown);
				}
			}
			return null;
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof FpImportException known) {
				throw known;
			}
			if (ex instanceof SheetHasMergedCells again) {
				throw again;
			}
			throw XlsxFailure.of(SheetRows.where(this.file, this.sheet) + ", after row " + this.rowNumber, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// reading is over; the stream is closed below anyway
		}
		close(this.sheetData, this.pack);
	}

	private void readHeader(int headerRow) throws XMLStreamException {
		while (readRow()) {
			if (this.rowNumber >= headerRow && !SheetRows.isBlank(this.cells)) {
				this.headers = SheetRows.header(this.file, this.sheet, this.rowNumber, this.cells);
				this.width = this.headers.size();
				return;
			}
		}
		throw SheetRows.noHeader(this.file, this.sheet, headerRow);
	}

	/** Reads the next {@code <row>} into {@link #cells}; false at the end of the data. */
	private boolean readRow() throws XMLStreamException {
		this.cells.clear();
		this.shownCells.clear();
		this.errorColumn = -1;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if (name.equals("row")) {
					String r = this.xml.getAttributeValue(null, "r");
					this.rowNumber = (r != null) ? rowOf(r) : this.rowNumber + 1;
					readCells();
					this.merges.clear(this.rowNumber, this.cells);
					return true;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("sheetData")) {
				if (this.mergesUnscanned && this.headers != null) {
					checkNoMergedCells();
				}
				return false;
			}
		}
		return false;
	}

	/**
	 * Reads what follows the rows, for a sheet whose merged ranges were not looked for
	 * first; throws when it has some (the rows read kept what they hide).
	 */
	private void checkNoMergedCells() throws XMLStreamException {
		while (this.xml.hasNext()) {
			if (this.xml.next() == XMLStreamConstants.START_ELEMENT && this.xml.getLocalName().equals("mergeCell")) {
				throw new SheetHasMergedCells(SheetRows.where(this.file, this.sheet));
			}
		}
	}

	private void readCells() throws XMLStreamException {
		int column = -1;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (this.xml.getLocalName().equals("c")) {
					String reference = this.xml.getAttributeValue(null, "r");
					column = (reference != null) ? checkedColumn(reference, column) : column + 1;
					String type = this.xml.getAttributeValue(null, "t");
					String style = this.xml.getAttributeValue(null, "s");
					this.lastShown = null;
					String text = readCell(type, style);
					if ("e".equals(type) && column < this.width && this.errorColumn < 0 && !text.isEmpty()) {
						this.errorColumn = column;
					}
					if (column < this.width && !text.isEmpty()) {
						while (this.cells.size() <= column) {
							this.cells.add(null);
						}
						this.cells.set(column, text);
						if (this.lastShown != null && !this.lastShown.equals(text)) {
							this.shownCells.put(column, this.lastShown);
						}
					}
				}
				else {
					skip();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return;
			}
		}
	}

	/** Reads a {@code <c>} element's content and returns its text. */
	private String readCell(String type, String style) throws XMLStreamException {
		String value = null;
		String inline = null;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if (name.equals("v")) {
					value = this.xml.getElementText();
				}
				else if (name.equals("is")) {
					inline = readInline();
				}
				else {
					// formulas (<f>): the cached value in <v> is what the user sees
					skip();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
		}
		if (type != null && type.equals("inlineStr")) {
			return (inline != null) ? inline : ((value != null) ? value : "");
		}
		if (value == null) {
			return "";
		}
		if (type == null || type.equals("n")) {
			CellText.Kind kind = kind(style);
			if (kind == CellText.Kind.NUMBER && shows(style)) {
				this.lastShown = shown(value, style);
			}
			return CellText.of(value, kind, this.date1904);
		}
		return switch (type) {
			case "s" -> sharedString(value);
			case "b" -> value.equals("1") || value.equalsIgnoreCase("true") ? "true" : "false";
			case "d" -> CellText.isoDate(value);
			default -> value; // str (a formula's text), e (an error such as #N/A)
		};
	}

	/**
	 * The plain text of an inline string, rich text runs joined, phonetic hints left out.
	 */
	private String readInline() throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if (name.equals("t")) {
					text.append(this.xml.getElementText());
				}
				else if (name.equals("rPh")) {
					skip();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("is")) {
				return text.toString();
			}
		}
	}

	private String sharedString(String value) {
		int index = Integer.parseInt(value);
		if (index < 0 || index >= this.strings.getCount()) {
			throw new FpImportException(Reason.INVALID_INPUT,
					SheetRows.where(this.file, this.sheet) + ", row " + this.rowNumber
							+ ": a cell refers to shared string " + index + ", which does not exist",
					"the file is damaged: open it in Excel or WPS and save it again");
		}
		return this.strings.getItemAt(index).getString();
	}

	private CellText.Kind kind(String style) {
		int index = (style == null || style.isEmpty()) ? 0 : Integer.parseInt(style);
		if (index >= this.kinds.length) {
			this.kinds = Arrays.copyOf(this.kinds, Math.max(index + 1, this.kinds.length * 2));
		}
		CellText.Kind kind = this.kinds[index];
		if (kind == null) {
			kind = CellText.Kind.NUMBER;
			if (this.styles != null && index < this.styles.getNumCellStyles()) {
				XSSFCellStyle cellStyle = this.styles.getStyleAt(index);
				if (cellStyle != null) {
					kind = CellText.kind(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
				}
			}
			this.kinds[index] = kind;
		}
		return kind;
	}

	/**
	 * Whether a style's number format shows a number otherwise than its value: not
	 * General, not text, not a date (those have their own text).
	 */
	private boolean shows(String style) {
		int index = (style == null || style.isEmpty()) ? 0 : Integer.parseInt(style);
		if (index >= this.shows.length) {
			this.shows = Arrays.copyOf(this.shows, Math.max(index + 1, this.shows.length * 2));
		}
		Boolean shows = this.shows[index];
		if (shows == null) {
			shows = false;
			if (this.styles != null && index < this.styles.getNumCellStyles()) {
				XSSFCellStyle cellStyle = this.styles.getStyleAt(index);
				String format = (cellStyle != null) ? cellStyle.getDataFormatString() : null;
				shows = cellStyle != null && cellStyle.getDataFormat() != 0 && format != null
						&& !format.equalsIgnoreCase("General") && !format.equals("@");
			}
			this.shows[index] = shows;
		}
		return shows;
	}

	/** A number as its style's format shows it, or null when it is not a number. */
	private String shown(String value, String style) {
		try {
			XSSFCellStyle cellStyle = this.styles.getStyleAt(Integer.parseInt(style));
			return this.formatter.formatRawCellContents(Double.parseDouble(value), cellStyle.getDataFormat(),
					cellStyle.getDataFormatString());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Skips the element just started, with everything in it. */
	private void skip() throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** The most columns of an xlsx sheet: A to XFD. */
	private static final int MAX_COLUMNS = 16_384;

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

	/**
	 * The 0-based column of a cell reference that names the row it is in and a column
	 * past the one before, or the file is damaged: a wrong reference would put a value
	 * into another column, such as the key.
	 */
	private int checkedColumn(String reference, int previous) {
		int letters = 0;
		while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
			letters++;
		}
		String digits = reference.substring(letters);
		int column = (letters >= 1 && letters <= 3) ? columnOf(reference) : -1;
		boolean sameRow = !digits.isEmpty() && digits.chars().allMatch((c) -> c >= '0' && c <= '9')
				&& digits.length() <= 7 && Long.parseLong(digits) == this.rowNumber;
		if (column < 0 || column >= MAX_COLUMNS || !sameRow || column <= previous) {
			throw damaged("cell reference '" + reference + "'");
		}
		return column;
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
