package fpimport.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.xml.parsers.ParserConfigurationException;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;
import fpimport.mapping.SourceSettings;
import fpimport.workitem.FpImportException;
import fpimport.workitem.FpImportException.Reason;
import fpimport.workitem.MatchKey;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The header of a CSV or XLSX file, for {@code init-mapping}: the column names of the
 * header row and the sheet they came from.
 *
 * TODO switch to fpimport.source.Sources once the source package lands on main, so that
 * init-mapping reads headers exactly as import does.
 *
 * @param columns the header cells in order, trailing empty ones dropped
 * @param sheet the sheet name for XLSX, {@code null} for CSV
 */
record FileHeader(List<String> columns, String sheet) {

	private static final int SAMPLE_BYTES = 64 * 1024;

	private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

	FileHeader {
		columns = List.copyOf(columns);
	}

	/**
	 * Reads the header row of a file.
	 * @throws FpImportException ({@code INVALID_INPUT}) when the file cannot be read, the
	 * sheet does not exist or the header row is empty
	 */
	static FileHeader read(Path file, SourceSettings settings) {
		Objects.requireNonNull(settings, "settings");
		int headerRow = (settings.headerRow() != null) ? settings.headerRow() : 1;
		FileHeader header;
		try {
			header = isXlsx(file) ? xlsx(file, settings.sheet(), headerRow)
					: csv(file, settings.encoding(), settings.delimiter(), headerRow);
		}
		catch (NoSuchFileException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, "no file " + file, "check the path", ex);
		}
		catch (IOException | CsvValidationException | OpenXML4JException | SAXException | ParserConfigurationException
				| RuntimeException ex) {
			if (ex instanceof FpImportException known) {
				throw known;
			}
			throw new FpImportException(Reason.INVALID_INPUT,
					"cannot read the header of " + file.getFileName() + ": " + ex.getMessage(),
					"init-mapping reads .csv and .xlsx files (not .xls); save the file again in one of them", ex);
		}
		if (header.columns().stream().allMatch(String::isBlank)) {
			throw new FpImportException(Reason.INVALID_INPUT,
					where(file, header.sheet()) + " has no header in row " + headerRow,
					"give the row of the column names with source.header_row, or --header-row");
		}
		return header;
	}

	private static boolean isXlsx(Path file) throws IOException {
		byte[] magic;
		try (InputStream in = Files.newInputStream(file)) {
			magic = in.readNBytes(4);
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		// the binary Excel 97-2003 format is an OLE2 compound file
		if (name.endsWith(".xls") || (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF
				&& (magic[2] & 0xFF) == 0x11 && (magic[3] & 0xFF) == 0xE0)) {
			throw new FpImportException(Reason.INVALID_INPUT,
					file.getFileName() + " is an Excel 97-2003 workbook (.xls), which fpimport does not read",
					"open it in Excel or WPS and save it as .xlsx (or .csv)");
		}
		if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
			return true;
		}
		if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
			return false;
		}
		// every xlsx is a zip file
		return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
	}

	private static FileHeader csv(Path file, String encoding, String delimiter, int headerRow)
			throws IOException, CsvValidationException {
		byte[] sample;
		try (InputStream in = Files.newInputStream(file)) {
			sample = in.readNBytes(SAMPLE_BYTES);
		}
		Bom bom = Bom.of(sample);
		Charset charset = (bom != null) ? bom.charset : charset(encoding, sample);
		char separator = separator(delimiter, file, new String(sample, charset));
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes((bom != null) ? bom.length : 0);
			Reader reader = new BufferedReader(new InputStreamReader(in, charset));
			try (CSVReader csv = new CSVReaderBuilder(reader)
				.withCSVParser(new CSVParserBuilder().withSeparator(separator).build())
				.build()) {
				String[] record = null;
				for (int row = 1; row <= headerRow; row++) {
					record = csv.readNext();
					if (record == null) {
						return new FileHeader(List.of(), null);
					}
				}
				return new FileHeader(trimmed(List.of(record)), null);
			}
		}
	}

	private static Charset charset(String encoding, byte[] sample) {
		if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("auto")) {
			try {
				return Charset.forName(encoding.strip());
			}
			catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
				throw new FpImportException(Reason.INVALID_INPUT, "unknown encoding '" + encoding + "'",
						"use auto, UTF-8, GBK, GB18030, UTF-16 ...");
			}
		}
		// Chinese spreadsheets saved by Excel are often GB18030 (GBK); valid UTF-8 is
		// very unlikely to be anything else
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int length = sample.length;
		if (length == SAMPLE_BYTES) {
			// the sample may end inside a character
			while (length > 0 && length > SAMPLE_BYTES - 4 && (sample[length - 1] & 0xC0) == 0x80) {
				length--;
			}
			if (length > 0 && (sample[length - 1] & 0x80) != 0) {
				length--;
			}
		}
		try {
			utf8.decode(ByteBuffer.wrap(sample, 0, length));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("GB18030");
		}
	}

	private static char separator(String delimiter, Path file, String sample) {
		if (delimiter != null && !delimiter.isEmpty() && !delimiter.equalsIgnoreCase("auto")) {
			String text = delimiter.equals("\\t") ? "\t" : delimiter;
			if (text.length() != 1) {
				throw new FpImportException(Reason.INVALID_INPUT, "delimiter '" + delimiter + "' is not one character",
						"use auto, \",\", \";\", \"\\t\" or \"|\"");
			}
			return text.charAt(0);
		}
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
			return '\t';
		}
		// the candidate that occurs most often outside quotes in the first line wins
		int[] counts = new int[DELIMITERS.length];
		boolean quoted = false;
		for (int i = 0; i < sample.length(); i++) {
			char c = sample.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				for (int d = 0; d < DELIMITERS.length; d++) {
					if (c == DELIMITERS[d]) {
						counts[d]++;
					}
				}
			}
		}
		int best = 0;
		for (int d = 1; d < DELIMITERS.length; d++) {
			if (counts[d] > counts[best]) {
				best = d;
			}
		}
		return DELIMITERS[best];
	}

	private static FileHeader xlsx(Path file, String sheet, int headerRow)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			List<String> names = new ArrayList<>();
			int index = 0;
			while (sheets.hasNext()) {
				index++;
				try (InputStream data = sheets.next()) {
					String name = sheets.getSheetName();
					names.add(name);
					if (chosen(sheet, name, index)) {
						return new FileHeader(trimmed(headerRow(data, styles, strings, headerRow)), name);
					}
				}
			}
			throw new FpImportException(Reason.INVALID_INPUT,
					(names.isEmpty() ? file.getFileName() + " has no sheet"
							: "no sheet '" + sheet + "' in " + file.getFileName() + "; sheets: "
									+ String.join(", ", names)),
					"give a sheet name or its 1-based number with --sheet");
		}
	}

	private static boolean chosen(String sheet, String name, int index) {
		if (sheet == null || sheet.isBlank()) {
			return index == 1;
		}
		if (MatchKey.matches(sheet, name)) {
			return true;
		}
		return sheet.strip().matches("[0-9]{1,4}") && Integer.parseInt(sheet.strip()) == index;
	}

	private static List<String> headerRow(InputStream data, StylesTable styles, ReadOnlySharedStringsTable strings,
			int headerRow) throws IOException, SAXException, ParserConfigurationException {
		HeaderRow handler = new HeaderRow(headerRow - 1);
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new DataFormatter(), false));
		try {
			parser.parse(new InputSource(data));
		}
		catch (HeaderRead done) {
			// the header row is read; the rest of the sheet is not needed
		}
		return handler.cells;
	}

	private static List<String> trimmed(List<String> cells) {
		List<String> columns = new ArrayList<>(cells.size());
		for (int i = 0; i < cells.size(); i++) {
			String cell = (cells.get(i) != null) ? cells.get(i) : "";
			columns.add((i == 0 && cell.startsWith("\uFEFF")) ? cell.substring(1) : cell);
		}
		while (!columns.isEmpty() && columns.get(columns.size() - 1).isBlank()) {
			columns.remove(columns.size() - 1);
		}
		return columns;
	}

	private static String where(Path file, String sheet) {
		return (sheet != null) ? file.getFileName() + ", sheet " + sheet : file.getFileName().toString();
	}

	/** Byte order marks and the encodings they announce. */
	private enum Bom {

		UTF_8(StandardCharsets.UTF_8, 3), UTF_16BE(StandardCharsets.UTF_16BE, 2),
		UTF_16LE(StandardCharsets.UTF_16LE, 2);

		private final Charset charset;

		private final int length;

		Bom(Charset charset, int length) {
			this.charset = charset;
			this.length = length;
		}

		static Bom of(byte[] bytes) {
			if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF) {
				return UTF_8;
			}
			if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
				return UTF_16BE;
			}
			if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
				return UTF_16LE;
			}
			return null;
		}

	}

	/** Collects the cells of one row of a sheet, then stops the parse. */
	private static final class HeaderRow implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int rowIndex;

		private final List<String> cells = new ArrayList<>();

		private boolean inRow;

		HeaderRow(int rowIndex) {
			this.rowIndex = rowIndex;
		}

		@Override
		public void startRow(int rowNum) {
			if (rowNum > this.rowIndex) {
				throw new HeaderRead();
			}
			this.inRow = rowNum == this.rowIndex;
		}

		@Override
		public void endRow(int rowNum) {
			if (this.inRow) {
				throw new HeaderRead();
			}
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			if (!this.inRow) {
				return;
			}
			int column = (cellReference != null) ? new CellReference(cellReference).getCol() : this.cells.size();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add((formattedValue != null) ? formattedValue : "");
		}

	}

	/** Ends a sheet's parse once its header row is read. */
	private static final class HeaderRead extends RuntimeException {

		private static final long serialVersionUID = 1L;

		HeaderRead() {
			super(null, null, false, false);
		}

	}

}
