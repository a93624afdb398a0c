package fpimport.source.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Numeric cells as text the way a user reads them: date-formatted cells as ISO dates,
 * times or date-times; other numbers with up to 15 significant digits (what Excel shows
 * and keeps), without a trailing {@code .0} and never in scientific notation. Number
 * formats such as {@code 0.00}, {@code #,##0} or {@code 0%} are not applied: the value is
 * what gets imported.
 */
final class CellText {

	/** What a number format shows. */
	enum Kind {

		NUMBER, DATE, TIME, DATE_TIME,
		/** Elapsed time such as {@code [h]:mm}: hours may pass 24. */
		DURATION,
		/** LibreOffice's boolean format, {@code "TRUE";"TRUE";"FALSE"}, on a number. */
		BOOLEAN

	}

	private static final java.util.regex.Pattern ELAPSED = java.util.regex.Pattern.compile("\\[(h+|m+|s+)\\]");

	private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

	private CellText() {
	}

	/**
	 * The kind of a number format. Ids 27-36 and 50-58 are the East Asian built-in date
	 * and time formats that Chinese Excel writes without a format string.
	 */
	static Kind kind(int formatIndex, String formatString) {
		boolean builtIn = formatString == null || formatString.startsWith("reserved");
		if (builtIn && ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58))) {
			boolean time = (formatIndex >= 32 && formatIndex <= 35) || formatIndex == 55 || formatIndex == 56;
			return time ? Kind.TIME : Kind.DATE;
		}
		if (formatString != null && formatString.replace("\"", "").equalsIgnoreCase("TRUE;TRUE;FALSE")) {
			return Kind.BOOLEAN;
		}
		if (formatString == null || !DateUtil.isADateFormat(formatIndex, formatString)) {
			return Kind.NUMBER;
		}
		String lower = formatString.toLowerCase(Locale.ROOT);
		if (ELAPSED.matcher(lower).find()) {
			return Kind.DURATION;
		}
		String tokens = stripLiterals(lower);
		boolean date = tokens.indexOf('y') >= 0 || tokens.indexOf('d') >= 0 || tokens.indexOf('e') >= 0
				|| tokens.indexOf('b') >= 0 || tokens.indexOf('g') >= 0;
		boolean time = tokens.indexOf('h') >= 0 || tokens.indexOf('s') >= 0;
		if (date && time) {
			return Kind.DATE_TIME;
		}
		if (time) {
			return Kind.TIME;
		}
		// months alone ("mmm") are dates too
		return Kind.DATE;
	}

	/** A numeric cell's text for its format kind. */
	static String of(double value, Kind kind, boolean date1904) {
		if (kind == Kind.BOOLEAN) {
			return Boolean.toString(value != 0);
		}
		if (kind == Kind.NUMBER || !DateUtil.isValidExcelDate(value)) {
			return number(value);
		}
		if (kind == Kind.DURATION) {
			long seconds = Math.round(value * 86_400);
			String text = (seconds / 3600) + ":" + two((seconds % 3600) / 60);
			return (seconds % 60 == 0) ? text : text + ":" + two(seconds % 60);
		}
		LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
		return switch (kind) {
			case DATE -> dateTime.toLocalDate().toString();
			case TIME -> time(dateTime);
			case DATE_TIME -> dateTime.toLocalDate() + "T" + time(dateTime);
			case NUMBER, DURATION, BOOLEAN -> number(value);
		};
	}

	/**
	 * A numeric cell's text from the value as the file writes it, such as
	 * {@code 1.5E+17}.
	 */
	static String of(String raw, Kind kind, boolean date1904) {
		if (raw.isEmpty()) {
			return raw;
		}
		if (kind == Kind.NUMBER) {
			return number(raw);
		}
		try {
			return of(Double.parseDouble(raw), kind, date1904);
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return plain(new BigDecimal(Double.toString(value)));
	}

	static String number(String raw) {
		if (isSmallInteger(raw)) {
			return raw;
		}
		try {
			return plain(new BigDecimal(raw));
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	/** An ISO date-time as type {@code d} cells write it, shortened like the others. */
	static String isoDate(String raw) {
		if (raw.endsWith("T00:00:00") || raw.endsWith("T00:00:00Z")) {
			return raw.substring(0, raw.indexOf('T'));
		}
		String text = raw.endsWith("Z") ? raw.substring(0, raw.length() - 1) : raw;
		int dot = text.indexOf('.', text.indexOf('T') + 1);
		if (dot > 0) {
			text = text.substring(0, dot);
		}
		return (text.length() == 19 && text.endsWith(":00")) ? text.substring(0, 16) : text;
	}

	private static String plain(BigDecimal value) {
		BigDecimal rounded = value.round(EXCEL_DIGITS).stripTrailingZeros();
		String text = rounded.toPlainString();
		return text.equals("-0") ? "0" : text;
	}

	private static boolean isSmallInteger(String raw) {
		int length = raw.length();
		if (length == 0 || length > 15) {
			return false;
		}
		int start = (raw.charAt(0) == '-') ? 1 : 0;
		if (start == length || (raw.charAt(start) == '0' && length > start + 1)) {
			return false;
		}
		for (int i = start; i < length; i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !raw.equals("-0");
	}

	private static String two(long value) {
		return (value < 10) ? "0" + value : Long.toString(value);
	}

	private static String time(LocalDateTime dateTime) {
		String text = dateTime.toLocalTime().toString();
		return (text.length() > 8) ? text.substring(0, 8) : text;
	}

	/** The format without quoted text, escaped characters and [bracketed] parts. */
	private static String stripLiterals(String format) {
		StringBuilder tokens = new StringBuilder(format.length());
		boolean quoted = false;
		int bracket = 0;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (quoted) {
				continue;
			}
			else if (c == '\\' || c == '_' || c == '*') {
				i++;
			}
			else if (c == '[') {
				bracket++;
				// elapsed hours and seconds, [h] and [ss], are time tokens
				if (i + 1 < format.length() && "hms".indexOf(format.charAt(i + 1)) >= 0) {
					tokens.append(format.charAt(i + 1));
				}
			}
			else if (c == ']') {
				bracket = Math.max(0, bracket - 1);
			}
			else if (bracket == 0) {
				tokens.append(c);
			}
		}
		return tokens.toString();
	}

}
