package fpimport.translation;

import java.util.List;

/**
 * {@code user} (a user_key) and {@code multi_user} (a list of user_keys): a cell names
 * people by e-mail, name, user_key or alias, as the mapping's {@code users} settings say.
 */
final class UserTranslator implements FieldValueTranslator {

	private final String fieldName;

	private final FieldSettings settings;

	private final People people;

	private final boolean multi;

	UserTranslator(String fieldName, FieldSettings settings, People people, boolean multi) {
		this.fieldName = fieldName;
		this.settings = settings;
		this.people = people;
		this.multi = multi;
	}

	@Override
	public List<String> persons(String cell) {
		return CellItems.of(cell, this.settings.split()).stream().map(this.settings::alias).toList();
	}

	@Override
	public Translation translate(String cell) {
		return translate(List.of(cell));
	}

	@Override
	public boolean takesSeveral() {
		return this.multi;
	}

	@Override
	public Translation translate(List<String> cells) {
		List<String> items = CellItems.of(cells, this.settings.split());
		if (items.isEmpty()) {
			return CellItems.empty(cells, this.fieldName);
		}
		if (!this.multi && items.size() > 1) {
			return Translation.refused("only one person fits " + this.fieldName + ", got " + items.size() + ": "
					+ CellItems.quoted(items));
		}
		return userKeys(items, this.settings, this.people, this.multi);
	}

	/**
	 * The user_keys of the people of a cell: one String, or a list when {@code multi}.
	 */
	static Translation userKeys(List<String> items, FieldSettings settings, People people, boolean multi) {
		Translation keys = CellItems.each(items, (item) -> people.userKey(settings.alias(item)));
		if (!keys.ok() || multi) {
			return keys;
		}
		return Translation.of(((List<?>) keys.value()).get(0));
	}

}
