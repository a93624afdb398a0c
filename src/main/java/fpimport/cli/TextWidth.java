package fpimport.cli;

/**
 * The width of text in a terminal's columns: Chinese, Japanese and Korean characters and
 * full-width forms take two, so a table of them still lines up.
 */
final class TextWidth {

	private TextWidth() {
	}

	static int of(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			width += of(codePoint);
			i += Character.charCount(codePoint);
		}
		return width;
	}

	/**
	 * The text on one line (line breaks shown as ↵, tabs as spaces) and cut to at most
	 * {@code max} columns, ending with … when cut.
	 */
	static String cut(String text, int max) {
		String line = text.replace("\r\n", "↵").replace('\n', '↵').replace('\r', '↵').replace('\t', ' ');
		if (of(line) <= max) {
			return line;
		}
		StringBuilder cut = new StringBuilder();
		int width = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int next = of(codePoint);
			if (width + next > max - 1) {
				break;
			}
			cut.appendCodePoint(codePoint);
			width += next;
			i += Character.charCount(codePoint);
		}
		return cut.append('…').toString();
	}

	private static int of(int codePoint) {
		int type = Character.getType(codePoint);
		if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
			return 0;
		}
		boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0x303E)
				|| (codePoint >= 0x3041 && codePoint <= 0x33FF) || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
				|| (codePoint >= 0x4E00 && codePoint <= 0x9FFF) || (codePoint >= 0xA000 && codePoint <= 0xA4CF)
				|| (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
				|| (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
				|| (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
				|| (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
		return wide ? 2 : 1;
	}

}
