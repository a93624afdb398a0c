package fpimport.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import fpimport.job.RunProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a bar with rows per second and ETA on a terminal, a plain line
 * every ten seconds elsewhere (logs of cron jobs and CI).
 */
final class ConsoleProgress implements RunProgress {

	private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final PrintWriter err;

	private final boolean terminal;

	private final AtomicLong done = new AtomicLong();

	private volatile long total;

	private volatile long startedNanos;

	private volatile long loggedNanos;

	private ProgressBar bar;

	ConsoleProgress(PrintWriter err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	@Override
	public synchronized void started(long total, long done) {
		this.total = total;
		this.done.set(done);
		this.startedNanos = System.nanoTime();
		this.loggedNanos = this.startedNanos;
		if (this.terminal && this.bar == null) {
			this.bar = new ProgressBarBuilder().setTaskName("rows")
				.setInitialMax(total)
				.setStyle(ProgressBarStyle.ASCII)
				.showSpeed()
				.setUnit(" rows", 1)
				.startsFrom(done, Duration.ZERO)
				.build();
		}
	}

	@Override
	public void advanced(int rows) {
		long now = this.done.addAndGet(rows);
		ProgressBar current = this.bar;
		if (current != null) {
			current.stepTo(now);
			return;
		}
		long nanos = System.nanoTime();
		if (nanos - this.loggedNanos >= LOG_EVERY_NANOS) {
			this.loggedNanos = nanos;
			double seconds = (nanos - this.startedNanos) / 1e9;
			this.err.printf("progress: %d/%d rows, %.1f rows/s%n", now, this.total, (seconds > 0) ? now / seconds : 0);
			this.err.flush();
		}
	}

	@Override
	public synchronized void finished() {
		if (this.bar != null) {
			this.bar.close();
			this.bar = null;
		}
	}

}
