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
	 * NUL bytes do not occur in text, except in UTF-16, which starts with a byte order
	 * mark.
	 */
	private static boolean isBinary(byte[] head) {
		if (head.length >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
				|| ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
			return false;
		}
		for (byte b : head) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

}
