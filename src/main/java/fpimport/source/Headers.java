package fpimport.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.ColumnKeys;
import fpimport.workitem.MatchKey;
import fpimport.workitem.RowCells;

/**
 * The header names of a file, checked to be present, and found by a mapping's column name
 * the way users expect: ignoring surrounding spaces, case and full-width/half-width
 * differences. A name may repeat (a Jira export writes a multi-value field as several
 * columns of one name); each column has a unique key ({@link ColumnKeys}), under which
 * rows keep its cells.
 */
public final class Headers {

	/**
	 * The most columns a file may have: the report is an xlsx sheet of at most 16,384
	 * columns, and adds its own.
	 */
	public static final int MAX_COLUMNS = 16_000;

	private final List<String> names;

	private final List<String> keys;

	/** The column of each key as it is matched ({@link MatchKey}). */
	private final Map<String, Integer> indexByKey;

	/** The column of each key as it is written: how a row's cells are looked up. */
	private final Map<String, Integer> columnByKey = new HashMap<>();

	private Headers(List<String> names, List<String> keys, Map<String, Integer> indexByKey) {
		this.names = names;
		this.keys = keys;
		this.indexByKey = indexByKey;
		for (int i = 0; i < keys.size(); i++) {
			this.columnByKey.put(keys.get(i), i);
		}
	}

	/**
	 * Checks header names and returns them; an empty name, or a name that reads as the
	 * key of a repeated name's later column, is an {@link FpImportException} naming the
	 * positions.
	 * @param where the header's place for messages, such as {@code data.csv, line 1}
	 * @param names the names in column order; trailing empty names must already be cut
	 * @param position the user's name of a 0-based column, such as {@code column 3} or
	 * {@code column C}
	 */
	public static Headers of(String where, List<String> names, IntFunction<String> position) {
		List<String> copy = List.copyOf(names);
		if (copy.size() > MAX_COLUMNS) {
			throw new FpImportException(Reason.INVALID_INPUT,
					where + ": the header has " + copy.size() + " columns; fpimport reads at most " + MAX_COLUMNS
							+ " (an xlsx sheet, such as the report, holds 16,384)",
					"remove the columns the mapping does not need, or split the file");
		}
		if (copy.isEmpty()) {
			throw new FpImportException(Reason.INVALID_INPUT, where + ": the header row is empty",
					"put the column names in the first row, or set source.header_row to the row that has them");
		}
		for (int i = 0; i < copy.size(); i++) {
			if (MatchKey.of(copy.get(i)).isEmpty()) {
				throw new FpImportException(Reason.INVALID_INPUT,
						where + ": " + position.apply(i) + " of the header row has no name",
						"give every column a name in the header row, or delete the empty column");
			}
		}
		List<String> keys = ColumnKeys.keys(copy);
		List<String> read = ColumnKeys.names(keys);
		Map<String, Integer> indexByKey = new HashMap<>();
		for (int i = 0; i < copy.size(); i++) {
			Integer first = indexByKey.putIfAbsent(MatchKey.of(keys.get(i)), i);
			if (first != null || !read.get(i).equals(copy.get(i))) {
				// the column written with the key's name, not the one numbered so
				int bad = (first != null && MatchKey.of(copy.get(first)).equals(MatchKey.of(keys.get(first)))) ? first
						: i;
				throw new FpImportException(Reason.INVALID_INPUT,
						where + ": " + position.apply(bad) + " is named '" + copy.get(bad)
								+ "', which is how a mapping calls a later column of a repeated name",
						"rename the column; the columns of a repeated name are told apart as Name#2, Name#3 ...");
			}
		}
		return new Headers(copy, List.copyOf(keys), Map.copyOf(indexByKey));
	}

	/** Headers checked with positions written as 1-based column numbers. */
	public static Headers of(List<String> names) {
		return of("header", names, (index) -> "column " + (index + 1));
	}

	/** The names in column order, exactly as the file writes them. */
	public List<String> names() {
		return this.names;
	}

	/**
	 * The unique key of each column, in column order: the names, with a repeated name's
	 * later columns as {@code Name#2}, {@code Name#3} ...
	 */
	public List<String> keys() {
		return this.keys;
	}

	public int size() {
		return this.names.size();
	}

	/**
	 * The 0-based column a mapping's column names ({@link ColumnKeys#find}): the first of
	 * a repeated name, or the one of a position such as {@code Labels#2}; -1 when no
	 * header matches.
	 */
	public int indexOf(String name) {
		List<String> found = ColumnKeys.find(name, this.keys);
		return found.isEmpty() ? -1 : this.indexByKey.get(MatchKey.of(found.get(0)));
	}

	/** The header as the file writes it of a mapping's column. */
	public Optional<String> find(String name) {
		int index = indexOf(name);
		return (index < 0) ? Optional.empty() : Optional.of(this.names.get(index));
	}

	/**
	 * The cells of one row as a key-to-text map in column order, backed by a copy of the
	 * values array (one entry per header) and by this header's index of keys: no hash map
	 * is built per row, and {@link SourceRow} keeps it as it is.
	 */
	public Map<String, String> cells(String[] values) {
		if (values.length != this.names.size()) {
			throw new IllegalArgumentException("expected " + this.names.size() + " values, got " + values.length);
		}
		return new RowCells(this.keys, this.columnByKey, values.clone());
	}

}
