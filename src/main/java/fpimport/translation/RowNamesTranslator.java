package fpimport.translation;

/**
 * A relation field whose cells name rows rather than work item ids ({@code refers_to:}):
 * the value is the text naming the row (after {@code values:}), or a list of them for a
 * multi relation; which item that row became is settled later, when the row is written.
 */
public final class RowNamesTranslator extends ItemTranslator {

	public RowNamesTranslator(String fieldName, FieldSettings settings, boolean multi) {
		super(fieldName, settings, multi);
	}

	@Override
	Translation item(String item) {
		return Translation.of(settings().alias(item).strip());
	}

}
