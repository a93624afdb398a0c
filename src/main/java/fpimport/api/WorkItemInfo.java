package fpimport.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A work item as {@code query}, {@code filter} and {@code search/params} describe it.
 *
 * @param id the work item id
 * @param name its name
 * @param typeKey its type key
 * @param templateId its template id as text, or {@code null}
 * @param createdBy the creator's user key, or {@code null}
 * @param createdAt the creation time in epoch milliseconds, or {@code null}
 * @param fields its field values
 * @param updatedAt the time of its last change in epoch milliseconds ({@code updated_at}
 * of the official SDKs' WorkItemInfo), or {@code null} when the answer does not say
 */
public record WorkItemInfo(long id, String name, String typeKey, String templateId, String createdBy, Long createdAt,
		List<FieldValue> fields, Long updatedAt) {

	public WorkItemInfo {
		fields = (fields == null) ? List.of() : List.copyOf(fields);
	}

	/** An item whose answer does not say when it last changed. */
	public WorkItemInfo(long id, String name, String typeKey, String templateId, String createdBy, Long createdAt,
			List<FieldValue> fields) {
		this(id, name, typeKey, templateId, createdBy, createdAt, fields, null);
	}

	/** The value of a field, when the item has it. */
	public Optional<Object> value(String fieldKey) {
		return this.fields.stream()
			.filter((field) -> field.fieldKey().equals(fieldKey))
			.findFirst()
			.map(FieldValue::value);
	}

	/**
	 * One field's value as read back: a JSON-like Java value (String, Number, Boolean,
	 * List, Map) or {@code null}.
	 */
	public record FieldValue(String fieldKey, String fieldTypeKey, Object value) {

		public FieldValue {
			Objects.requireNonNull(fieldKey, "fieldKey");
		}

	}

}
