package fpimport.source;

import java.util.Locale;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * How to read a file: the mapping's {@code source:} block or the preview options.
 *
 * @param sheet xlsx/xls: a sheet name or 1-based index; {@code null} for the first sheet
 * @param headerRow the 1-based row (line in a CSV) of the header; the first non-blank row
 * at or after it is taken
 * @param encoding csv: {@code auto} or a charset name such as {@code UTF-8} or
 * {@code GBK}
 * @param delimiter csv: {@code auto} or one of {@code , ; | \t} (also {@code tab})
 * @param mergesUnscanned xlsx: the rows are read without first passing over the whole
 * sheet for its merged ranges, and a sheet that has some ends in
 * {@link SheetHasMergedCells} instead of its last row, to be read again without this; for
 * a reader that reads every row once and can start again (a run's preflight)
 */
public record SourceSettings(String sheet, int headerRow, String encoding, String delimiter, boolean mergesUnscanned) {

	/** The value of {@link #encoding} and {@link #delimiter} that asks for detection. */
	public static final String AUTO = "auto";

	public SourceSettings {
		if (headerRow < 1) {
			throw new FpImportException(Reason.INVALID_INPUT, "header_row must be 1 or more, not " + headerRow,
					"header_row is the 1-based row number of the header, as Excel or an editor shows it");
		}
		sheet = (sheet == null || sheet.isBlank()) ? null : sheet.strip();
		encoding = (encoding == null || encoding.isBlank()) ? AUTO : encoding.strip();
		delimiter = normalizeDelimiter(delimiter);
	}

	public SourceSettings(String sheet, int headerRow, String encoding, String delimiter) {
		this(sheet, headerRow, encoding, delimiter, false);
	}

	/** These settings for a reader that can start again ({@link #mergesUnscanned}). */
	public SourceSettings withMergesUnscanned() {
		return new SourceSettings(this.sheet, this.headerRow, this.encoding, this.delimiter, true);
	}

	/** First sheet, header in row 1, encoding and delimiter detected. */
	public static SourceSettings defaults() {
		return new SourceSettings(null, 1, AUTO, AUTO);
	}

	/**
	 * Settings from a mapping's {@code source:} block, where any value may be missing
	 * ({@code null}) and then takes its default.
	 */
	public static SourceSettings of(String sheet, Integer headerRow, String encoding, String delimiter) {
		return new SourceSettings(sheet, (headerRow != null) ? headerRow : 1, encoding, delimiter);
	}

	/** These settings with another sheet. */
	public SourceSettings withSheet(String sheet) {
		return new SourceSettings(sheet, this.headerRow, this.encoding, this.delimiter);
	}

	/** These settings with another header row. */
	public SourceSettings withHeaderRow(int headerRow) {
		return new SourceSettings(this.sheet, headerRow, this.encoding, this.delimiter);
	}

	/** These settings with another encoding. */
	public SourceSettings withEncoding(String encoding) {
		return new SourceSettings(this.sheet, this.headerRow, encoding, this.delimiter);
	}

	/** These settings with another delimiter. */
	public SourceSettings withDelimiter(String delimiter) {
		return new SourceSettings(this.sheet, this.headerRow, this.encoding, delimiter);
	}

	/** Whether the encoding is to be detected. */
	public boolean detectEncoding() {
		return AUTO.equalsIgnoreCase(this.encoding);
	}

	/** The delimiter character, or {@code 0} when it is to be detected. */
	public char delimiterChar() {
		return AUTO.equals(this.delimiter) ? 0 : this.delimiter.charAt(0);
	}

	private static String normalizeDelimiter(String delimiter) {
		if (delimiter == null || delimiter.isEmpty()) {
			return AUTO;
		}
		// a tab typed on a command line arrives as the two characters \t
		String lower = delimiter.toLowerCase(Locale.ROOT);
		if (lower.equals("\\t") || lower.equals("tab") || delimiter.equals("\t")) {
			return "\t";
		}
		String stripped = delimiter.strip();
		if (stripped.equalsIgnoreCase(AUTO)) {
			return AUTO;
		}
		if (stripped.length() == 1 && ",;|".contains(stripped)) {
			return stripped;
		}
		throw new FpImportException(Reason.INVALID_INPUT, "unknown CSV delimiter '" + delimiter + "'",
				"use auto, \",\", \";\", \"|\" or \"\\t\" (tab)");
	}

}
