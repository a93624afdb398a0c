package fpimport.metadata;

import java.util.Objects;

/** A workflow template of a type ({@code template_list}); its id arrives as a string. */
public record Template(String id, String name, boolean disabled) {

	public Template {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
	}

}
