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
	private static final Pattern DEFAULT_SPLIT = Pattern.compile("[,，;；\\r\\n]");

	private CellItems() {
	}

	/** The distinct non-blank items of a cell, stripped, in the order written. */
	static List<String> of(String cell, String split) {
		String[] parts = (split != null) ? cell.split(Pattern.quote(split), -1) : DEFAULT_SPLIT.split(cell, -1);
		Set<String> items = new LinkedHashSet<>();
		for (String part : parts) {
			String item = part.strip();
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		return new ArrayList<>(items);
	}

	/**
	 * The problem of a cell that holds separators but no value, such as {@code ", ,"}.
	 */
	static Translation empty(String cell, String fieldName) {
		return Translation.refused("no value in '" + cell.strip() + "' for " + fieldName
				+ "; leave the cell empty or write values between the separators");
	}

	/**
	 * A multi-value cell translated item by item with {@code one}: the distinct values in
	 * the order written, or the problems of every bad item. A cell of separators only is
	 * refused.
	 */
	static Translation multi(String cell, String split, String fieldName, Function<String, Translation> one) {
		List<String> items = of(cell, split);
		return items.isEmpty() ? empty(cell, fieldName) : each(items, one);
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
