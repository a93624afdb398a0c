package fpimport.workitem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of a file's columns when a header name repeats, as in a Jira export's 15
 * {@code Labels} columns: the first column of a name keeps the name as written, the later
 * ones get {@code Name#2}, {@code Name#3}, ... (1-based position among the columns of
 * that name, names compared with {@link MatchKey}). Rows keep their cells under these
 * keys, so a stored row still tells its columns apart; the names as written come back
 * with {@link #names}, and a mapping's column finds its columns with {@link #find}.
 */
public final class ColumnKeys {

	private static final Pattern NUMBERED = Pattern.compile("(.*)#([1-9][0-9]{0,8})");

	private ColumnKeys() {
	}

	/** The unique key of each column, in column order. */
	public static List<String> keys(List<String> names) {
		Map<String, Integer> seen = new HashMap<>();
		List<String> keys = new ArrayList<>(names.size());
		for (String name : names) {
			int position = seen.merge(MatchKey.of(name), 1, Integer::sum);
			keys.add((position == 1) ? name : name + "#" + position);
		}
		return keys;
	}

	/**
	 * The names as the file writes them, from the keys {@link #keys} gave: a key
	 * {@code Name#n} after n - 1 columns named {@code Name} is one more {@code Name}.
	 */
	public static List<String> names(List<String> keys) {
		Map<String, Integer> seen = new HashMap<>();
		List<String> names = new ArrayList<>(keys.size());
		for (String key : keys) {
			String name = key;
			Matcher numbered = NUMBERED.matcher(key);
			if (numbered.matches()) {
				int before = seen.getOrDefault(MatchKey.of(numbered.group(1)), 0);
				if (before > 0 && Integer.parseInt(numbered.group(2)) == before + 1) {
					name = numbered.group(1);
				}
			}
			seen.merge(MatchKey.of(name), 1, Integer::sum);
			names.add(name);
		}
		return names;
	}

	/**
	 * The columns grouped by name: each name as its first column writes it, to the keys
	 * of its columns in order, the names in the order they first appear.
	 */
	public static Map<String, List<String>> groups(List<String> keys) {
		List<String> names = names(keys);
		Map<String, String> firstByMatch = new HashMap<>();
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			String name = firstByMatch.computeIfAbsent(MatchKey.of(names.get(i)), (match) -> key);
			groups.computeIfAbsent(name, (first) -> new ArrayList<>()).add(key);
		}
		return groups;
	}

	/**
	 * A group's name for people: {@code Labels ×15} for a repeated name, the name alone
	 * otherwise.
	 */
	public static String label(String name, int columns) {
		return (columns > 1) ? name + " ×" + columns : name;
	}

	/**
	 * The columns of a header in words: {@code Summary, Labels ×15, Comment ×19}.
	 */
	public static String describe(List<String> keys) {
		List<String> labels = new ArrayList<>();
		groups(keys).forEach((name, group) -> labels.add(label(name, group.size())));
		return String.join(", ", labels);
	}

	/**
	 * The keys of the columns a mapping's column means: every column of that name in
	 * order ({@code Labels}), or the one column of a position ({@code Labels#2};
	 * {@code Labels#1} is the first); empty when the header has none.
	 * @param column the mapping's column, compared with {@link MatchKey}
	 * @param keys the keys of the file's columns, in order
	 */
	public static List<String> find(String column, List<String> keys) {
		Map<String, List<String>> byMatch = new HashMap<>();
		groups(keys).forEach((name, group) -> byMatch.put(MatchKey.of(name), group));
		List<String> group = byMatch.get(MatchKey.of(column));
		if (group != null) {
			return group;
		}
		Matcher numbered = NUMBERED.matcher(column.strip());
		if (numbered.matches()) {
			List<String> all = byMatch.getOrDefault(MatchKey.of(numbered.group(1)), List.of());
			int position = Integer.parseInt(numbered.group(2));
			if (position <= all.size()) {
				return List.of(all.get(position - 1));
			}
		}
		return List.of();
	}

}
