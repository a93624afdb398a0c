package fpimport.job;

import java.util.List;

/**
 * The rows a run imports, one at a time: a file's rows for an import, stored rows for a
 * retry.
 */
interface RowFeed extends AutoCloseable {

	/** The column names, in order. */
	List<String> headers();

	/** The sheet read, or {@code null}. */
	String sheet();

	/** The next row, or {@code null} at the end. */
	OriginRow next();

	@Override
	void close();

}
