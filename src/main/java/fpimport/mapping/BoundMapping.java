package fpimport.mapping;

import java.util.ArrayList;
import java.util.List;

import fpimport.workitem.ReferenceField;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mapping checked against one space and one file's header by {@link MappingBinder}:
 * every field, role and key column found, every translator made, ready to plan rows.
 */
public final class BoundMapping {

	private final String fileName;

	private final String sheet;

	private final String typeKey;

	private final Long templateId;

	private final BoundField name;

	private final List<BoundField> fields;

	private final List<BoundField> roles;

	/** The fields and roles that name people. */
	private final List<BoundField> peopleTargets;

	private final List<BoundColumn> keyColumns;

	private final String keyField;

	/** The mapping's column names (as keys of the row hash) to the file's columns. */
	private final Map<String, BoundColumn> hashedHeaders;

	private final UserSettings users;

	private final DirectoryPeople people;

	private final AfterCreateBinding after;

	/** The file's column keys, in order. */
	private final List<String> headers;

	BoundMapping(String fileName, String sheet, String typeKey, Long templateId, BoundField name,
			List<BoundField> fields, List<BoundField> roles, List<BoundColumn> keyColumns, String keyField,
			Map<String, BoundColumn> hashedHeaders, UserSettings users, DirectoryPeople people,
			AfterCreateBinding after, List<String> headers) {
		this.headers = List.copyOf(headers);
		this.fileName = fileName;
		this.sheet = sheet;
		this.typeKey = typeKey;
		this.templateId = templateId;
		this.name = name;
		this.fields = List.copyOf(fields);
		this.roles = List.copyOf(roles);
		List<BoundField> targets = new ArrayList<>(this.fields);
		targets.addAll(this.roles);
		this.peopleTargets = targets.stream().filter(BoundField::people).toList();
		this.keyColumns = List.copyOf(keyColumns);
		this.keyField = keyField;
		this.hashedHeaders = new TreeMap<>(hashedHeaders);
		this.users = users;
		this.people = people;
		this.after = after;
	}

	/** The file's column keys, in order. */
	List<String> headers() {
		return this.headers;
	}

	/** Whether some relation field names rows ({@code refers_to:}). */
	public boolean refers() {
		return this.fields.stream().anyMatch((field) -> field.reference() != null);
	}

	/** The relation fields whose cells name rows ({@code refers_to:}), in order. */
	public List<ReferenceField> referenceFields() {
		return this.fields.stream().map(BoundField::reference).filter(java.util.Objects::nonNull).toList();
	}

	/** What the mapping asks for after each create. */
	public AfterCreateBinding after() {
		return this.after;
	}

	/** The file name shown in problems. */
	public String fileName() {
		return this.fileName;
	}

	/** The sheet shown in problems, or {@code null} for CSV. */
	public String sheet() {
		return this.sheet;
	}

	/** The work item type key. */
	public String typeKey() {
		return this.typeKey;
	}

	/** The template id sent on create, or {@code null} for the type's default. */
	public Long templateId() {
		return this.templateId;
	}

	/** The field_key that receives the row key, or {@code null}. */
	public String keyField() {
		return this.keyField;
	}

	/** The file's headers of the key columns, empty when the row key is a hash. */
	public List<String> keyHeaders() {
		return this.keyColumns.stream().map(BoundColumn::name).toList();
	}

	List<BoundColumn> keyColumns() {
		return this.keyColumns;
	}

	/** Whether some field or role names people, who must be looked up before planning. */
	public boolean namesPeople() {
		return !peopleTargets().isEmpty() || this.after.commentsNamePeople();
	}

	BoundField name() {
		return this.name;
	}

	List<BoundField> fields() {
		return this.fields;
	}

	List<BoundField> roles() {
		return this.roles;
	}

	Map<String, BoundColumn> hashedHeaders() {
		return this.hashedHeaders;
	}

	UserSettings users() {
		return this.users;
	}

	DirectoryPeople people() {
		return this.people;
	}

	/** The fields and roles that name people. */
	List<BoundField> peopleTargets() {
		return this.peopleTargets;
	}

}
