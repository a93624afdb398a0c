package fpimport.source.xlsx;

import java.util.ArrayList;
import java.util.List;

import fpimport.source.Headers;
import fpimport.source.SourceRow;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * What xlsx and xls share once a sheet yields rows of cells: finding the header row,
 * skipping blank rows, and cutting rows to the header's width.
 */
final class SheetRows {

	private SheetRows() {
	}

	/** Excel's column letters of a 0-based column: 0 is A, 26 is AA. */
	static String columnName(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			name.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return name.toString();
	}

	static boolean isBlank(List<String> cells) {
		for (String cell : cells) {
			if (cell != null && !cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** The header from a row's cells (nulls are empty cells). */
	static Headers header(String file, String sheet, long row, List<String> cells) {
		List<String> names = new ArrayList<>(cells.size());
		for (String cell : cells) {
			names.add((cell != null) ? cell : "");
		}
		int size = names.size();
		while (size > 0 && names.get(size - 1).isBlank()) {
			size--;
		}
		return Headers.of(where(file, sheet) + ", row " + row, names.subList(0, size),
				(index) -> "column " + columnName(index));
	}

	static FpImportException noHeader(String file, String sheet, int headerRow) {
		if (headerRow > 1) {
			return new FpImportException(Reason.INVALID_INPUT,
					where(file, sheet) + ": no rows at or after row " + headerRow + " (the header row)",
					"check source.header_row (or --header-row) and the sheet");
		}
		return new FpImportException(Reason.INVALID_INPUT, where(file, sheet) + ": the sheet is empty",
				"choose the sheet that holds the data with source.sheet (or --sheet)");
	}

	static String where(String file, String sheet) {
		return file + ", sheet '" + sheet + "'";
	}

	/**
	 * A row with a formula error ({@code #N/A}, {@code #REF!}, {@code #DIV/0!}) in a
	 * column of the header: the error is not the cell's value, so the row is not
	 * imported.
	 */
	static SourceRow formulaError(Headers headers, long rowNumber, int column, String error) {
		return SourceRow.malformed(rowNumber,
				"cell " + columnName(column) + rowNumber + " (column '" + headers.names().get(column)
						+ "') holds the formula error " + error
						+ ", not a value: fix the formula or its inputs and save the file again");
	}

	/** A data row: its cells cut or padded to the header's width. */
	static SourceRow row(Headers headers, long rowNumber, String[] cells) {
		return SourceRow.of(rowNumber, headers.cells(cells));
	}

}
