package fpimport.source.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import fpimport.source.Headers;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * A CSV file read with OpenCSV's RFC 4180 parser (no backslash escapes, so Windows paths
 * survive): encoding and delimiter detected unless set, the byte order mark dropped,
 * blank lines skipped, each row numbered by the line it starts on.
 */
public final class CsvSource implements RowSource {

	/** Bytes looked at to choose the encoding. */
	private static final int HEAD_BYTES = 64 * 1024;

	/** Characters looked at to guess the delimiter. */
	private static final int SNIFF_CHARS = 32 * 1024;

	/**
	 * A quoted cell longer than this many lines is taken as an unterminated quote, so a
	 * stray quote cannot pull the rest of a large file into memory.
	 */
	static final int MULTILINE_LIMIT = 10_000;

	private final String file;

	private final CsvEncoding encoding;

	private final char delimiter;

	private final CSVReader reader;

	private final Headers headers;

	private boolean finished;

	private CsvSource(String file, CsvEncoding encoding, char delimiter, CSVReader reader, int headerRow) {
		this.file = file;
		this.encoding = encoding;
		this.delimiter = delimiter;
		this.reader = reader;
		this.headers = readHeader(headerRow);
	}

	/** Opens a CSV file and reads its header row. */
	public static CsvSource open(Path path, SourceSettings settings) {
		String file = path.toString();
		byte[] head;
		try (InputStream in = Files.newInputStream(path)) {
			head = in.readNBytes(HEAD_BYTES);
		}
		catch (NoSuchFileException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": no such file", "check the path");
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check that the file exists and is readable", ex);
		}
		CsvEncoding encoding = CsvEncoding.choose(file, settings.encoding(), head, head.length < HEAD_BYTES);
		BufferedReader text = null;
		try {
			text = new BufferedReader(new InputStreamReader(Files.newInputStream(path), encoding.charset()
				.newDecoder()
				// replaced, not reported: a decoder that throws loses its place, while a
				// replacement character is found in its record, on its line
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
			skipByteOrderMark(text);
			char delimiter = settings.delimiterChar();
			if (delimiter == 0) {
				delimiter = CsvDelimiter.guess(CsvDelimiter.sample(peek(text), settings.headerRow(), 20));
			}
			CSVReader reader = new CSVReaderBuilder(text)
				.withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
				.withMultilineLimit(MULTILINE_LIMIT)
				// the check costs a mark/reset per line and only guards against a closed
				// reader
				.withVerifyReader(false)
				.build();
			return new CsvSource(file, encoding, delimiter, reader, settings.headerRow());
		}
		catch (IOException ex) {
			close(text);
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check that the file exists and is readable", ex);
		}
		catch (RuntimeException ex) {
			close(text);
			throw ex;
		}
	}

	@Override
	public List<String> headers() {
		return this.headers.keys();
	}

	@Override
	public String sheet() {
		return null;
	}

	@Override
	public String description() {
		return "CSV, encoding " + this.encoding.describe() + ", delimiter " + delimiterName(this.delimiter);
	}

	@Override
	public SourceRow next() {
		while (!this.finished) {
			long line = this.reader.getLinesRead() + 1;
			String[] record;
			try {
				record = this.reader.readNext();
			}
			catch (CsvMultilineLimitBrokenException ex) {
				this.finished = true;
				return SourceRow.malformed(line, "a quoted cell runs over more than " + MULTILINE_LIMIT
						+ " lines: a quote (\") is probably never closed; the rest of the file was not read");
			}
			catch (CsvMalformedLineException ex) {
				this.finished = true;
				return SourceRow.malformed(line, "a quote (\") opened in this record is never closed, so lines " + line
						+ " to the end of the file were read as one cell");
			}
			catch (IOException | CsvValidationException ex) {
				throw new FpImportException(Reason.INVALID_INPUT,
						this.file + ", line " + line + ": cannot read: " + ex.getMessage(), "check the file", ex);
			}
			if (record == null) {
				this.finished = true;
				return null;
			}
			if (isBlank(record)) {
				continue;
			}
			checkDecoded(record, line);
			SourceRow nul = nulIn(record, line);
			return (nul != null) ? nul : toRow(record, line);
		}
		return null;
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		catch (IOException ex) {
			// nothing was written, so nothing is lost
		}
	}

	private Headers readHeader(int headerRow) {
		try {
			while (true) {
				long line = this.reader.getLinesRead() + 1;
				String[] record;
				try {
					record = this.reader.readNext();
				}
				catch (CsvMalformedLineException ex) {
					throw new FpImportException(Reason.INVALID_INPUT,
							this.file + ", line " + line + ": the header has a quote (\") that is never closed",
							"close the quote or remove it from the header");
				}
				catch (IOException | CsvValidationException ex) {
					throw new FpImportException(Reason.INVALID_INPUT,
							this.file + ", line " + line + ": cannot read: " + ex.getMessage(), "check the file", ex);
				}
				if (record == null) {
					String where = (headerRow > 1) ? " at or after line " + headerRow : "";
					throw new FpImportException(Reason.INVALID_INPUT,
							this.file + ": no header row" + where + ": the file is empty"
									+ ((headerRow > 1) ? " from there on" : ""),
							(headerRow > 1) ? "check source.header_row (or --header-row)"
									: "the first non-blank line must hold the column names");
				}
				if (line < headerRow || isBlank(record)) {
					continue;
				}
				checkDecoded(record, line);
				int size = record.length;
				while (size > 0 && record[size - 1].isBlank()) {
					size--;
				}
				return Headers.of(this.file + ", line " + line, Arrays.asList(record).subList(0, size),
						(index) -> "column " + (index + 1));
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private SourceRow toRow(String[] record, long line) {
		int width = this.headers.size();
		if (record.length == width) {
			return SourceRow.of(line, this.headers.cells(record));
		}
		if (record.length > width) {
			for (int i = width; i < record.length; i++) {
				if (!record[i].isEmpty()) {
					return SourceRow.malformed(line, "the line has " + record.length + " cells but the header has "
							+ width + " names; column " + (i + 1) + " ('" + record[i] + "') has no header"
							+ ((this.delimiter == ',') ? "; a cell with a comma must be in double quotes" : ""));
				}
			}
		}
		String[] cells = Arrays.copyOf(record, width);
		// a short line (some tools drop trailing empty cells) has empty cells at its end
		Arrays.fill(cells, Math.min(record.length, width), width, "");
		return SourceRow.of(line, this.headers.cells(cells));
	}

	private void checkDecoded(String[] record, long line) {
		for (int i = 0; i < record.length; i++) {
			int at = record[i].indexOf('\uFFFD');
			if (at >= 0) {
				throw new FpImportException(Reason.INVALID_INPUT,
						this.file + ", line " + lineOf(record[i], at, line) + ", column " + (i + 1) + columnName(i)
								+ ": the text does not decode as " + this.encoding.describe()
								+ ": it has replacement characters (\uFFFD)",
						CsvEncoding.HINT);
			}
		}
	}

	/**
	 * A record with a NUL character: binary data in a text cell, which no field takes, so
	 * the row is not imported.
	 */
	private SourceRow nulIn(String[] record, long line) {
		for (int i = 0; i < record.length; i++) {
			int at = record[i].indexOf('\u0000');
			if (at >= 0) {
				return SourceRow.malformed(line,
						"line " + lineOf(record[i], at, line) + ", column " + (i + 1) + columnName(i)
								+ ": the cell holds a NUL character (binary data) at character " + (at + 1)
								+ "; remove it and export the file again");
			}
		}
		return null;
	}

	/** The line a character of a cell is on: a quoted cell may span lines. */
	private static long lineOf(String cell, int index, long recordLine) {
		long line = recordLine;
		for (int i = 0; i < index; i++) {
			if (cell.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private String columnName(int index) {
		return (this.headers != null && index < this.headers.size()) ? " ('" + this.headers.names().get(index) + "')"
				: "";
	}

	/**
	 * A record of empty or white-space cells: a blank line, or {@code ,,,} from Excel.
	 */
	private static boolean isBlank(String[] record) {
		for (String cell : record) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static void skipByteOrderMark(BufferedReader text) throws IOException {
		text.mark(1);
		if (text.read() != '\uFEFF') {
			text.reset();
		}
	}

	private static String peek(BufferedReader text) throws IOException {
		text.mark(SNIFF_CHARS);
		char[] buffer = new char[SNIFF_CHARS];
		int length = 0;
		int read;
		while (length < buffer.length && (read = text.read(buffer, length, buffer.length - length)) > 0) {
			length += read;
		}
		text.reset();
		return new String(buffer, 0, length);
	}

	private static String delimiterName(char delimiter) {
		return switch (delimiter) {
			case '\t' -> "tab";
			default -> "'" + delimiter + "'";
		};
	}

	private static void close(BufferedReader text) {
		if (text != null) {
			try {
				text.close();
			}
			catch (IOException ex) {
				// opening failed already; that is the error to report
			}
		}
	}

}
