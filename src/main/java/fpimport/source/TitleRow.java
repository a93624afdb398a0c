package fpimport.source;

import java.nio.file.Path;
import java.util.OptionalInt;

import fpimport.failure.FpImportException;

/**
 * A title above the header: a spreadsheet often opens with one merged or lone cell
 * ({@code 2026 Q1 Backlog}) above the row of column names. Read as the header, such a row
 * gives one column; the row below it gives several.
 */
public final class TitleRow {

	private TitleRow() {
	}

	/**
	 * The row that seems to be the header when the header row of the settings looks like
	 * a title: it has one named column, and the row below it has two or more.
	 * @return the 1-based row below the title, or empty when the header row does not look
	 * like a title (or the file cannot be read: opening it says why)
	 */
	public static OptionalInt headerBelow(Path file, SourceSettings settings) {
		try {
			if (namedColumns(file, settings) != 1) {
				return OptionalInt.empty();
			}
			int below = settings.headerRow() + 1;
			return (namedColumns(file, settings.withHeaderRow(below)) >= 2) ? OptionalInt.of(below)
					: OptionalInt.empty();
		}
		catch (FpImportException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * What to tell the user:
	 * {@code row 1 looks like a title; the header seems to be row 2: --header-row 2}.
	 */
	public static String note(int titleRow, int headerRow) {
		return "row " + titleRow + " looks like a title; the header seems to be row " + headerRow + ": --header-row "
				+ headerRow;
	}

	private static int namedColumns(Path file, SourceSettings settings) {
		try (RowSource source = Sources.open(file, settings)) {
			return (int) source.headers().stream().filter((name) -> !name.isBlank()).count();
		}
	}

}
