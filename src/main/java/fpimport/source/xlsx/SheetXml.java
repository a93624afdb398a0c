package fpimport.source.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Reads the {@code <row>} elements of a sheet's XML, or of a block of it
 * ({@link SheetBlocks}), with StAX: each row's cells as text, as Excel shows them
 * ({@link CellText}), checked for what a block alone can tell. What needs the rows before
 * it (the row's number when it has no {@code r}, and that rows go forward) is left to
 * {@link XlsxSource}. Not thread-safe: one per block being read.
 */
final class SheetXml {

	/** What the workbook gives every block of a sheet. */
	record Workbook(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904) {
	}

	/**
	 * A row as the XML has it.
	 *
	 * @param reference its {@code r} attribute, or null
	 * @param named the row its cells' references name, or 0 when they name none
	 * @param firstReference the first cell reference, or null
	 * @param cells its cells' text by 0-based column, null for an empty cell (a list of
	 * the row's own: the reader empties what a merged range covers in it)
	 * @param shown what Excel shows for cells whose number format changes it, by column
	 * @param errorColumn the first column holding a formula error, or -1
	 */
	record Row(String reference, long named, String firstReference, List<String> cells, Map<Integer, String> shown,
			int errorColumn) {
	}

	/**
	 * The XML says something no sheet says; what the rows before it are needed to
	 * describe.
	 *
	 * @param reference the {@code r} of the row it was found in, or null
	 */
	static final class Damaged extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient String reference;

		private final boolean sharedString;

		Damaged(String what, String reference, boolean sharedString) {
			super(what, null, false, false);
			this.reference = reference;
			this.sharedString = sharedString;
		}

		/** The {@code r} of the row it was found in, or null. */
		String reference() {
			return this.reference;
		}

		/** Whether a cell names a shared string that does not exist. */
		boolean sharedString() {
			return this.sharedString;
		}

	}

	/** The most columns of an xlsx sheet: A to XFD. */
	static final int MAX_COLUMNS = 16_384;

	private final XMLStreamReader xml;

	private final Workbook workbook;

	/** Format kinds by style index, filled as styles are met. */
	private CellText.Kind[] kinds = new CellText.Kind[64];

	/**
	 * By style index: whether its number format shows a number otherwise than its value
	 * ({@code 0%}, currency, separators), filled as styles are met.
	 */
	private Boolean[] shows = new Boolean[64];

	/** Applies number formats as Excel shows them, made when a cell needs it. */
	private DataFormatter formatter;

	/** What Excel shows for the cell just read, when its format changes it, or null. */
	private String lastShown;

	/** The {@code r} of the row being read, or null. */
	private String reference;

	SheetXml(XMLStreamReader xml, Workbook workbook) {
		this.xml = xml;
		this.workbook = workbook;
	}

	/**
	 * Reads the next {@code <row>}; null at the end of the rows.
	 * @throws Damaged for a cell that the file cannot hold
	 */
	Row next() throws XMLStreamException {
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (this.xml.getLocalName().equals("row")) {
					this.reference = this.xml.getAttributeValue(null, "r");
					return readCells();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("sheetData")) {
				return null;
			}
		}
		return null;
	}

	private Row readCells() throws XMLStreamException {
		List<String> cells = new ArrayList<>();
		Map<Integer, String> shown = Map.of();
		int errorColumn = -1;
		int column = -1;
		long named = 0;
		String firstReference = null;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (this.xml.getLocalName().equals("c")) {
					// the attributes by position: a million rows have tens of millions of
					// cells, and a lookup by name hashes it each time
					String cellReference = null;
					String type = null;
					String style = null;
					for (int i = 0, count = this.xml.getAttributeCount(); i < count; i++) {
						String name = this.xml.getAttributeLocalName(i);
						if (name.length() == 1) {
							switch (name.charAt(0)) {
								case 'r' -> cellReference = this.xml.getAttributeValue(i);
								case 't' -> type = this.xml.getAttributeValue(i);
								case 's' -> style = this.xml.getAttributeValue(i);
								default -> {
								}
							}
						}
					}
					if (cellReference != null) {
						int previous = column;
						int letters = letters(cellReference);
						column = (letters >= 1 && letters <= 3) ? XlsxSource.columnOf(cellReference) : -1;
						long row = rowOf(cellReference, letters);
						if (firstReference == null) {
							firstReference = cellReference;
							named = row;
						}
						if (column < 0 || column >= MAX_COLUMNS || row < 1 || row != named || column <= previous) {
							throw damaged("cell reference '" + cellReference + "'");
						}
					}
					else {
						column++;
					}
					this.lastShown = null;
					String text = readCell(type, style);
					if ("e".equals(type) && errorColumn < 0 && !text.isEmpty()) {
						errorColumn = column;
					}
					if (!text.isEmpty()) {
						while (cells.size() <= column) {
							cells.add(null);
						}
						cells.set(column, text);
						if (this.lastShown != null && !this.lastShown.equals(text)) {
							if (shown.isEmpty()) {
								shown = new HashMap<>();
							}
							shown.put(column, this.lastShown);
						}
					}
				}
				else {
					skip();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return new Row(this.reference, named, firstReference, cells, shown, errorColumn);
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
			return CellText.of(value, kind, this.workbook.date1904());
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
		// most inline strings are one run: its text is taken as it is
		String first = null;
		StringBuilder text = null;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if (name.equals("t")) {
					String run = this.xml.getElementText();
					if (first == null) {
						first = run;
					}
					else {
						if (text == null) {
							text = new StringBuilder(first);
						}
						text.append(run);
					}
				}
				else if (name.equals("rPh")) {
					skip();
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("is")) {
				return (text != null) ? text.toString() : ((first != null) ? first : "");
			}
		}
	}

	private String sharedString(String value) {
		ReadOnlySharedStringsTable strings = this.workbook.strings();
		int index = Integer.parseInt(value);
		if (index < 0 || index >= strings.getCount()) {
			throw new Damaged("a cell refers to shared string " + index + ", which does not exist", this.reference,
					true);
		}
		return strings.getItemAt(index).getString();
	}

	private CellText.Kind kind(String style) {
		int index = (style == null || style.isEmpty()) ? 0 : Integer.parseInt(style);
		if (index >= this.kinds.length) {
			this.kinds = Arrays.copyOf(this.kinds, Math.max(index + 1, this.kinds.length * 2));
		}
		CellText.Kind kind = this.kinds[index];
		if (kind == null) {
			kind = CellText.Kind.NUMBER;
			StylesTable styles = this.workbook.styles();
			if (styles != null && index < styles.getNumCellStyles()) {
				XSSFCellStyle cellStyle = styles.getStyleAt(index);
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
			StylesTable styles = this.workbook.styles();
			if (styles != null && index < styles.getNumCellStyles()) {
				XSSFCellStyle cellStyle = styles.getStyleAt(index);
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
			XSSFCellStyle cellStyle = this.workbook.styles().getStyleAt(Integer.parseInt(style));
			if (this.formatter == null) {
				this.formatter = new DataFormatter(Locale.US);
			}
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

	private Damaged damaged(String what) {
		return new Damaged(what, this.reference, false);
	}

	/** How many letters a cell reference such as {@code AB12} starts with. */
	private static int letters(String reference) {
		int letters = 0;
		while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
			letters++;
		}
		return letters;
	}

	/**
	 * The row a cell reference names: the one to seven digits after its letters, read in
	 * place (every cell has a reference), else -1.
	 */
	private static long rowOf(String reference, int letters) {
		int length = reference.length();
		int digits = length - letters;
		if (digits < 1 || digits > 7) {
			return -1;
		}
		long row = 0;
		for (int i = letters; i < length; i++) {
			char c = reference.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			row = row * 10 + (c - '0');
		}
		return row;
	}

}
