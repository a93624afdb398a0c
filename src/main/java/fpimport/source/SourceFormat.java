package fpimport.source;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of input file: how to recognize it by its first bytes and how to read it as
 * rows. The formats are listed once, in {@link SourceFormats}; a new format is a class of
 * its own package plus one line there.
 */
public interface SourceFormat {

	/** The name people know the format by, such as {@code XLSX}. */
	String name();

	/** The file name endings of the format, lower case and without the dot. */
	List<String> extensions();

	/**
	 * What a file of this format is, in words for a message that says a file is not one:
	 * {@code an xlsx (zip) file}.
	 */
	String content();

	/**
	 * Whether the format is plain text (CSV), which a file named as a workbook must not
	 * be read as.
	 */
	default boolean plainText() {
		return false;
	}

	/**
	 * Whether a file that starts with these bytes is of this format, whatever its name.
	 * @param head the first {@link Sources#HEAD_BYTES} bytes of the file, or all of a
	 * shorter one; never empty
	 */
	boolean recognizes(byte[] head);

	/**
	 * Opens a file that {@link #recognizes} and reads its header row; a file that cannot
	 * be read is one {@link fpimport.failure.FpImportException} with a hint.
	 */
	RowSource open(Path file, SourceSettings settings);

}
