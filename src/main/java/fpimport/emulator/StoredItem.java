package fpimport.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A work item as the emulated space holds it; {@code fields} are the stored values by
 * field_key (select values with their labels, role_owners under {@code role_owners}).
 */
public record StoredItem(long id, String typeKey, String name, long templateId, String createdBy, long createdAt,
		String updatedBy, long updatedAt, Map<String, JsonNode> fields) {

	public StoredItem {
		Objects.requireNonNull(typeKey, "typeKey");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(createdBy, "createdBy");
		Objects.requireNonNull(updatedBy, "updatedBy");
		// keeps the order the fields were written in, which the answers repeat
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** The stored value of this field, if set. */
	public Optional<JsonNode> field(String fieldKey) {
		return Optional.ofNullable(this.fields.get(fieldKey));
	}

	/**
	 * The option ids of a multi-value option field ({@code [{"value": id}, ...]}) in
	 * stored order; empty when the field is not set.
	 */
	public List<String> optionValues(String fieldKey) {
		List<String> values = new ArrayList<>();
		field(fieldKey).ifPresent((options) -> options.forEach((option) -> values.add(option.get("value").asString())));
		return values;
	}

	/**
	 * The work item ids a relation field holds, in stored order: one for a single
	 * relation field, each for a multi one; empty when the field is not set.
	 */
	public List<Long> relatedIds(String fieldKey) {
		List<Long> ids = new ArrayList<>();
		field(fieldKey).ifPresent((value) -> {
			if (value.isArray()) {
				value.forEach((id) -> ids.add(id.longValue()));
			}
			else {
				ids.add(value.longValue());
			}
		});
		return List.copyOf(ids);
	}

}
