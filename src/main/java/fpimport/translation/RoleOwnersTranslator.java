package fpimport.translation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.metadata.Role;

/**
 * One role's people: the cell becomes one entry of {@code role_owners}, {@code {"role":
 * <role id>, "owners": [user_key, ...]}}; a role that takes one member refuses a cell
 * with several.
 */
final class RoleOwnersTranslator implements FieldValueTranslator {

	private final Role role;

	private final FieldSettings settings;

	private final People people;

	RoleOwnersTranslator(Role role, FieldSettings settings, People people) {
		this.role = role;
		this.settings = settings;
		this.people = people;
	}

	@Override
	public List<String> persons(String cell) {
		return CellItems.of(cell, this.settings.split()).stream().map(this.settings::alias).toList();
	}

	@Override
	public Translation translate(String cell) {
		return translate(List.of(cell));
	}

	/** A role takes the people of every column of a repeated name. */
	@Override
	public boolean takesSeveral() {
		return true;
	}

	@Override
	public Translation translate(List<String> cells) {
		List<String> items = CellItems.of(cells, this.settings.split());
		if (items.isEmpty()) {
			return CellItems.empty(cells, this.role.name());
		}
		if (!this.role.multi() && items.size() > 1) {
			return Translation.refused("role " + this.role.name() + " takes one person, got " + items.size() + ": "
					+ CellItems.quoted(items));
		}
		Translation owners = UserTranslator.userKeys(items, this.settings, this.people, true);
		if (!owners.ok()) {
			return owners;
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("role", this.role.id());
		entry.put("owners", owners.value());
		return Translation.of(Collections.unmodifiableMap(entry));
	}

}
