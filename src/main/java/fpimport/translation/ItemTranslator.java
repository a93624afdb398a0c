package fpimport.translation;

import java.util.List;

/**
 * A field whose value is made of items (options, tree paths, work item ids): one item, or
 * for its multi-value form a list of them, split from each cell and gathered from every
 * column of a repeated name.
 */
abstract class ItemTranslator implements FieldValueTranslator {

	private final String fieldName;

	private final FieldSettings settings;

	private final boolean multi;

	ItemTranslator(String fieldName, FieldSettings settings, boolean multi) {
		this.fieldName = fieldName;
		this.settings = settings;
		this.multi = multi;
	}

	/** The field_value of one item, stripped, or its problem. */
	abstract Translation item(String item);

	final FieldSettings settings() {
		return this.settings;
	}

	@Override
	public final Translation translate(String cell) {
		return this.multi ? translate(List.of(cell)) : item(cell.strip());
	}

	@Override
	public final boolean takesSeveral() {
		return this.multi;
	}

	@Override
	public final Translation translate(List<String> cells) {
		if (!this.multi) {
			return FieldValueTranslator.super.translate(cells);
		}
		return CellItems.multi(cells, this.settings.split(), this.fieldName, this::item);
	}

}
