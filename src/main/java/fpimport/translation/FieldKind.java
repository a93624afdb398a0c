package fpimport.translation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import fpimport.metadata.FieldDefinition;

/**
 * One field type the importer writes on create: its {@code field_type_key}, how its cells
 * are translated, and which mapping settings fit it. Every kind is registered once, in
 * {@link FieldKinds}.
 *
 * @param typeKey the {@code field_type_key} of the create metadata
 * @param translators makes the translator of one field of this type
 * @param settings the mapping settings, beyond those every field takes, that fit this
 * type
 * @param namesPeople whether its cells name people, who are looked up in batches before
 * the first row
 */
public record FieldKind(String typeKey, Translators translators, Set<Setting> settings, boolean namesPeople) {

	/** The mapping settings that fit some field types only. */
	public enum Setting {

		/** {@code split}: the cell holds several values. */
		SPLIT,

		/** {@code format}: the cell holds a date in a pattern of the user's. */
		FORMAT,

		/** {@code min_level}: a cascading path may stop above a leaf. */
		MIN_LEVEL,

		/** {@code columns} with two columns: the start and the end of a range. */
		TWO_COLUMNS,

		/** {@code join}: what goes between the values of a repeated column. */
		JOIN

	}

	/** Makes the translator of one field of a kind. */
	@FunctionalInterface
	public interface Translators {

		/**
		 * @param field the field as the create metadata describes it
		 * @param settings the mapping's settings for the field
		 * @param people where people's user_keys come from
		 * @return the translator
		 */
		FieldValueTranslator of(FieldDefinition field, FieldSettings settings, People people);

	}

	public FieldKind {
		Objects.requireNonNull(typeKey, "typeKey");
		Objects.requireNonNull(translators, "translators");
		settings = Set.copyOf(settings);
	}

	/** A kind whose cells name no people. */
	static FieldKind of(String typeKey, Translators translators, Setting... settings) {
		return new FieldKind(typeKey, translators, Set.of(settings), false);
	}

	/** A kind whose cells name people. */
	static FieldKind people(String typeKey, Translators translators, Setting... settings) {
		return new FieldKind(typeKey, translators, Set.of(settings), true);
	}

	/** Whether the mapping setting fits fields of this kind. */
	public boolean takes(Setting setting) {
		return this.settings.contains(setting);
	}

	/**
	 * The values of one cell as a field of this kind reads them: the distinct items of a
	 * multi-value cell split at the default separators, else the whole cell stripped;
	 * none for a blank cell.
	 */
	public List<String> items(String cell) {
		if (cell.isBlank()) {
			return List.of();
		}
		return takes(Setting.SPLIT) ? List.copyOf(CellItems.of(cell, null)) : List.of(cell.strip());
	}

	/** The translator of a field of this kind. */
	public FieldValueTranslator translator(FieldDefinition field, FieldSettings settings, People people) {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(people, "people");
		return this.translators.of(field, settings, people);
	}

}
