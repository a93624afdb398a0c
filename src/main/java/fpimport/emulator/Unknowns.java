package fpimport.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the Open API documents leave open, as knobs a test or a demo sets to one answer or
 * another, changeable while the emulator runs: how long after a create the item is found
 * by search, what a repeated {@code X-IDEM-UUID} answers, how long such a key lives, and
 * search params a space refuses although others accept them. The defaults are the
 * emulator's guesses; {@code docs/emulator.md} says so.
 */
public final class Unknowns {

	/** What an identical repeat of a keyed write answers. */
	public enum Replay {

		/** The first answer again: the id of the item already created. */
		FIRST_ANSWER,
		/** 429 / 10430, as for a conflicting reuse of the key. */
		CONFLICT

	}

	/** How long a key is remembered unless set: a day (assumed). */
	public static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(1);

	private volatile Duration searchLag = Duration.ZERO;

	private volatile Replay replay = Replay.FIRST_ANSWER;

	private volatile Duration keyLifetime = DEFAULT_KEY_LIFETIME;

	private volatile Set<String> refusedSearchParams = Set.of();

	/**
	 * Items become visible to {@code search/params} and {@code filter} only this long
	 * after their creation; {@code query} by id sees them at once.
	 */
	public Unknowns searchLag(Duration lag) {
		Objects.requireNonNull(lag, "lag");
		if (lag.isNegative()) {
			throw new IllegalArgumentException("the search lag must not be negative");
		}
		this.searchLag = lag;
		return this;
	}

	/** What an identical repeat of a keyed write answers. */
	public Unknowns replay(Replay replay) {
		this.replay = Objects.requireNonNull(replay, "replay");
		return this;
	}

	/** How long an {@code X-IDEM-UUID} is remembered after its first write. */
	public Unknowns keyLifetime(Duration lifetime) {
		Objects.requireNonNull(lifetime, "lifetime");
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("the key lifetime must be positive");
		}
		this.keyLifetime = lifetime;
		return this;
	}

	/**
	 * Search param keys this space answers with 20068 although they are documented, as a
	 * space may for some types (20065 state flow, 20071 people on issues).
	 */
	public Unknowns refuseSearchParams(Set<String> paramKeys) {
		this.refusedSearchParams = Set.copyOf(paramKeys);
		return this;
	}

	/** Back to the defaults. */
	public Unknowns reset() {
		this.searchLag = Duration.ZERO;
		this.replay = Replay.FIRST_ANSWER;
		this.keyLifetime = DEFAULT_KEY_LIFETIME;
		this.refusedSearchParams = Set.of();
		return this;
	}

	public Duration searchLag() {
		return this.searchLag;
	}

	public Replay replay() {
		return this.replay;
	}

	public Duration keyLifetime() {
		return this.keyLifetime;
	}

	public Set<String> refusedSearchParams() {
		return this.refusedSearchParams;
	}

}
