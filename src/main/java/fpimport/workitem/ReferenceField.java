package fpimport.workitem;

import java.util.Objects;

/**
 * A relation field whose cells name rows, not work item ids ({@code refers_to:} in the
 * mapping): the rows it names are matched against a column of other rows, of this file or
 * imported before, and their items' ids are what the field receives.
 *
 * @param fieldKey the relation field's key
 * @param fieldName the field's name, for messages
 * @param column the column the names come from, for messages
 * @param multi whether the field takes several ids
 * @param typeKey the type of the items it names
 * @param by the column of the named rows that holds the value, or {@code null} for their
 * row key
 * @param keyField the text field of that type that holds the value, to search the space
 * for it, or {@code null}
 * @param later whether the field is set only once every row exists (an update after the
 * create) rather than on create
 */
public record ReferenceField(String fieldKey, String fieldName, String column, boolean multi, String typeKey, String by,
		String keyField, boolean later) {

	public ReferenceField {
		Objects.requireNonNull(fieldKey, "fieldKey");
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(typeKey, "typeKey");
	}

	/** What the named rows are matched by: the column, or {@code row key}. */
	public String byLabel() {
		return (this.by != null) ? this.by : "row key";
	}

}
