package fpimport.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A report sheet as an xlsx workbook of one sheet, streamed: each row's XML goes straight
 * into the zipped file (fastest deflate level), so memory holds one row, and no temporary
 * file is written. Every cell is an inline string cell, so text such as {@code =1+1}
 * stays text and never becomes a formula; in a report for people, a plain number is a
 * number cell and an ISO date a date cell, and the header is frozen with a filter. Rows
 * that did not succeed are filled rose. The first {@value #MAX_LINKS} links are clickable
 * (Excel reads at most 65,530 per sheet, and they wait in memory for the end of the
 * sheet); the link column holds every address as text.
 */
final class XlsxSheet implements ReportSheet {

	/** The clickable links of a sheet at most; later rows keep the address as text. */
	static final int MAX_LINKS = 10_000;

	/** The most characters an XLSX cell holds. */
	static final int MAX_CELL_LENGTH = 32_767;

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private final ZipOutputStream zip;

	/**
	 * The zipped part being written goes through this buffer, as UTF-8 ({@link #row},
	 * {@link #write}), {@code filled} bytes of it so far.
	 */
	private byte[] bytes = new byte[64 * 1024];

	private int filled;

	private final int linkColumn;

	/** Cell reference and address of each clickable link. */
	private final List<String[]> links = new ArrayList<>();

	private final List<String> columnNames = new ArrayList<>();

	private int rowIndex;

	/** Whether the header is frozen with a filter, and numbers and dates are typed. */
	private final boolean forPeople;

	/** The cells of the header row, the width of the filter. */
	private int headerWidth;

	XlsxSheet(Path file, String sheetName, int linkColumn) throws IOException {
		this(file, sheetName, linkColumn, false);
	}

	/**
	 * @param forPeople freeze the first row (the header) with a filter on it, and write
	 * plain numbers and ISO dates as numbers and dates ({@link #typed}); for a report,
	 * not for a file to import again
	 */
	XlsxSheet(Path file, String sheetName, int linkColumn, boolean forPeople) throws IOException {
		this.linkColumn = linkColumn;
		this.forPeople = forPeople;
		this.zip = new ZipOutputStream(Files.newOutputStream(file));
		this.zip.setLevel(Deflater.BEST_SPEED);
		try {
			part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
					+ "</Types>");
			part("_rels/.rels",
					"<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">" + "<Relationship Id=\"rId1\" Type=\""
							+ RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>" + "</Relationships>");
			StringBuilder name = new StringBuilder();
			escape(name, sheetName, true);
			part("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
					+ "<sheet name=\"" + name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			part("xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">" + "<Relationship Id=\"rId1\" Type=\""
							+ RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
							+ "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/>"
							+ "</Relationships>");
			// style 1: a solid rose fill (indexed colour 45) for rows that did not
			// succeed
			// styles 2 and 3: a date as yyyy-mm-dd, plain and rose
			part("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\">"
					+ "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
					+ "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
					+ "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
					+ "<fill><patternFill patternType=\"gray125\"/></fill>"
					+ "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"45\"/></patternFill></fill></fills>"
					+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
					+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
					+ "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
					+ "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
					+ "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
					+ "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\"/>"
					+ "</cellXfs>"
					+ "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
					+ "</styleSheet>");
			this.zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
					+ "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
			if (forPeople) {
				// the header stays in sight while scrolling
				write("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
						+ "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
			}
			write("<sheetData>");
		}
		catch (IOException | RuntimeException ex) {
			this.zip.close();
			throw ex;
		}
	}

	/**
	 * Writes text as UTF-8 into the buffer: the package's parts and what follows the
	 * rows, written once a file ({@link #row} encodes each row's XML itself).
	 */
	private void write(CharSequence text) throws IOException {
		byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
		if (this.bytes.length - this.filled < encoded.length) {
			flush();
			if (this.bytes.length < encoded.length) {
				this.bytes = new byte[encoded.length];
			}
		}
		System.arraycopy(encoded, 0, this.bytes, this.filled, encoded.length);
		this.filled += encoded.length;
	}

	/** Hands the buffer's bytes to the zip. */
	private void flush() throws IOException {
		this.zip.write(this.bytes, 0, this.filled);
		this.filled = 0;
	}

	private void part(String name, String xml) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
		write(xml);
		flush();
		this.zip.closeEntry();
	}

	@Override
	public void row(List<String> cells, boolean highlight, String link) throws IOException {
		int number = ++this.rowIndex;
		if (number == 1) {
			this.headerWidth = cells.size();
		}
		// the row's XML goes straight into the buffer as UTF-8, with room for the most
		// a character takes there (&#13; is five bytes)
		int room = 64;
		for (String text : cells) {
			room += 64 + ((text == null) ? 0 : 5 * Math.min(text.length(), MAX_CELL_LENGTH + 64));
		}
		if (this.bytes.length - this.filled < room) {
			flush();
			if (this.bytes.length < room) {
				this.bytes = new byte[room];
			}
		}
		// cells carry no reference: each is the column after the one before it (the
		// format allows it), which keeps a million rows' XML a third smaller
		ascii(ROW_START);
		digits(number);
		ascii(TAG_END);
		for (int i = 0; i < cells.size(); i++) {
			String text = cells.get(i);
			long day = (this.forPeople && number > 1 && i != this.linkColumn) ? typed(text) : NOT_TYPED;
			ascii(CELL_START);
			if (highlight && (day == NOT_TYPED || day == NUMBER)) {
				ascii(ROSE);
			}
			if (text == null || text.isEmpty()) {
				ascii(EMPTY_END);
			}
			else if (day == NUMBER) {
				// a plain number is ASCII
				ascii(VALUE_START);
				ascii(text);
				ascii(VALUE_END);
			}
			else if (day != NOT_TYPED) {
				// a date: its serial day, shown as yyyy-mm-dd
				ascii(highlight ? ROSE_DATE : DATE);
				ascii(VALUE_START);
				digits(day);
				ascii(VALUE_END);
			}
			else {
				String fitted = fit(text);
				ascii(preserves(fitted) ? INLINE_PRESERVED : INLINE);
				this.filled = escapedUtf8(fitted, this.bytes, this.filled);
				ascii(INLINE_END);
			}
			if (i == this.linkColumn && link != null && this.links.size() < MAX_LINKS) {
				this.links.add(new String[] { column(i) + number, link });
			}
		}
		ascii(ROW_END);
	}

	private static final String ROW_START = "<row r=\"";

	private static final String TAG_END = "\">";

	private static final String CELL_START = "<c";

	private static final String ROSE = " s=\"1\"";

	private static final String EMPTY_END = "/>";

	private static final String VALUE_START = "><v>";

	private static final String VALUE_END = "</v></c>";

	private static final String DATE = " s=\"2\"";

	private static final String ROSE_DATE = " s=\"3\"";

	private static final String INLINE = " t=\"inlineStr\"><is><t>";

	private static final String INLINE_PRESERVED = " t=\"inlineStr\"><is><t xml:space=\"preserve\">";

	private static final String INLINE_END = "</t></is></c>";

	private static final String ROW_END = "</row>";

	/** Appends ASCII text to the buffer, which has room for it. */
	private void ascii(String text) {
		for (int i = 0, length = text.length(); i < length; i++) {
			this.bytes[this.filled++] = (byte) text.charAt(i);
		}
	}

	/** Appends a whole number's digits to the buffer, which has room for them. */
	private void digits(long value) {
		if (value < 0) {
			this.bytes[this.filled++] = '-';
			value = -value;
		}
		long scale = 1;
		while (scale <= value / 10) {
			scale *= 10;
		}
		for (; scale > 0; scale /= 10) {
			this.bytes[this.filled++] = (byte) ('0' + (value / scale) % 10);
		}
	}

	/**
	 * Encodes text escaped for XML 1.0 content, as {@link #escape} does it (not in an
	 * attribute), as UTF-8 into {@code bytes} from {@code at}, which must have room for
	 * five bytes a character.
	 * @return the position after the last byte written
	 */
	static int escapedUtf8(String text, byte[] bytes, int at) {
		int next = at;
		for (int i = 0, length = text.length(); i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '&' -> next = put(bytes, next, "&amp;");
					case '<' -> next = put(bytes, next, "&lt;");
					case '>' -> next = put(bytes, next, "&gt;");
					case '\r' -> next = put(bytes, next, "&#13;");
					default -> bytes[next++] = (byte) ((c < 0x20 && c != '\t' && c != '\n') ? '?' : c);
				}
			}
			else if (c < 0x800) {
				bytes[next++] = (byte) (0xC0 | (c >> 6));
				bytes[next++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				if (c == 0xFFFE || c == 0xFFFF) {
					bytes[next++] = '?';
					continue;
				}
				bytes[next++] = (byte) (0xE0 | (c >> 12));
				bytes[next++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[next++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int point = Character.toCodePoint(c, text.charAt(++i));
				bytes[next++] = (byte) (0xF0 | (point >> 18));
				bytes[next++] = (byte) (0x80 | ((point >> 12) & 0x3F));
				bytes[next++] = (byte) (0x80 | ((point >> 6) & 0x3F));
				bytes[next++] = (byte) (0x80 | (point & 0x3F));
			}
			else {
				bytes[next++] = '?';
			}
		}
		return next;
	}

	private static int put(byte[] bytes, int at, String ascii) {
		for (int i = 0; i < ascii.length(); i++) {
			bytes[at + i] = (byte) ascii.charAt(i);
		}
		return at + ascii.length();
	}

	/**
	 * Whether a text needs {@code xml:space="preserve"} to keep its white space: at its
	 * start or end, or a tab or line break within.
	 */
	static boolean preserves(String text) {
		if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
			return true;
		}
		return text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0;
	}

	private static final long NOT_TYPED = Long.MIN_VALUE;

	private static final long NUMBER = Long.MIN_VALUE + 1;

	/**
	 * Day 0 of the 1900 date system as Excel counts it (with its 1900 leap-year quirk).
	 */
	private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

	/** The first day written as a date: Excel's 1900 leap-year quirk lies before it. */
	private static final LocalDate FIRST_DATE = LocalDate.of(1900, 3, 1);

	/**
	 * How a cell is written when that is safe: {@link #NUMBER} for a plain number
	 * ({@link #plainNumber}), the serial day of an ISO date ({@code 2026-03-01}) after
	 * 1900-03-01, else {@link #NOT_TYPED}: text stays text. Read character by character:
	 * it sees every cell of a report.
	 */
	static long typed(String text) {
		if (text == null || text.isEmpty() || text.length() > 18) {
			return NOT_TYPED;
		}
		char first = text.charAt(0);
		if (first != '-' && (first < '0' || first > '9')) {
			// neither can match: most cells
			return NOT_TYPED;
		}
		if (plainNumber(text)) {
			return NUMBER;
		}
		if (isoDate(text)) {
			try {
				LocalDate date = LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
						Integer.parseInt(text, 8, 10, 10));
				if (date.isAfter(FIRST_DATE)) {
					return ChronoUnit.DAYS.between(EPOCH, date);
				}
			}
			catch (DateTimeException ex) {
				return NOT_TYPED;
			}
		}
		return NOT_TYPED;
	}

	/**
	 * A plain number: no sign but minus, no leading zero, at most 11 digits before the
	 * point (a longer id, such as a 15-digit one, stays text), at most 6 after it with no
	 * trailing zero, and not {@code -0}, so that it reads back as written.
	 */
	static boolean plainNumber(String text) {
		int length = text.length();
		int start = (text.charAt(0) == '-') ? 1 : 0;
		int i = start;
		while (i < length && digit(text.charAt(i))) {
			i++;
		}
		int whole = i - start;
		if (whole == 0 || whole > 11 || (whole > 1 && text.charAt(start) == '0')) {
			return false;
		}
		if (i == length) {
			// -0 would read back as 0
			return !(start == 1 && whole == 1 && text.charAt(1) == '0');
		}
		if (text.charAt(i) != '.') {
			return false;
		}
		int point = i++;
		while (i < length && digit(text.charAt(i))) {
			i++;
		}
		int decimals = i - point - 1;
		return i == length && decimals >= 1 && decimals <= 6 && text.charAt(length - 1) != '0';
	}

	/** The shape {@code [12]ddd-[01]d-[0-3]d}. */
	private static boolean isoDate(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return false;
		}
		char first = text.charAt(0);
		char month = text.charAt(5);
		char day = text.charAt(8);
		return (first == '1' || first == '2') && digit(text.charAt(1)) && digit(text.charAt(2)) && digit(text.charAt(3))
				&& (month == '0' || month == '1') && digit(text.charAt(6)) && day >= '0' && day <= '3'
				&& digit(text.charAt(9));
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The letters of a 0-based column: A, B, ..., Z, AA, ... */
	private String column(int index) {
		while (this.columnNames.size() <= index) {
			int n = this.columnNames.size() + 1;
			StringBuilder letters = new StringBuilder();
			while (n > 0) {
				int digit = (n - 1) % 26;
				letters.insert(0, (char) ('A' + digit));
				n = (n - 1) / 26;
			}
			this.columnNames.add(letters.toString());
		}
		return this.columnNames.get(index);
	}

	/**
	 * Appends text escaped for XML 1.0; characters XML cannot carry (most control
	 * characters, unpaired surrogates) become {@code ?}.
	 */
	static void escape(StringBuilder xml, String text, boolean attribute) {
		int length = text.length();
		// most text needs no escape: appended at once up to the first character that does
		int plain = 0;
		while (plain < length && plain(text.charAt(plain))) {
			plain++;
		}
		xml.append(text, 0, plain);
		for (int i = plain; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> xml.append("&amp;");
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '"' -> xml.append(attribute ? "&quot;" : "\"");
				case '\r' -> xml.append("&#13;");
				case '\t', '\n' -> xml.append(c);
				default -> {
					if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
						xml.append('?');
					}
					else if (Character.isHighSurrogate(c) && i + 1 < length
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						xml.append(c).append(text.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						xml.append('?');
					}
					else {
						xml.append(c);
					}
				}
			}
		}
	}

	/**
	 * The text, cut to what a cell holds with a note saying so: a longer cell (a CSV
	 * allows any length) would stop the report.
	 */
	/** A character written as it is in text and attributes alike. */
	private static boolean plain(char c) {
		return c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && !Character.isSurrogate(c) && c < 0xFFFE;
	}

	static String fit(String text) {
		if (text.length() <= MAX_CELL_LENGTH) {
			return text;
		}
		String note = " [cut by fpimport: " + text.length() + " characters, an XLSX cell holds " + MAX_CELL_LENGTH
				+ "]";
		int keep = MAX_CELL_LENGTH - note.length();
		if (Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + note;
	}

	@Override
	public void close() throws IOException {
		try {
			StringBuilder xml = new StringBuilder("</sheetData>");
			if (this.forPeople && this.rowIndex > 0 && this.headerWidth > 0) {
				// a filter on the header, over every row
				xml.append("<autoFilter ref=\"A1:")
					.append(column(this.headerWidth - 1))
					.append(this.rowIndex)
					.append("\"/>");
			}
			if (!this.links.isEmpty()) {
				xml.append("<hyperlinks>");
				for (int i = 0; i < this.links.size(); i++) {
					xml.append("<hyperlink ref=\"")
						.append(this.links.get(i)[0])
						.append("\" r:id=\"rId")
						.append(i + 1)
						.append("\"/>");
				}
				xml.append("</hyperlinks>");
			}
			xml.append("</worksheet>");
			write(xml);
			flush();
			this.zip.closeEntry();
			if (!this.links.isEmpty()) {
				StringBuilder rels = new StringBuilder("<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">");
				for (int i = 0; i < this.links.size(); i++) {
					rels.append("<Relationship Id=\"rId")
						.append(i + 1)
						.append("\" Type=\"" + RELATIONSHIPS + "/hyperlink\" Target=\"");
					escape(rels, this.links.get(i)[1], true);
					rels.append("\" TargetMode=\"External\"/>");
				}
				rels.append("</Relationships>");
				part("xl/worksheets/_rels/sheet1.xml.rels", rels.toString());
			}
		}
		finally {
			this.zip.close();
		}
	}

}
