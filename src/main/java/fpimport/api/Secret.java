package fpimport.api;

import java.util.Objects;

/**
 * A secret value, such as the plugin secret. Its {@code toString} hides it, so it never
 * reaches a log line, a report or a message by accident; only {@link #reveal()} gives the
 * text, at the one place that sends it.
 */
public final class Secret {

	private final String value;

	private Secret(String value) {
		this.value = Objects.requireNonNull(value, "value");
	}

	public static Secret of(String value) {
		return new Secret(value);
	}

	/** The secret's text; call it only where the secret is sent. */
	public String reveal() {
		return this.value;
	}

	public boolean isEmpty() {
		return this.value.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Secret secret && secret.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "******";
	}

}
