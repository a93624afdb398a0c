package fpimport.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.metadata.PersonForm;
import fpimport.metadata.UserDirectory;

/**
 * How cells name people ({@code users:}).
 *
 * @param match the forms tried in order
 * @param aliases a text naming a person to the e-mail, name or user_key to look up
 * instead
 */
public record UserSettings(List<PersonForm> match, Map<String, String> aliases) {

	/** E-mail, then name, then user_key; no aliases. */
	public static final UserSettings DEFAULT = new UserSettings(UserDirectory.DEFAULT_MATCH, Map.of());

	public UserSettings {
		match = List.copyOf(match);
		if (match.isEmpty()) {
			throw new IllegalArgumentException("match names no form");
		}
		aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
	}

}
