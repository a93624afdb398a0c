package fpimport.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The current plugin token: fetched when first needed, reused until 180 s before it
 * expires (as both official SDKs do), and dropped when the service refuses it.
 */
final class PluginTokens {

	static final Duration EARLY_REFRESH = Duration.ofSeconds(180);

	private final Supplier<PluginToken> fetch;

	private final TimeSource time;

	private String token;

	private Instant refreshAt;

	PluginTokens(Supplier<PluginToken> fetch, TimeSource time) {
		this.fetch = Objects.requireNonNull(fetch, "fetch");
		this.time = Objects.requireNonNull(time, "time");
	}

	/** A token that is not about to expire; fetches one when needed. */
	synchronized String current() {
		if (this.token == null || !this.time.now().isBefore(this.refreshAt)) {
			// measured from before the request, so a slow answer cannot stretch the
			// lifetime
			Instant asked = this.time.now();
			PluginToken fresh = this.fetch.get();
			Duration lifetime = Duration.ofSeconds(fresh.expireSeconds()).minus(EARLY_REFRESH);
			this.token = fresh.token();
			this.refreshAt = asked.plus(lifetime.isNegative() ? Duration.ZERO : lifetime);
		}
		return this.token;
	}

	/**
	 * Forgets a token the service refused, unless another thread has already replaced it.
	 */
	synchronized void refused(String stale) {
		if (stale != null && stale.equals(this.token)) {
			this.token = null;
		}
	}

}
