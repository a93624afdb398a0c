package fpimport.mapping;

import java.util.ArrayList;
import java.util.List;

import fpimport.source.SourceRow;

/**
 * One column of a mapping bound to the file's header: a single column, or every column of
 * a repeated name (a Jira export's {@code Labels} columns), whose non-blank cells are the
 * column's values in column order.
 *
 * @param name the column for messages: the header as written, or {@code Labels#2} for one
 * column of a repeated name
 * @param keys the column keys of its cells, in column order; one or more
 */
record BoundColumn(String name, List<String> keys) {

	BoundColumn {
		keys = List.copyOf(keys);
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("a column has one key or more");
		}
	}

	/** The row's non-blank cells of the column, as written, in column order. */
	List<String> values(SourceRow row) {
		if (this.keys.size() == 1) {
			String cell = row.cell(this.keys.get(0));
			return cell.isBlank() ? List.of() : List.of(cell);
		}
		List<String> values = new ArrayList<>(this.keys.size());
		for (String key : this.keys) {
			String cell = row.cell(key);
			if (!cell.isBlank()) {
				values.add(cell);
			}
		}
		return values;
	}

	/**
	 * The problem of a column that holds more values than one where one is taken:
	 * {@code column 'Fix Version/s' has 2 values (1.0, 1.1); field 'Fix version' takes
	 * one}.
	 * @param taker what takes one value, such as {@code field 'Fix version'}
	 */
	String tooMany(List<String> values, String taker) {
		return "column '" + this.name + "' has " + values.size() + " values ("
				+ String.join(", ", values.stream().map(String::strip).toList()) + "); " + taker + " takes one";
	}

}
