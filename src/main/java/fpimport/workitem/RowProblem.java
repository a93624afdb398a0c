package fpimport.workitem;

import java.util.Objects;

/**
 * Why one row cannot become a work item: where (row, column, field), the cell value, and
 * a message that says what would be accepted. A row's failure is this value, never an
 * exception.
 *
 * @param row the row
 * @param column the source column, or {@code null} when the problem is not about one
 * column
 * @param field the target field key or role, or {@code null}
 * @param value the offending cell text, or {@code null}
 * @param message one line, such as {@code unknown option 'P5'; options: P0, P1, P2}
 */
public record RowProblem(RowRef row, String column, String field, String value, String message) {

	public RowProblem {
		Objects.requireNonNull(row, "row");
		Objects.requireNonNull(message, "message");
	}

	/** The whole problem on one line, location first. */
	public String describe() {
		StringBuilder text = new StringBuilder(row.describe());
		if (column != null) {
			text.append(", column ").append(column);
		}
		if (field != null) {
			text.append(" (field ").append(field).append(")");
		}
		if (value != null) {
			text.append(", value '").append(value).append("'");
		}
		return text.append(": ").append(message).toString();
	}

}
