package fpimport.translation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;

/**
 * {@code select} and {@code radio} ({@code {"value": id}}) and {@code multi_select} (a
 * list of those): the cell holds option labels or ids, never sent as labels (CW-7).
 */
final class OptionTranslator extends ItemTranslator {

	private final FieldDefinition field;

	OptionTranslator(FieldDefinition field, FieldSettings settings, boolean multi) {
		super(field.fieldName(), settings, multi);
		this.field = field;
	}

	@Override
	Translation item(String item) {
		String text = settings().alias(item);
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
