package fpimport.translation;

import java.util.List;

/**
 * What a translator made of a cell: the field_value in the JSON shape of the field's
 * type, or every problem found in the cell (then the value is {@code null}).
 *
 * @param value the field_value (String, Number, Boolean, List or Map), or {@code null}
 * when there are problems
 * @param problems one line each, saying what would be accepted; empty when the value is
 * good
 */
public record Translation(Object value, List<String> problems) {

	public Translation {
		problems = List.copyOf(problems);
		if (problems.isEmpty() == (value == null)) {
			throw new IllegalArgumentException("a translation has either a value or problems");
		}
	}

	public static Translation of(Object value) {
		return new Translation(value, List.of());
	}

	public static Translation refused(String problem) {
		return new Translation(null, List.of(problem));
	}

	public static Translation refused(List<String> problems) {
		return new Translation(null, problems);
	}

	/** Whether the cell gave a value. */
	public boolean ok() {
		return this.problems.isEmpty();
	}

}
