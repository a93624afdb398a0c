package fpimport.api;

import java.util.List;
import java.util.Objects;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;

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

	/**
	 * This field as a definition; {@code field/all} does not say whether it is required,
	 * so it counts as optional.
	 */
	public FieldDefinition toDefinition() {
		return new FieldDefinition(this.fieldKey, this.fieldAlias, this.fieldName, this.fieldTypeKey,
				Requirement.OPTIONAL, null, this.options);
	}

}
