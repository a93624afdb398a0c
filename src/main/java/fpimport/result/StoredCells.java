package fpimport.result;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row's cells as the database keeps them. When the row's columns are its run's header
 * in order (the usual case), only the values are stored, in header order: a mark, then
 * each value followed by a separator, with the few characters that would break that form
 * escaped. The run's header is stored once, with the run. Any other row (a retry's row
 * with a column of its own, a malformed row, a row stored before this form) is a JSON
 * object of header to value, as every row once was; both forms are read.
 */
final class StoredCells {

	/** Starts the values-only form; a JSON object starts with a brace. */
	static final char MARK = '\u001E';

	/** Ends each value. */
	private static final char END = '\u001F';

	/** Starts an escape of one of the characters below. */
	private static final char ESCAPE = '\u001B';

	private StoredCells() {
	}

	/**
	 * The values-only form of the cells, or {@code null} when the cells are not the
	 * header's columns in order (or a value is missing).
	 */
	static String encode(Map<String, String> cells, List<String> headers) {
		if (headers == null || cells.size() != headers.size()) {
			return null;
		}
		StringBuilder text = new StringBuilder(16 * (cells.size() + 1));
		text.append(MARK);
		Iterator<String> names = headers.iterator();
		for (Map.Entry<String, String> cell : cells.entrySet()) {
			if (!cell.getKey().equals(names.next()) || cell.getValue() == null) {
				return null;
			}
			appendEscaped(text, cell.getValue());
			text.append(END);
		}
		return text.toString();
	}

	/**
	 * The cells of the values-only form under the run's header, or {@code null} when the
	 * text does not fit the header (a row stored under another header).
	 */
	static Map<String, String> decode(String text, List<String> headers) {
		if (headers == null) {
			return null;
		}
		Map<String, String> cells = new LinkedHashMap<>((int) (headers.size() / 0.75f) + 1);
		int start = 1;
		StringBuilder escaped = null;
		for (String header : headers) {
			int end = text.indexOf(END, start);
			if (end < 0) {
				return null;
			}
			int escape = text.indexOf(ESCAPE, start);
			if (escape < 0 || escape > end) {
				cells.put(header, text.substring(start, end));
			}
			else {
				if (escaped == null) {
					escaped = new StringBuilder();
				}
				escaped.setLength(0);
				for (int i = start; i < end; i++) {
					char c = text.charAt(i);
					if (c == ESCAPE && i + 1 < end) {
						escaped.append(unescape(text.charAt(++i)));
					}
					else {
						escaped.append(c);
					}
				}
				cells.put(header, escaped.toString());
			}
			start = end + 1;
		}
		return (start == text.length()) ? cells : null;
	}

	/**
	 * The value with the escape, the mark, the separator and NUL (which PostgreSQL text
	 * refuses) escaped.
	 */
	private static void appendEscaped(StringBuilder text, String value) {
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c <= ESCAPE_MAX && escapeCode(c) != 0) {
				text.append(value, 0, i);
				for (int j = i; j < length; j++) {
					char d = value.charAt(j);
					char code = (d <= ESCAPE_MAX) ? escapeCode(d) : 0;
					if (code != 0) {
						text.append(ESCAPE).append(code);
					}
					else {
						text.append(d);
					}
				}
				return;
			}
		}
		text.append(value);
	}

	private static final char ESCAPE_MAX = '\u001F';

	private static char escapeCode(char c) {
		return switch (c) {
			case ESCAPE -> '0';
			case MARK -> '1';
			case END -> '2';
			case '\u0000' -> '3';
			default -> 0;
		};
	}

	private static char unescape(char code) {
		return switch (code) {
			case '0' -> ESCAPE;
			case '1' -> MARK;
			case '2' -> END;
			case '3' -> '\u0000';
			default -> code;
		};
	}

}
