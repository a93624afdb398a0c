package fpimport.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code qps} accepted calls in any sliding second per token per API; a sliding
 * log, stricter than a fixed window, which would let twice the limit through at an edge.
 */
final class RateLimit {

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private final int qps;

	private final Map<String, Deque<Long>> logs = new ConcurrentHashMap<>();

	RateLimit(int qps) {
		this.qps = qps;
	}

	/** Accepts the call or throws 10429; refused calls do not count against the limit. */
	void acquire(String token, String api) {
		if (this.qps <= 0) {
			return;
		}
		Deque<Long> log = this.logs.computeIfAbsent(token + '|' + api, (key) -> new ArrayDeque<>());
		synchronized (log) {
			long now = System.nanoTime();
			while (!log.isEmpty() && now - log.peekFirst() >= WINDOW_NANOS) {
				log.pollFirst();
			}
			if (log.size() >= this.qps) {
				throw new ApiError(10429, "request trigger frequency limit, " + this.qps + " QPS per token per API");
			}
			log.addLast(now);
		}
	}

}
