package fpimport.workitem;

import java.util.List;
import java.util.Objects;

/**
 * The rows one relation field of a row names ({@link ReferenceField}): the values, as the
 * cells give them, in order.
 *
 * @param field the relation field
 * @param values the values naming rows, stripped, distinct, in order; one for a single
 * relation
 */
public record Reference(ReferenceField field, List<String> values) {

	public Reference {
		Objects.requireNonNull(field, "field");
		values = List.copyOf(values);
	}

}
