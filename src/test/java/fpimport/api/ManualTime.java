package fpimport.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when told to or when the client pauses; pauses are recorded.
 */
final class ManualTime implements TimeSource {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final List<Duration> pauses = new ArrayList<>();

	@Override
	public synchronized Instant now() {
		return this.now;
	}

	@Override
	public synchronized void sleep(Duration duration) {
		this.pauses.add(duration);
		this.now = this.now.plus(duration);
	}

	synchronized void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	synchronized List<Duration> pauses() {
		return List.copyOf(this.pauses);
	}

}
