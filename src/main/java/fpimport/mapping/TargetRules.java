package fpimport.mapping;

/**
 * What a mapping entry may target, in one place for the loader (which knows the target as
 * written) and the binder (which knows the field the space has under that name): the
 * template is chosen by {@code template:}, never as a field (CW-10); the name comes from
 * {@code name:} once (CW-9); a field takes one value (CW-5); role owners come from
 * {@code roles:}; the row key needs a field of its own.
 */
final class TargetRules {

	/** The field that receives the role owners, assembled from {@code roles:}. */
	static final String ROLE_OWNERS = "role_owners";

	private TargetRules() {
	}

	/**
	 * The problem of a field entry, or {@code null} when it may target the field.
	 * @param path the entry's YAML path
	 * @param key the field key, or the target as written when the space is not known
	 * @param typeKey the field's type, or {@code null} when the space is not known
	 * @param nameMapped whether the mapping has a top-level {@code name:}
	 */
	static String asField(String path, String key, String typeKey, boolean nameMapped) {
		if (isTemplate(key, typeKey)) {
			return path + ": the template is chosen by the top-level template:, never as a field (CW-10)";
		}
		if (key.equals(ROLE_OWNERS) || ROLE_OWNERS.equals(typeKey)) {
			return path + ": role owners come from roles:, one entry per role";
		}
		if (key.equals("name") && nameMapped) {
			return path + ": the name already comes from the top-level name:; map it once (CW-9)";
		}
		return null;
	}

	/** Whether a field is the template, which no field entry fills (CW-10). */
	static boolean isTemplate(String key, String typeKey) {
		return key.equals("template_id") || key.equals("template") || "template".equals(typeKey);
	}

	/**
	 * The problem of a second entry for the same field or role (CW-5).
	 * @param path the second entry's YAML path
	 * @param label the field's or role's name
	 * @param first the first entry's YAML path
	 * @param role whether the target is a role
	 */
	static String again(String path, String label, String first, boolean role) {
		String rule = role ? "a role takes one column" : "a field takes one value (CW-5)";
		return path + ": maps " + label + " again (first at " + first + "); " + rule;
	}

	/** The problem of a key_field that a field entry also fills (CW-5). */
	static String keyFieldAlsoMapped(String keyField, String path) {
		return "key_field: " + keyField + " is also mapped at " + path + "; a field takes one value (CW-5)";
	}

	/**
	 * The problem of a key_field that names the name or the template, or {@code null}.
	 */
	static String keyFieldReserved(String keyField) {
		if (keyField.equals("name") || keyField.equals("template_id")) {
			return "key_field: " + keyField + " cannot hold the row key; name a text field of your own";
		}
		return null;
	}

}
