package fpimport.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The plugin tokens issued so far, each with its expiry. */
final class Tokens {

	private final Duration lifetime;

	private final Map<String, Long> expiries = new ConcurrentHashMap<>();

	Tokens(Duration lifetime) {
		this.lifetime = lifetime;
	}

	/**
	 * Issues a new token: {@code p-} for plugin tokens (type 0), {@code v-} for virtual
	 * ones.
	 */
	String issue(int type) {
		String token = ((type == 1) ? "v-" : "p-") + UUID.randomUUID();
		this.expiries.put(token, System.nanoTime() + this.lifetime.toNanos());
		return token;
	}

	/** The lifetime in whole seconds, as {@code expire_time} reports it; at least 1. */
	long lifetimeSeconds() {
		return Math.max(1, (this.lifetime.toMillis() + 999) / 1000);
	}

	/** Checks the header's token: 10021 when absent, 10022 when unknown or expired. */
	void check(String token) {
		if (token == null || token.isBlank()) {
			throw new ApiError(10021, "X-PLUGIN-TOKEN is missing", "token is missing");
		}
		Long expiry = this.expiries.get(token);
		if (expiry == null || System.nanoTime() - expiry >= 0) {
			throw new ApiError(10022, "X-PLUGIN-TOKEN is invalid or expired", "token is invalid or expired");
		}
	}

	void expireAll() {
		long now = System.nanoTime();
		this.expiries.replaceAll((token, expiry) -> now);
	}

}
