package fpimport.translation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;

/**
 * {@code select} and {@code radio} ({@code {"value": id}}) and {@code multi_select} (a
 * list of those): the cell holds option labels or ids, never sent as labels (CW-7).
 */
final class OptionTranslator implements FieldValueTranslator {

	private final FieldDefinition field;

	private final FieldSettings settings;

	private final boolean multi;

	OptionTranslator(FieldDefinition field, FieldSettings settings, boolean multi) {
		this.field = field;
		this.settings = settings;
		this.multi = multi;
	}

	@Override
	public Translation translate(String cell) {
		return this.multi ? translate(List.of(cell)) : one(cell.strip());
	}

	@Override
	public boolean takesSeveral() {
		return this.multi;
	}

	@Override
	public Translation translate(List<String> cells) {
		if (!this.multi) {
			return FieldValueTranslator.super.translate(cells);
		}
		return CellItems.multi(cells, this.settings.split(), this.field.fieldName(), this::one);
	}

	private Translation one(String item) {
		String text = this.settings.alias(item);
		FieldOption option = Options.find(this.field.options(), text);
		if (option == null) {
			return Translation.refused("unknown option '" + item + "' for " + this.field.fieldName() + "; "
					+ Options.nearOrList(this.field.options(), text, "options: "));
		}
		if (option.disabled()) {
			return Translation.refused("option '" + item + "' of " + this.field.fieldName() + " is disabled; options: "
					+ Options.labels(this.field.options()));
		}
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("value", option.value());
		return Translation.of(Collections.unmodifiableMap(value));
	}

}
