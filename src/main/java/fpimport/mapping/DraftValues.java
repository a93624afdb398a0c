package fpimport.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.workitem.MatchKey;

/**
 * The distinct values of one column, as {@code init-mapping} reads them from the file:
 * each written once (texts that match as names do count once, in their first spelling),
 * at most {@link #MAX} of them.
 */
final class DraftValues {

	/** The most distinct values kept per column. */
	static final int MAX = 200;

	private final Map<String, String> values = new LinkedHashMap<>();

	private boolean cut;

	/** Adds the values of one cell. */
	void add(List<String> items) {
		for (String item : items) {
			String key = MatchKey.of(item);
			if (key.isEmpty() || this.values.containsKey(key)) {
				continue;
			}
			if (this.values.size() >= MAX) {
				this.cut = true;
				return;
			}
			this.values.put(key, item);
		}
	}

	/** The values, in the order first read. */
	List<String> values() {
		return new ArrayList<>(this.values.values());
	}

	/** Whether the column holds more distinct values than were kept. */
	boolean cut() {
		return this.cut;
	}

}
