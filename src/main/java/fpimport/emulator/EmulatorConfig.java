package fpimport.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link OpenApiEmulator}: port (0 = a free one), space, rate limit per
 * token per API (0 = none), token lifetime, and the seed of the fault dice.
 */
public record EmulatorConfig(int port, SpaceFixture fixture, int qps, Duration tokenLifetime, long seed) {

	/** The real service's rate limit: 15 requests per second per token per API. */
	public static final int DEFAULT_QPS = 15;

	/** The lifetime the real service gives a plugin token. */
	public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(7200);

	public EmulatorConfig {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535, was " + port);
		}
		Objects.requireNonNull(fixture, "fixture");
		if (qps < 0) {
			throw new IllegalArgumentException("qps must be >= 0, was " + qps);
		}
		Objects.requireNonNull(tokenLifetime, "tokenLifetime");
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("tokenLifetime must be positive");
		}
	}

	/** The demo space on a free port with the real service's limits. */
	public static EmulatorConfig demo() {
		return of(SpaceFixture.demo());
	}

	/** This space on a free port with the real service's limits. */
	public static EmulatorConfig of(SpaceFixture fixture) {
		return new EmulatorConfig(0, fixture, DEFAULT_QPS, DEFAULT_TOKEN_LIFETIME, 1L);
	}

	public EmulatorConfig withPort(int port) {
		return new EmulatorConfig(port, this.fixture, this.qps, this.tokenLifetime, this.seed);
	}

	public EmulatorConfig withQps(int qps) {
		return new EmulatorConfig(this.port, this.fixture, qps, this.tokenLifetime, this.seed);
	}

	public EmulatorConfig withTokenLifetime(Duration tokenLifetime) {
		return new EmulatorConfig(this.port, this.fixture, this.qps, tokenLifetime, this.seed);
	}

	public EmulatorConfig withSeed(long seed) {
		return new EmulatorConfig(this.port, this.fixture, this.qps, this.tokenLifetime, seed);
	}

}
