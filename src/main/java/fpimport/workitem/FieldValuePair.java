package fpimport.workitem;

import java.util.Objects;

/**
 * One entry of a create or update request: a field key and its value in the JSON shape
 * the Open API expects for the field's type (String, Number, Boolean, List or Map, nested
 * as needed).
 */
public record FieldValuePair(String fieldKey, Object fieldValue) {

	public FieldValuePair {
		Objects.requireNonNull(fieldKey, "fieldKey");
		if (fieldKey.isBlank()) {
			throw new IllegalArgumentException("fieldKey is blank");
		}
	}

}
