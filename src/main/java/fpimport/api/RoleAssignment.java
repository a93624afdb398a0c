package fpimport.api;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code role_assign} in the create metadata: a role, whether it appears by
 * default, how members are assigned, and its default members.
 *
 * @param role the role id, as {@code role_owners} names it
 * @param name the role's name
 * @param defaultAppear whether the role appears on a new item by default
 * @param memberAssign the service's member assignment code
 * @param members the default members' user keys
 */
public record RoleAssignment(String role, String name, boolean defaultAppear, int memberAssign, List<String> members) {

	public RoleAssignment {
		Objects.requireNonNull(role, "role");
		members = (members == null) ? List.of() : List.copyOf(members);
	}

}
