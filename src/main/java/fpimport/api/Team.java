package fpimport.api;

import java.util.List;
import java.util.Objects;

/** A team of the space ({@code teams/all}) and its members' user keys. */
public record Team(String teamId, String teamName, List<String> userKeys) {

	public Team {
		Objects.requireNonNull(teamId, "teamId");
		userKeys = (userKeys == null) ? List.of() : List.copyOf(userKeys);
	}

}
