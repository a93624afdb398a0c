package fpimport.translation;

import java.util.List;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.Role;

/**
 * Turns the text of one non-blank cell into the field_value its field type takes on
 * create (the shapes of docs/design.md#value-shapes), or into problems that say what
 * would be accepted. Translators hold no state that changes, so one serves every row and
 * thread.
 */
public interface FieldValueTranslator {

	/** The field_value of a cell that is not blank, or the cell's problems. */
	Translation translate(String cell);

	/**
	 * Whether the field takes the several values of a repeated column with
	 * {@link #translate(List)}: multi-value fields and roles take each value, text fields
	 * join them; the others take one value.
	 */
	default boolean takesSeveral() {
		return false;
	}

	/**
	 * The field_value of the values of a repeated column: its non-blank cells, in column
	 * order. A translator that does not {@link #takesSeveral} takes one value and refuses
	 * more.
	 */
	default Translation translate(List<String> cells) {
		if (cells.size() == 1) {
			return translate(cells.get(0));
		}
		return Translation.refused(cells.size() + " values (" + CellItems.quoted(cells) + ") where one is taken");
	}

	/**
	 * The day/month order of the column's numeric dates ({@code 03/04/2024}), which a
	 * look at the column decides before its rows are translated; {@code null} for fields
	 * that read no such dates, or whose {@code format} says the order.
	 */
	default DayMonthOrder dayMonthOrder() {
		return null;
	}

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
	 * @throws IllegalArgumentException when the field's type is not in {@link FieldKinds}
	 * or a setting is not valid for it
	 */
	static FieldValueTranslator forField(FieldDefinition field, FieldSettings settings, People people) {
		return FieldKinds.of(field.fieldTypeKey())
			.orElseThrow(() -> new IllegalArgumentException(FieldKinds.notWritable(field)))
			.translator(field, settings, people);
	}

	/**
	 * The translator of one role's column: its value is one entry of {@code role_owners},
	 * {@code {"role": <role id>, "owners": [user_key, ...]}}.
	 */
	static FieldValueTranslator forRole(Role role, FieldSettings settings, People people) {
		return new RoleOwnersTranslator(role, settings, people);
	}

}
