package fpimport.workitem;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A row's cells as a reader gives them: the header's keys and index shared by every row
 * of the file, the row's values its own, in column order. Unmodifiable, so a row and its
 * stored record keep the same map rather than copying it per row.
 */
public final class RowCells extends AbstractMap<String, String> {

	private final List<String> names;

	private final Map<String, Integer> columnByKey;

	private final String[] values;

	/**
	 * @param names the column keys, in column order, shared by every row of a file
	 * @param columnByKey each key's position in {@code names}, shared too
	 * @param values the row's cells, one per key; kept, not copied
	 */
	public RowCells(List<String> names, Map<String, Integer> columnByKey, String[] values) {
		this.names = names;
		this.columnByKey = columnByKey;
		this.values = values;
	}

	/** The column keys, in column order: the same list for every row of a file. */
	public List<String> keys() {
		return this.names;
	}

	/** The cell of the column at {@code index} (in {@link #keys} order). */
	public String value(int index) {
		return this.values[index];
	}

	/**
	 * Another row's cells under the same columns as this one: the keys and index shared.
	 * @param values one per key; kept, not copied
	 */
	public RowCells withValues(String[] values) {
		if (values.length != this.names.size()) {
			throw new IllegalArgumentException("expected " + this.names.size() + " values, got " + values.length);
		}
		return new RowCells(this.names, this.columnByKey, values);
	}

	@Override
	public String get(Object key) {
		Integer index = this.columnByKey.get(key);
		return (index == null) ? null : this.values[index];
	}

	@Override
	public String getOrDefault(Object key, String fallback) {
		Integer index = this.columnByKey.get(key);
		return (index == null) ? fallback : this.values[index];
	}

	@Override
	public boolean containsKey(Object key) {
		return this.columnByKey.containsKey(key);
	}

	@Override
	public int size() {
		return this.values.length;
	}

	@Override
	public Set<Entry<String, String>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, String>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < RowCells.this.values.length;
					}

					@Override
					public Entry<String, String> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int index = this.next++;
						return new SimpleImmutableEntry<>(RowCells.this.names.get(index), RowCells.this.values[index]);
					}

				};
			}

			@Override
			public int size() {
				return RowCells.this.values.length;
			}

		};
	}

}
