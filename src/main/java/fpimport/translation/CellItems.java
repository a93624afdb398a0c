package fpimport.translation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

	/** The items quoted for a message: {@code 'a', 'b'}. */
	static String quoted(List<String> items) {
		return String.join(", ", items.stream().map((item) -> "'" + item + "'").toList());
	}

}
