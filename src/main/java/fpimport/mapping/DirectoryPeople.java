package fpimport.mapping;

import fpimport.metadata.PersonMatch;
import fpimport.metadata.UserDirectory;
import fpimport.translation.People;
import fpimport.translation.Translation;

/**
 * Turns texts naming people into user_keys through the directory looked up for the file's
 * rows; before that lookup, every person is a problem.
 */
final class DirectoryPeople implements People {

	private volatile UserDirectory directory;

	/** The directory the people are found in from now on. */
	void use(UserDirectory found) {
		this.directory = found;
	}

	/** The directory looked up, or {@code null} before. */
	UserDirectory directory() {
		return this.directory;
	}

	/** Whether the file's people were looked up. */
	boolean lookedUp() {
		return this.directory != null;
	}

	@Override
	public Translation userKey(String person) {
		UserDirectory found = this.directory;
		if (found == null) {
			return Translation.refused("people are not looked up yet");
		}
		PersonMatch match = found.find(person);
		return match.found() ? Translation.of(match.user().userKey()) : Translation.refused(match.problem());
	}

}
