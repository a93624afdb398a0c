package fpimport.report;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A table written row by row, as XLSX or CSV. */
interface ReportSheet extends Closeable {

	/** Writes a row; {@code highlight} marks a row that did not succeed. */
	void row(List<String> cells, boolean highlight, String link) throws IOException;

}
