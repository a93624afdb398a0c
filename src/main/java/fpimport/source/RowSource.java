package fpimport.source;

import java.io.Closeable;
import java.util.List;

/**
 * The data rows of one sheet or CSV file, read one at a time so memory does not grow with
 * the row count. Rows come in file order; blank rows are skipped. A bad file throws
 * {@link fpimport.failure.FpImportException}; a bad row is a {@link SourceRow} with a
 * problem.
 */
public interface RowSource extends Closeable {

	/**
	 * The column keys, in column order: the header names exactly as the file writes them,
	 * except that a repeated name's later columns are {@code Name#2}, {@code Name#3} ...
	 * ({@link fpimport.workitem.ColumnKeys}). Rows keep their cells under these keys.
	 */
	List<String> headers();

	/** The name of the sheet read, or {@code null} for a CSV file. */
	String sheet();

	/** The next data row, or {@code null} at the end. */
	SourceRow next();

	/**
	 * How the file is read, in one line for people: format, encoding and delimiter, or
	 * sheet.
	 */
	String description();

	/** Closes the file; never throws. */
	@Override
	void close();

}
