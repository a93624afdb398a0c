package fpimport.translation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import fpimport.workitem.MatchKey;

/**
 * {@code number}: a JSON number (a Long when whole, else a BigDecimal); commas may group
 * thousands, and only in threes so that a decimal comma is never misread.
 */
final class NumberTranslator implements FieldValueTranslator {

	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private final String fieldName;

	private final FieldSettings settings;

	NumberTranslator(String fieldName, FieldSettings settings) {
		this.fieldName = fieldName;
		this.settings = settings;
	}

	@Override
	public Translation translate(String cell) {
		String original = cell.strip();
		// NFKC turns full-width digits and commas into ASCII ones
		String text = MatchKey.of(this.settings.alias(original));
		if (!PLAIN.matcher(text).matches() && !GROUPED.matcher(text).matches()) {
			return Translation.refused("not a number '" + original + "' for " + this.fieldName
					+ "; write digits such as 1234.5 or 1,234.5");
		}
		BigDecimal number = new BigDecimal(text.replace(",", ""));
		if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
			try {
				return Translation.of(number.longValueExact());
			}
			catch (ArithmeticException tooLarge) {
				return Translation.of(number.stripTrailingZeros());
			}
		}
		return Translation.of(number.stripTrailingZeros());
	}

}
