package fpimport.translation;

/**
 * Turns the text that names a person into a user_key (a {@link Translation} whose value
 * is a String), or the problem with it. The mapping answers from people resolved before
 * the first row.
 */
@FunctionalInterface
public interface People {

	Translation userKey(String person);

	/** People that know nobody: every person is a problem. */
	static People none() {
		return (person) -> Translation.refused("people are not looked up for this field");
	}

}
