package fpimport.translation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.Role;

/**
 * Turns the text of one non-blank cell into the field_value its field type takes on
 * create (the shapes of the Open API reference §5), or into problems that say what would
 * be accepted. Translators hold no state that changes, so one serves every row and
 * thread.
 */
public interface FieldValueTranslator {

	/** The field types a translator writes, as {@code field_type_key}s. */
	Set<String> WRITABLE_TYPES = Set.of("text", "multi_text", "select", "radio", "multi_select", "tree_select",
			"tree_multi_select", "user", "multi_user", "date", "schedule", "number", "bool", "link", "email",
			"telephone", "work_item_related_select", "work_item_related_multi_select", "business");

	/** The field_value of a cell that is not blank, or the cell's problems. */
	Translation translate(String cell);

	/**
	 * The people a cell names, so they can be looked up in batches before the first row;
	 * empty for fields that name nobody.
	 */
	default List<String> persons(String cell) {
		return List.of();
	}

	/**
	 * The translator of a field.
	 * @param field the field as the create metadata describes it
	 * @param settings the mapping's settings for the field
	 * @param people where people's user_keys come from (used by user fields only)
	 * @return the translator
	 * @throws IllegalArgumentException when the field's type is not in
	 * {@link #WRITABLE_TYPES} or a setting is not valid for it
	 */
	static FieldValueTranslator forField(FieldDefinition field, FieldSettings settings, People people) {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(people, "people");
		String name = field.fieldName();
		return switch (field.fieldTypeKey()) {
			case "text", "multi_text", "business" -> new TextTranslator(name, settings, TextTranslator.Form.ANY);
			case "link" -> new TextTranslator(name, settings, TextTranslator.Form.LINK);
			case "email" -> new TextTranslator(name, settings, TextTranslator.Form.EMAIL);
			case "telephone" -> new TextTranslator(name, settings, TextTranslator.Form.TELEPHONE);
			case "select", "radio" -> new OptionTranslator(field, settings, false);
			case "multi_select" -> new OptionTranslator(field, settings, true);
			case "tree_select" -> new TreeOptionTranslator(field, settings, false);
			case "tree_multi_select" -> new TreeOptionTranslator(field, settings, true);
			case "user" -> new UserTranslator(name, settings, people, false);
			case "multi_user" -> new UserTranslator(name, settings, people, true);
			case "date" -> new DateTranslator(name, settings);
			case "schedule" -> new ScheduleTranslator(name, settings);
			case "number" -> new NumberTranslator(name, settings);
			case "bool" -> new BoolTranslator(name, settings);
			case "work_item_related_select" -> new WorkItemIdTranslator(name, settings, false);
			case "work_item_related_multi_select" -> new WorkItemIdTranslator(name, settings, true);
			default -> throw new IllegalArgumentException("field " + name + " (" + field.fieldKey() + ") has type "
					+ field.fieldTypeKey() + ", which cannot be written on create");
		};
	}

	/**
	 * The translator of one role's column: its value is one entry of {@code role_owners},
	 * {@code {"role": <role id>, "owners": [user_key, ...]}}.
	 */
	static FieldValueTranslator forRole(Role role, FieldSettings settings, People people) {
		return new RoleOwnersTranslator(role, settings, people);
	}

	/** Whether a field type's cells may hold several values, split on {@code split}. */
	static boolean multiValued(String fieldTypeKey) {
		return switch (fieldTypeKey) {
			case "multi_select", "tree_multi_select", "multi_user", "work_item_related_multi_select" -> true;
			default -> false;
		};
	}

}
