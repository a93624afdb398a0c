package fpimport.metadata;

import java.util.Objects;

/**
 * A role of a type's workflow ({@code flow_roles}); {@code role_owners} names it by id.
 */
public record Role(String id, String key, String name, boolean required, boolean multi) {

	public Role {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
	}

}
