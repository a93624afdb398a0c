package fpimport.api;

import java.util.List;

import fpimport.metadata.FieldDefinition;

/**
 * The answer of {@code meta}: the fields that can be written on create, and how the
 * {@code role_owners} field assigns each role.
 */
public record CreateMeta(List<FieldDefinition> fields, List<RoleAssignment> roleAssignments) {

	public CreateMeta {
		fields = List.copyOf(fields);
		roleAssignments = List.copyOf(roleAssignments);
	}

}
