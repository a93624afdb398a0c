package fpimport.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client keeps to the service's 15 requests per second per token and API, however
 * many threads call it. Timing bounds are loose: machines are noisy.
 */
class OpenApiClientRateLimitTest {

	@Test
	void threadsTogetherStayNearFifteenPerSecond() throws Exception {
		try (ScriptedServer server = new ScriptedServer()) {
			server.otherwise(Reply.ok("[]"));
			OpenApiClient client = new OpenApiClient(server.settings().withQps(ApiSettings.DEFAULT_QPS));
			int calls = 45;
			AtomicInteger left = new AtomicInteger(calls);
			ExecutorService threads = Executors.newFixedThreadPool(6);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				done.add(threads.submit(() -> {
					while (left.getAndDecrement() > 0) {
						client.types("doc");
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
			threads.shutdown();

			List<Long> times = server.businessRequests().stream().map(Recorded::nanos).sorted().toList();
			assertThat(times).hasSize(calls);
			assertThat(server.tokensIssued()).as("one token fetched for all threads").isEqualTo(1);
			// 45 requests at 15/s need about 3 s: far more than the few ms they take
			// unthrottled
			long spread = times.get(times.size() - 1) - times.get(0);
			assertThat(Duration.ofNanos(spread)).isGreaterThan(Duration.ofMillis(2000));
			assertThat(maxInOneSecond(times)).isLessThanOrEqualTo(ApiSettings.DEFAULT_QPS + 3);
		}
	}

	@Test
	void eachApiHasItsOwnBucket() throws InterruptedException {
		RateLimiter limiter = new RateLimiter(1);
		Endpoint create = Endpoint.CREATE;
		Endpoint meta = Endpoint.META;

		limiter.acquire("token", create);
		long started = System.nanoTime();
		limiter.acquire("token", meta);
		limiter.acquire("other-token", create);
		Duration independent = Duration.ofNanos(System.nanoTime() - started);
		limiter.acquire("token", create);
		Duration shared = Duration.ofNanos(System.nanoTime() - started);

		assertThat(independent).isLessThan(Duration.ofMillis(500));
		assertThat(shared).isGreaterThan(Duration.ofMillis(700));
	}

	@Test
	void retriesTakeAPermitToo() throws Exception {
		try (ScriptedServer server = new ScriptedServer()) {
			for (int i = 0; i < 5; i++) {
				server.reply(Reply.error(429, 10429, "too many requests", null));
			}
			server.reply(Reply.ok("[]"));
			ApiSettings settings = server.settings()
				.withQps(5)
				.withRetry(new ApiSettings.RetryPolicy(10, Duration.ofSeconds(60), Duration.ofNanos(1),
						Duration.ofNanos(1)));
			OpenApiClient client = new OpenApiClient(settings, new ManualTime(), () -> 0.0);

			client.types("doc");

			List<Long> times = server.businessRequests().stream().map(Recorded::nanos).toList();
			assertThat(times).hasSize(6);
			// six attempts at 5/s: the pauses of the retry are zero, the limiter spaces
			// them
			assertThat(Duration.ofNanos(times.get(5) - times.get(0))).isGreaterThan(Duration.ofMillis(700));
		}
	}

	private static int maxInOneSecond(List<Long> sortedNanos) {
		int max = 0;
		int from = 0;
		for (int to = 0; to < sortedNanos.size(); to++) {
			while (sortedNanos.get(to) - sortedNanos.get(from) >= 1_000_000_000L) {
				from++;
			}
			max = Math.max(max, to - from + 1);
		}
		return max;
	}

}
