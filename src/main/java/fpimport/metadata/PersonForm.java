package fpimport.metadata;

import java.util.Arrays;
import java.util.Optional;

/** How a cell may name a person: by e-mail, by name, or by user_key. */
public enum PersonForm {

	EMAIL("email"), NAME("name"), USER_KEY("user_key");

	private final String word;

	PersonForm(String word) {
		this.word = word;
	}

	/** The word the mapping uses in {@code users.match}. */
	public String word() {
		return this.word;
	}

	/** The form a {@code users.match} word names, if any. */
	public static Optional<PersonForm> of(String word) {
		return Arrays.stream(values()).filter((form) -> form.word.equals(word)).findFirst();
	}

}
