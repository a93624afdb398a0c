package fpimport.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the pause the client waits with; tests replace it so retries and token
 * expiry run without waiting.
 */
interface TimeSource {

	TimeSource SYSTEM = new TimeSource() {

		@Override
		public Instant now() {
			return Instant.now();
		}

		@Override
		public void sleep(Duration duration) throws InterruptedException {
			Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
		}

	};

	Instant now();

	void sleep(Duration duration) throws InterruptedException;

}
