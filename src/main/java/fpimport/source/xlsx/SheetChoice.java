package fpimport.source.xlsx;

import java.util.List;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.MatchKey;

/** Picks a sheet by name (exact, then as {@link MatchKey}) or by 1-based index. */
final class SheetChoice {

	private SheetChoice() {
	}

	/** The 0-based index of the chosen sheet; {@code null} chooses the first. */
	static int choose(String file, List<String> names, String wanted) {
		if (names.isEmpty()) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": the workbook has no sheets",
					"open it in Excel or WPS and save it again");
		}
		if (wanted == null) {
			return 0;
		}
		int exact = names.indexOf(wanted);
		if (exact >= 0) {
			return exact;
		}
		for (int i = 0; i < names.size(); i++) {
			if (MatchKey.matches(names.get(i), wanted)) {
				return i;
			}
		}
		if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 6) {
			int index = Integer.parseInt(wanted);
			if (index >= 1 && index <= names.size()) {
				return index - 1;
			}
			throw new FpImportException(Reason.INVALID_INPUT,
					file + ": there is no sheet " + index + "; the workbook has " + names.size() + " sheet"
							+ ((names.size() == 1) ? "" : "s") + ": " + quoted(names),
					"set source.sheet (or --sheet) to a sheet name or a number from 1 to " + names.size());
		}
		throw new FpImportException(Reason.INVALID_INPUT,
				file + ": there is no sheet '" + wanted + "'; sheets: " + quoted(names),
				"set source.sheet (or --sheet) to one of these names or to a 1-based index");
	}

	private static String quoted(List<String> names) {
		StringBuilder text = new StringBuilder();
		for (String name : names) {
			if (text.length() > 0) {
				text.append(", ");
			}
			text.append('\'').append(name).append('\'');
		}
		return text.toString();
	}

}
