package fpimport.source.csv;

import java.nio.file.Path;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.SourceFormat;
import fpimport.source.SourceSettings;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Comma-separated text in any common encoding: a file no other format claims and that
 * holds text, not binary data.
 */
public final class CsvFormat implements SourceFormat {

	@Override
	public String name() {
		return "CSV";
	}

	@Override
	public List<String> extensions() {
		return List.of("csv");
	}

	@Override
	public String content() {
		return "text";
	}

	@Override
	public boolean plainText() {
		return true;
	}

	/** Text, and none of the documents, images or workbooks a file's magic names. */
	@Override
	public boolean recognizes(byte[] head) {
		return FileMagic.valueOf(head) == FileMagic.UNKNOWN && !isBinary(head);
	}

	@Override
	public RowSource open(Path file, SourceSettings settings) {
		return CsvSource.open(file, settings);
	}

	/**
	 * Runs of NUL bytes, or control bytes making up a tenth of the start, do not occur in
	 * text, except in UTF-16, which starts with a byte order mark. A lone NUL in a text
	 * file is a problem of its row, which the CSV reader names by line and column.
	 */
	private static boolean isBinary(byte[] head) {
		if (head.length >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
				|| ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
			return false;
		}
		int controls = 0;
		for (int i = 0; i < head.length; i++) {
			int b = head[i] & 0xFF;
			if (b == 0 && i + 1 < head.length && head[i + 1] == 0) {
				return true;
			}
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
				controls++;
			}
		}
		return controls * 10 > head.length;
	}

}
