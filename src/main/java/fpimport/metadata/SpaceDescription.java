package fpimport.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The space as the importer sees it, for {@code fpimport meta}: as text for people, or as
 * JSON-like maps and lists for tools.
 */
public final class SpaceDescription {

	private SpaceDescription() {
	}

	/** The space's types, one a line: key, name, and whether it is disabled. */
	public static String text(List<WorkItemType> types) {
		StringBuilder text = new StringBuilder("Work item types (key, name):\n");
		for (WorkItemType type : types) {
			text.append("  ").append(type.typeKey()).append("  ").append(type.name());
			if (type.disabled()) {
				text.append("  (disabled)");
			}
			text.append('\n');
		}
		return text.toString();
	}

	/**
	 * One type: every field with key, name, type, requirement and options (label → id),
	 * then its roles and templates.
	 */
	public static String text(SpaceCatalog catalog) {
		WorkItemType type = catalog.type();
		StringBuilder text = new StringBuilder();
		text.append("Type ").append(type.name()).append(" (").append(type.typeKey()).append(")\n\n");
		text.append("Fields (key, name, type, required):\n");
		for (FieldDefinition field : catalog.fields()) {
			text.append("  ")
				.append(field.fieldKey())
				.append("  ")
				.append(field.fieldName())
				.append("  ")
				.append(field.fieldTypeKey())
				.append("  ")
				.append(requirement(field.requirement()));
			// an alias that repeats the key says nothing
			if (field.fieldAlias() != null && !field.fieldAlias().isBlank()
					&& !field.fieldAlias().equals(field.fieldKey())) {
				text.append("  alias ").append(field.fieldAlias());
			}
			text.append('\n');
			List<String> options = new ArrayList<>();
			addOptions(options, "", field.options());
			for (String option : options) {
				text.append("      ").append(option).append('\n');
			}
		}
		text.append("\nRoles (id, key, name):\n");
		for (Role role : catalog.roles()) {
			text.append("  ")
				.append(role.id())
				.append("  ")
				.append((role.key() != null) ? role.key() : "-")
				.append("  ")
				.append(role.name());
			text.append(role.required() ? "  required" : "").append(role.multi() ? "  several people" : "  one person");
			text.append('\n');
		}
		text.append("\nTemplates (id, name):\n");
		for (Template template : catalog.templates()) {
			text.append("  ").append(template.id()).append("  ").append(template.name());
			text.append(template.disabled() ? "  (disabled)" : "").append('\n');
		}
		return text.toString();
	}

	/**
	 * The space's people, one a line: name, e-mail and status ({@code activated},
	 * {@code resigned} or {@code frozen}); only active people can be named on a work
	 * item.
	 */
	public static String peopleText(List<User> people) {
		StringBuilder text = new StringBuilder("People (name, e-mail, status): ").append(people.size()).append('\n');
		for (User person : people) {
			text.append("  ")
				.append(name(person))
				.append("  ")
				.append(orDash(person.email()))
				.append("  ")
				.append(status(person))
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * The same as {@link #peopleText(List)}, as maps and lists ready for a JSON writer:
	 * {@code {"people": [{"user_key", "name_cn", "name_en", "username", "email",
	 * "status"}]}}.
	 */
	public static Map<String, Object> peopleJson(List<User> people) {
		List<Object> list = new ArrayList<>();
		for (User person : people) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("user_key", person.userKey());
			entry.put("name_cn", person.nameCn());
			entry.put("name_en", person.nameEn());
			entry.put("username", person.username());
			entry.put("email", person.email());
			entry.put("status", status(person));
			list.add(entry);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("people", list);
		return json;
	}

	private static String name(User person) {
		String cn = blankToNull(person.nameCn());
		String en = blankToNull(person.nameEn());
		if (cn == null && en == null) {
			return orDash(blankToNull(person.username()));
		}
		if (cn == null || en == null || cn.equals(en)) {
			return (cn != null) ? cn : en;
		}
		return cn + " " + en;
	}

	private static String status(User person) {
		return (person.status() != null && !person.status().isBlank()) ? person.status() : "activated";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String orDash(String text) {
		return (text == null || text.isBlank()) ? "-" : text;
	}

	/**
	 * The same as {@link #text(List)}, as maps and lists ready for a JSON writer:
	 * {@code {"types": [{"type_key", "name", "api_name", "disabled"}]}}.
	 */
	public static Map<String, Object> json(List<WorkItemType> types) {
		List<Object> list = new ArrayList<>();
		for (WorkItemType type : types) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type_key", type.typeKey());
			entry.put("name", type.name());
			entry.put("api_name", type.apiName());
			entry.put("disabled", type.disabled());
			list.add(entry);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("types", list);
		return json;
	}

	/**
	 * The same as {@link #text(SpaceCatalog)}, as maps and lists ready for a JSON writer.
	 */
	public static Map<String, Object> json(SpaceCatalog catalog) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type_key", catalog.type().typeKey());
		json.put("name", catalog.type().name());
		List<Object> fields = new ArrayList<>();
		for (FieldDefinition field : catalog.fields()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("field_key", field.fieldKey());
			entry.put("field_alias", field.fieldAlias());
			entry.put("field_name", field.fieldName());
			entry.put("field_type_key", field.fieldTypeKey());
			entry.put("required", requirement(field.requirement()));
			entry.put("options", options(field.options()));
			fields.add(entry);
		}
		json.put("fields", fields);
		List<Object> roles = new ArrayList<>();
		for (Role role : catalog.roles()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", role.id());
			entry.put("key", role.key());
			entry.put("name", role.name());
			entry.put("required", role.required());
			entry.put("multi", role.multi());
			roles.add(entry);
		}
		json.put("roles", roles);
		List<Object> templates = new ArrayList<>();
		for (Template template : catalog.templates()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("template_id", template.id());
			entry.put("template_name", template.name());
			entry.put("disabled", template.disabled());
			templates.add(entry);
		}
		json.put("templates", templates);
		return json;
	}

	private static String requirement(Requirement requirement) {
		return requirement.name().toLowerCase(Locale.ROOT);
	}

	private static void addOptions(List<String> lines, String path, List<FieldOption> options) {
		for (FieldOption option : options) {
			String label = path + option.label();
			lines.add(label + " → " + option.value() + (option.disabled() ? "  (disabled)" : ""));
			addOptions(lines, label + "/", option.children());
		}
	}

	private static List<Object> options(List<FieldOption> options) {
		List<Object> list = new ArrayList<>();
		for (FieldOption option : options) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("label", option.label());
			entry.put("value", option.value());
			entry.put("disabled", option.disabled());
			if (!option.children().isEmpty()) {
				entry.put("children", options(option.children()));
			}
			list.add(entry);
		}
		return list;
	}

}
