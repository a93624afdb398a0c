package fpimport.workitem;

/**
 * Text from files, cells and names made safe to print: every control character (C0, DEL,
 * C1) and every bidirectional override is written as a visible escape, so that a cell or
 * a file name cannot clear the screen, set the terminal's title, move the cursor, or
 * forge a line of a log. The one rule for everything fpimport prints.
 */
public final class Printable {

	private Printable() {
	}

	/** The text on one line: line breaks too are escaped. */
	public static String line(String text) {
		return escape(text, false);
	}

	/**
	 * The text with its line breaks kept, every other control character escaped; for
	 * messages made of several lines.
	 */
	public static String lines(String text) {
		return escape(text, true);
	}

	/** Whether the character would be escaped on one line. */
	public static boolean isControl(int c) {
		return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	private static String escape(String text, boolean keepLineBreaks) {
		if (text == null) {
			return null;
		}
		int first = firstToEscape(text, keepLineBreaks);
		if (first < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isControl(c) || (keepLineBreaks && c == '\n')) {
				out.append(c);
				continue;
			}
			switch (c) {
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(String.format("\\u%04x", (int) c));
			}
		}
		return out.toString();
	}

	private static int firstToEscape(String text, boolean keepLineBreaks) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c) && !(keepLineBreaks && c == '\n')) {
				return i;
			}
		}
		return -1;
	}

}
