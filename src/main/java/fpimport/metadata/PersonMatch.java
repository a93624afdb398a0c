package fpimport.metadata;

import java.util.Objects;

/**
 * What the text naming a person resolved to: the user, or the problem (unknown, a name
 * shared by several people, resigned or frozen).
 *
 * @param person the text as the cell (or alias) wrote it
 * @param user the person found, or {@code null} when there is a problem
 * @param problem one line saying what is wrong and what to write instead, or {@code null}
 */
public record PersonMatch(String person, User user, String problem) {

	public PersonMatch {
		Objects.requireNonNull(person, "person");
		if ((user == null) == (problem == null)) {
			throw new IllegalArgumentException("a person match has either a user or a problem");
		}
	}

	public boolean found() {
		return this.user != null;
	}

}
