package fpimport.translation;

/** {@code date}: epoch milliseconds, a 13-digit Long. */
final class DateTranslator implements FieldValueTranslator {

	private final FieldSettings settings;

	private final DateReader reader;

	DateTranslator(String fieldName, FieldSettings settings) {
		this.settings = settings;
		this.reader = new DateReader(fieldName, settings);
	}

	@Override
	public Translation translate(String cell) {
		return this.reader.read(this.settings.alias(cell.strip()));
	}

	@Override
	public DayMonthOrder dayMonthOrder() {
		return this.reader.order();
	}

}
