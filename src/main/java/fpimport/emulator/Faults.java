package fpimport.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault knobs of one emulator, changeable while it runs from any thread: latency, shares
 * of 50006 and gateway answers, creates, steps and updates whose answer is dropped,
 * creates refused by name, and token expiry. Each share is a probability 0..1 rolled on a
 * seedable {@link Random}.
 */
public final class Faults {

	private final Random random;

	private final Tokens tokens;

	private volatile Duration latency = Duration.ZERO;

	private volatile Duration jitter = Duration.ZERO;

	private volatile double serverErrorShare;

	private volatile double gatewayErrorShare;

	private volatile double droppedCreateShare;

	private volatile double droppedStepShare;

	private volatile double droppedUpdateShare;

	private final Map<String, ApiError> refusedNames = new ConcurrentHashMap<>();

	Faults(long seed, Tokens tokens) {
		this.random = new Random(seed);
		this.tokens = tokens;
	}

	/**
	 * Delays every API answer by {@code fixed} plus a uniform random part up to
	 * {@code jitter}.
	 */
	public Faults latency(Duration fixed, Duration jitter) {
		requireNotNegative(fixed, "fixed");
		requireNotNegative(jitter, "jitter");
		this.latency = fixed;
		this.jitter = jitter;
		return this;
	}

	/**
	 * Answers this share of API calls with HTTP 500 and err_code 50006 "openapi system
	 * err, please try again later", before anything happens.
	 */
	public Faults serverErrors(double share) {
		this.serverErrorShare = checkShare(share);
		return this;
	}

	/**
	 * Answers this share of API calls with HTTP 502 or 504 and an HTML body, as a gateway
	 * does, before anything happens.
	 */
	public Faults gatewayErrors(double share) {
		this.gatewayErrorShare = checkShare(share);
		return this;
	}

	/**
	 * Stores this share of successful creates but closes the connection without an
	 * answer.
	 */
	public Faults droppedCreates(double share) {
		this.droppedCreateShare = checkShare(share);
		return this;
	}

	/**
	 * Carries out this share of successful steps after a create (state change, node
	 * completion, abort, comment, upload) but closes the connection without an answer.
	 */
	public Faults droppedSteps(double share) {
		this.droppedStepShare = checkShare(share);
		return this;
	}

	/**
	 * Carries out this share of successful updates ({@code PUT work_item/:type/:id}) but
	 * closes the connection without an answer.
	 */
	public Faults droppedUpdates(double share) {
		this.droppedUpdateShare = checkShare(share);
		return this;
	}

	/**
	 * Refuses every create of an item of this name with this error code and message, as
	 * the service refuses one row for a reason of its own (nothing is stored), until
	 * {@link #acceptCreatesNamed} or {@link #reset}.
	 */
	public Faults refuseCreatesNamed(String name, int errCode, String errMsg) {
		this.refusedNames.put(Objects.requireNonNull(name, "name"), new ApiError(errCode, errMsg));
		return this;
	}

	/** Takes creates of an item of this name again. */
	public Faults acceptCreatesNamed(String name) {
		this.refusedNames.remove(name);
		return this;
	}

	/** Makes every token issued so far expired; the next call with one answers 10022. */
	public Faults expireAllTokens() {
		this.tokens.expireAll();
		return this;
	}

	/** Restarts the dice from this seed, so a test sees the same faults each run. */
	public Faults reseed(long seed) {
		synchronized (this.random) {
			this.random.setSeed(seed);
		}
		return this;
	}

	/** Turns every fault off. */
	public Faults reset() {
		this.latency = Duration.ZERO;
		this.jitter = Duration.ZERO;
		this.serverErrorShare = 0;
		this.gatewayErrorShare = 0;
		this.droppedCreateShare = 0;
		this.droppedStepShare = 0;
		this.droppedUpdateShare = 0;
		this.refusedNames.clear();
		return this;
	}

	public Duration latency() {
		return this.latency;
	}

	public Duration jitter() {
		return this.jitter;
	}

	public double serverErrorShare() {
		return this.serverErrorShare;
	}

	public double gatewayErrorShare() {
		return this.gatewayErrorShare;
	}

	public double droppedCreateShare() {
		return this.droppedCreateShare;
	}

	long delayMillis() {
		long fixed = this.latency.toMillis();
		long spread = this.jitter.toMillis();
		if (spread <= 0) {
			return fixed;
		}
		synchronized (this.random) {
			return fixed + (long) (this.random.nextDouble() * (spread + 1));
		}
	}

	boolean rollServerError() {
		return roll(this.serverErrorShare);
	}

	boolean rollGatewayError() {
		return roll(this.gatewayErrorShare);
	}

	boolean rollDroppedCreate() {
		return roll(this.droppedCreateShare);
	}

	boolean rollDroppedStep() {
		return roll(this.droppedStepShare);
	}

	boolean rollDroppedUpdate() {
		return roll(this.droppedUpdateShare);
	}

	/** The refusal of a create of an item of this name, if one is set. */
	Optional<ApiError> refusal(String name) {
		return Optional.ofNullable(this.refusedNames.get(name));
	}

	boolean coin() {
		return roll(0.5);
	}

	private boolean roll(double share) {
		if (share <= 0) {
			return false;
		}
		synchronized (this.random) {
			return this.random.nextDouble() < share;
		}
	}

	private static double checkShare(double share) {
		if (!(share >= 0 && share <= 1)) {
			throw new IllegalArgumentException("a share must be within 0..1, was " + share);
		}
		return share;
	}

	private static void requireNotNegative(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative");
		}
	}

}
