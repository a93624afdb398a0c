package fpimport.translation;

import java.util.ArrayList;
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
		if (!this.multi) {
			return one(cell.strip());
		}
		List<Object> values = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<String> items = CellItems.of(cell, this.settings.split());
		if (items.isEmpty()) {
			return CellItems.empty(cell, this.field.fieldName());
		}
		for (String item : items) {
			Translation translation = one(item);
			if (translation.ok()) {
				if (!values.contains(translation.value())) {
					values.add(translation.value());
				}
			}
			else {
				problems.addAll(translation.problems());
			}
		}
		return problems.isEmpty() ? Translation.of(List.copyOf(values)) : Translation.refused(problems);
	}

	private Translation one(String item) {
		String text = this.settings.alias(item);
		FieldOption option = Options.find(this.field.options(), text);
		String options = Options.labels(this.field.options());
		if (option == null) {
			return Translation
				.refused("unknown option '" + item + "' for " + this.field.fieldName() + "; options: " + options);
		}
		if (option.disabled()) {
			return Translation
				.refused("option '" + item + "' of " + this.field.fieldName() + " is disabled; options: " + options);
		}
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("value", option.value());
		return Translation.of(Collections.unmodifiableMap(value));
	}

}
