package fpimport.mapping;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A mapping file as written (docs/mapping.md), checked for its own consistency but not
 * yet against a space or a file: {@link MappingBinder#bind} does that.
 *
 * @param project the project_key or simple_name, or {@code null} when the command line
 * gives it
 * @param type the work item type key or name
 * @param template the template name or id, or {@code null} for the type's first template
 * @param key the columns that identify a row across runs; empty for a hash of the mapped
 * cells
 * @param keyField the field_key of a text-like field ({@link #KEY_FIELD_TYPES}) that
 * receives the row key, so that a lost create can be found again; or {@code null}
 * @param timezone the zone of date-only cells, or {@code null} for the machine's zone
 * @param source the reader settings
 * @param name how the work item name is filled, or {@code null}
 * @param fields the field mappings, in the file's order
 * @param roles the role mappings ({@code role_owners}), in the file's order
 * @param users how people are found
 * @param after what to do after each create: state, comments, attachments
 */
public record MappingSpec(String project, String type, String template, List<String> key, String keyField,
		ZoneId timezone, SourceSection source, FieldMapping name, List<FieldMapping> fields, List<FieldMapping> roles,
		UserSettings users, AfterCreateSpec after) {

	/**
	 * The field types a {@code key_field} may have: those that take the row key as a
	 * string, on create and in a search with {@code =}.
	 */
	public static final List<String> KEY_FIELD_TYPES = List.of("text", "link", "email", "telephone");

	public MappingSpec {
		Objects.requireNonNull(type, "type");
		key = List.copyOf(key);
		source = (source != null) ? source : SourceSection.DEFAULT;
		fields = List.copyOf(fields);
		roles = List.copyOf(roles);
		users = (users != null) ? users : UserSettings.DEFAULT;
		after = (after != null) ? after : new AfterCreateSpec(null, List.of(), null);
	}

	/** The zone in which date-only cells are read. */
	public ZoneId zone() {
		return (this.timezone != null) ? this.timezone : ZoneId.systemDefault();
	}

}
