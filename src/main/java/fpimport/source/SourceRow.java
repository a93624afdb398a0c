package fpimport.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import fpimport.workitem.RowCells;

/**
 * One data row as the user sees it: its row (XLSX) or line (CSV) number, and its cells as
 * text in header order. A row the reader could not read whole carries a {@code problem}
 * instead.
 *
 * @param rowNumber the 1-based row or line number in the file
 * @param cells column key ({@link RowSource#headers}) to cell text, in column order;
 * empty cells are empty strings
 * @param problem why the row is malformed, or {@code null}
 * @param shown for the XLSX cells whose number format shows their number otherwise
 * ({@code 15%}, {@code ¥1,200.00}), column key to the text Excel shows; text fields read
 * it, number fields the cell. Not stored with a run's rows.
 */
public record SourceRow(long rowNumber, Map<String, String> cells, String problem, Map<String, String> shown) {

	public SourceRow {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be 1 or more: " + rowNumber);
		}
		// a reader's cells (Headers#cells) are kept as they are: unmodifiable already
		cells = (cells instanceof RowCells) ? cells : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
		shown = (shown == null || shown.isEmpty()) ? Map.of() : Map.copyOf(shown);
	}

	public SourceRow(long rowNumber, Map<String, String> cells, String problem) {
		this(rowNumber, cells, problem, Map.of());
	}

	/** A row with cells whose number format shows them otherwise. */
	public static SourceRow of(long rowNumber, Map<String, String> cells, Map<String, String> shown) {
		return new SourceRow(rowNumber, cells, null, shown);
	}

	/**
	 * The text of a column key as the spreadsheet shows it: its number format applied
	 * ({@code 15%}), or the cell's text.
	 */
	public String shownCell(String header) {
		String text = this.shown.get(header);
		return (text != null) ? text : cell(header);
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
