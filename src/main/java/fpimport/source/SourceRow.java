package fpimport.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row as the user sees it: its row (XLSX) or line (CSV) number, and its cells as
 * text in header order. A row the reader could not read whole carries a {@code problem}
 * instead.
 *
 * @param rowNumber the 1-based row or line number in the file
 * @param cells column key ({@link RowSource#headers}) to cell text, in column order;
 * empty cells are empty strings
 * @param problem why the row is malformed, or {@code null}
 */
public record SourceRow(long rowNumber, Map<String, String> cells, String problem) {

	public SourceRow {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be 1 or more: " + rowNumber);
		}
		cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
	}

	public static SourceRow of(long rowNumber, Map<String, String> cells) {
		return new SourceRow(rowNumber, cells, null);
	}

	public static SourceRow malformed(long rowNumber, String problem) {
		return new SourceRow(rowNumber, Map.of(), problem);
	}

	/** The text of a column key, or the empty string when the row has no such cell. */
	public String cell(String header) {
		return this.cells.getOrDefault(header, "");
	}

}
