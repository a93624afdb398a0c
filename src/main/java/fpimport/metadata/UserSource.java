package fpimport.metadata;

import java.util.Collection;
import java.util.List;

/**
 * Where people are looked up. The {@code find} calls take at most {@value #MAX_BATCH}
 * values; people not found are simply absent from the answer.
 */
public interface UserSource {

	/** The most values one lookup takes ({@code user/query}). */
	int MAX_BATCH = 100;

	List<User> findByEmails(Collection<String> emails);

	List<User> findByUserKeys(Collection<String> userKeys);

	/** People whose names match the query (fuzzy, as {@code user/search} does). */
	List<User> searchByName(String query);

	/**
	 * The people of the space, among whom a name that found nobody may have a near match;
	 * none by default.
	 */
	default List<User> people() {
		return List.of();
	}

}
