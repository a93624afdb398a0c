package fpimport.workitem;

import java.util.Objects;

/**
 * Where a row stands in the user's file: the file name, the sheet (or {@code null} for
 * CSV) and the row or line number the user sees in Excel or an editor.
 */
public record RowRef(String file, String sheet, long rowNumber) {

	public RowRef {
		Objects.requireNonNull(file, "file");
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be 1 or more: " + rowNumber);
		}
	}

	/** Says the place in words, such as {@code orders.xlsx, sheet Sheet1, row 12}. */
	public String describe() {
		return (sheet == null) ? file + ", row " + rowNumber : file + ", sheet " + sheet + ", row " + rowNumber;
	}

}
