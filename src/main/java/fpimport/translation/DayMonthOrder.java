package fpimport.translation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which comes first in the numeric dates of one column ({@code 03/04/2024}): decided by a
 * look at the column's cells before its rows are translated, from the first cell that
 * proves it (a first number over 12 is a day, a second number over 12 is a day). A column
 * with no such cell stays undecided and its swappable dates are refused. Decided once,
 * before any row is translated, then only read, so one serves every thread.
 */
public final class DayMonthOrder {

	/** A day, a month and a four-digit year, in either order: {@code 13/04/2024}. */
	static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?!\\d)");

	private final String fieldName;

	private volatile Boolean dayFirst;

	private volatile String proof;

	DayMonthOrder(String fieldName) {
		this.fieldName = fieldName;
	}

	/** Whether a cell has decided the order. */
	public boolean decided() {
		return this.dayFirst != null;
	}

	/**
	 * Looks at one cell of the column; its first date that proves the order decides it,
	 * unless a cell before did.
	 * @param cell the cell text
	 * @param rowNumber the cell's row, for the note ({@code row 14})
	 * @return whether the order is decided now
	 */
	public boolean observe(String cell, long rowNumber) {
		if (this.dayFirst != null) {
			return true;
		}
		if (!yearAfterSeparator(cell)) {
			// no d/m/yyyy in it (an ISO date, a name): most cells, found without a regex
			return false;
		}
		Matcher date = NUMERIC.matcher(cell);
		while (date.find()) {
			int first = Integer.parseInt(date.group(1));
			int second = Integer.parseInt(date.group(3));
			if (first > 12 || second > 12) {
				this.proof = "row " + rowNumber + " '" + date.group() + "'";
				this.dayFirst = first > 12;
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a separator ({@code - / .}) is followed by four digits somewhere: what
	 * every {@link #NUMERIC} date has, and an ISO date ({@code 2024-03-04}) has not.
	 */
	static boolean yearAfterSeparator(String cell) {
		int digits = 0;
		for (int i = cell.length() - 1; i >= 0; i--) {
			char c = cell.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else {
				if (digits >= 4 && (c == '-' || c == '/' || c == '.')) {
					return true;
				}
				digits = 0;
			}
		}
		return false;
	}

	/**
	 * What was decided, for the run summary: {@code dates read as day/month, proved by
	 * row 14 '13/04/2024'}; {@code null} while undecided.
	 */
	public String note() {
		if (this.dayFirst == null) {
			return null;
		}
		return "dates read as " + (this.dayFirst ? "day/month" : "month/day") + ", proved by " + this.proof;
	}

	/** Whether the day comes first; {@code null} while undecided. */
	Boolean dayFirst() {
		return this.dayFirst;
	}

	/** The problem of a date the decided order cannot read. */
	String contradicted(String original) {
		return "not a date '" + original + "' for " + this.fieldName + ": this column's " + note();
	}

}
