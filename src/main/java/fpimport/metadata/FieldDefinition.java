package fpimport.metadata;

import java.util.List;
import java.util.Objects;

/**
 * A field that can be written on create, as the create metadata ({@code meta}) describes
 * it.
 *
 * @param fieldKey the field key
 * @param fieldAlias the field alias, or {@code null}
 * @param fieldName the name shown in Feishu Project
 * @param fieldTypeKey the field type, such as {@code select} or {@code multi_user}
 * @param requirement whether it must be set on create
 * @param defaultValue the default value as the service gives it (a JSON-like Java value),
 * or {@code null}
 * @param options the options of select-like fields, empty for others
 */
public record FieldDefinition(String fieldKey, String fieldAlias, String fieldName, String fieldTypeKey,
		Requirement requirement, Object defaultValue, List<FieldOption> options) {

	public FieldDefinition {
		Objects.requireNonNull(fieldKey, "fieldKey");
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(fieldTypeKey, "fieldTypeKey");
		Objects.requireNonNull(requirement, "requirement");
		options = (options == null) ? List.of() : List.copyOf(options);
	}

}
