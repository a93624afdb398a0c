package fpimport.translation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The items of a multi-value cell. */
final class CellItems {

	/**
	 * The default separators of multi-value cells: comma, full-width comma, semicolons,
	 * newline.
	 */
	private static final String DEFAULT_SEPARATORS = ",，;；\r\n";

	private CellItems() {
	}

	/** The distinct non-blank items of a cell, stripped, in the order written. */
	static List<String> of(String cell, String split) {
		return of(List.of(cell), split);
	}

	/**
	 * The distinct non-blank items of several cells (the values of a repeated column),
	 * stripped, in the order written.
	 */
	static List<String> of(List<String> cells, String split) {
		Set<String> items = new LinkedHashSet<>();
		for (String cell : cells) {
			if (split != null && split.isEmpty()) {
				for (String part : cell.split(Pattern.quote(split), -1)) {
					add(items, part);
				}
				continue;
			}
			// by hand rather than by a regex: this runs for every multi-value cell of a
			// file
			int start = 0;
			int at = next(cell, split, 0);
			while (at >= 0) {
				add(items, cell.substring(start, at));
				start = at + ((split != null) ? split.length() : 1);
				at = next(cell, split, start);
			}
			add(items, cell.substring(start));
		}
		return new ArrayList<>(items);
	}

	private static void add(Set<String> items, String part) {
		String item = part.strip();
		if (!item.isEmpty()) {
			items.add(item);
		}
	}

	/** Where the next separator starts from {@code from}, or -1. */
	private static int next(String cell, String split, int from) {
		if (split != null) {
			return cell.indexOf(split, from);
		}
		for (int i = from; i < cell.length(); i++) {
			if (DEFAULT_SEPARATORS.indexOf(cell.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The problem of a cell that holds separators but no value, such as {@code ", ,"}.
	 */
	static Translation empty(String cell, String fieldName) {
		return Translation.refused("no value in '" + cell.strip() + "' for " + fieldName
				+ "; leave the cell empty or write values between the separators");
	}

	/** The problem of cells that hold separators but no value. */
	static Translation empty(List<String> cells, String fieldName) {
		return empty(String.join(" | ", cells.stream().map(String::strip).toList()), fieldName);
	}

	/**
	 * Multi-value cells (one, or the values of a repeated column) translated item by item
	 * with {@code one}: the distinct values in the order written, or the problems of
	 * every bad item. Cells of separators only are refused.
	 */
	static Translation multi(List<String> cells, String split, String fieldName, Function<String, Translation> one) {
		List<String> items = of(cells, split);
		return items.isEmpty() ? empty(cells, fieldName) : each(items, one);
	}

	/**
	 * The items translated with {@code one}: distinct values in order, or every problem.
	 */
	static Translation each(List<String> items, Function<String, Translation> one) {
		List<Object> values = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (String item : items) {
			Translation translation = one.apply(item);
			if (!translation.ok()) {
				problems.addAll(translation.problems());
			}
			else if (!values.contains(translation.value())) {
				values.add(translation.value());
			}
		}
		return problems.isEmpty() ? Translation.of(List.copyOf(values)) : Translation.refused(problems);
	}

	/** The items quoted for a message: {@code 'a', 'b'}. */
	static String quoted(List<String> items) {
		return String.join(", ", items.stream().map((item) -> "'" + item + "'").toList());
	}

}
