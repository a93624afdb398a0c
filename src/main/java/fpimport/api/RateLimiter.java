package fpimport.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * The client side of the service's limit: at most {@code qps} requests per second per
 * token and API. A blocking token bucket per (token, path template), shared by all
 * threads.
 */
final class RateLimiter {

	private final int qps;

	private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(int qps) {
		if (qps < 1) {
			throw new IllegalArgumentException("qps must be 1 or more: " + qps);
		}
		this.qps = qps;
	}

	/** Waits for a permit to send one request with this token to this endpoint. */
	void acquire(String token, Endpoint endpoint) throws InterruptedException {
		Key key = new Key((token != null) ? token : "", endpoint.template());
		this.buckets.computeIfAbsent(key, (any) -> newBucket()).asBlocking().consume(1);
	}

	/** Drops the buckets of a token that is no longer used. */
	void forget(String token) {
		this.buckets.keySet().removeIf((key) -> key.token().equals(token));
	}

	private Bucket newBucket() {
		// one permit every 1/qps s and no burst: a bucket of qps permits would let up to
		// 2*qps requests into one second and draw 10429 from a windowed server limit
		// and a 2% slack: requests leave here evenly spaced but reach the server with
		// jitter,
		// and a sliding-second limit counts 16 when 16 evenly spaced ones arrive a little
		// early
		Duration interval = Duration.ofNanos(1_020_000_000L / this.qps);
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, interval).initialTokens(1).build())
			.build();
	}

	private record Key(String token, String template) {

	}

}
