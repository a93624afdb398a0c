package fpimport.metadata;

import java.util.List;
import java.util.Objects;

/**
 * An option of a select-like field: the label users see, the option id the Open API takes
 * ({@code value}, CW-7), whether it is disabled, and its children for cascading (tree)
 * fields.
 */
public record FieldOption(String label, String value, boolean disabled, List<FieldOption> children) {

	public FieldOption {
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(value, "value");
		children = (children == null) ? List.of() : List.copyOf(children);
	}

}
