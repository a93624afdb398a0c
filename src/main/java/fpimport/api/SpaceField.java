package fpimport.api;

import java.util.List;
import java.util.Objects;

import fpimport.metadata.FieldOption;

/**
 * A field of a type as {@code field/all} describes it; the {@code template} field's
 * options are the type's templates.
 */
public record SpaceField(String fieldKey, String fieldAlias, String fieldName, String fieldTypeKey, boolean custom,
		List<FieldOption> options) {

	public SpaceField {
		Objects.requireNonNull(fieldKey, "fieldKey");
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(fieldTypeKey, "fieldTypeKey");
		options = (options == null) ? List.of() : List.copyOf(options);
	}

}
