package fpimport.api;

import java.util.Objects;

/**
 * The answer of {@code plugin_token}: the token and its lifetime in seconds. Its
 * {@code toString} hides the token.
 */
record PluginToken(String token, long expireSeconds) {

	PluginToken {
		Objects.requireNonNull(token, "token");
		if (token.isEmpty()) {
			throw new IllegalArgumentException("empty token");
		}
	}

	@Override
	public String toString() {
		return "PluginToken[token=******, expireSeconds=" + this.expireSeconds + "]";
	}

}
