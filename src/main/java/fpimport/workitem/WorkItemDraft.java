package fpimport.workitem;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A work item ready to be created: the body of one {@code work_item/create} call. A draft
 * never holds the same field twice (CW-5), a {@code template_id} pair (CW-10), or a
 * {@code name} pair beside a top-level name (CW-9).
 *
 * @param typeKey the work item type key
 * @param templateId the workflow template id, or {@code null} for the type's first
 * template
 * @param name the top-level name, or {@code null}
 * @param fields the field value pairs, in the order they are sent
 */
public record WorkItemDraft(String typeKey, Long templateId, String name, List<FieldValuePair> fields) {

	public WorkItemDraft {
		Objects.requireNonNull(typeKey, "typeKey");
		fields = List.copyOf(fields);
		Set<String> seen = new HashSet<>();
		for (FieldValuePair pair : fields) {
			if (!seen.add(pair.fieldKey())) {
				throw new IllegalArgumentException("field " + pair.fieldKey() + " appears twice (CW-5)");
			}
			if (pair.fieldKey().equals("template_id")) {
				throw new IllegalArgumentException("template_id must not be a field value pair (CW-10)");
			}
			if (pair.fieldKey().equals("name") && name != null && !name.isEmpty()) {
				throw new IllegalArgumentException("name given both top-level and as a field (CW-9)");
			}
		}
	}

}
