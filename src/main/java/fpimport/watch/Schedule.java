package fpimport.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a watcher looks at its inbox: every so often, or at the times of a cron
 * expression.
 */
public final class Schedule {

	private final Duration every;

	private final CronExpression cron;

	private final String text;

	private final ZoneId zone;

	private Schedule(Duration every, CronExpression cron, String text, ZoneId zone) {
		this.every = every;
		this.cron = cron;
		this.text = text;
		this.zone = zone;
	}

	/** A look at the start, then one every {@code interval}. */
	public static Schedule every(Duration interval) {
		Objects.requireNonNull(interval, "interval");
		if (interval.isNegative() || interval.isZero()) {
			throw new FpImportException(Reason.USAGE, "--every must be longer than zero", "for example --every 10m");
		}
		return new Schedule(interval, null, "every " + interval.toString().substring(2).toLowerCase(), null);
	}

	/**
	 * Looks at the times of a six-field cron expression (second minute hour day month
	 * weekday) in the machine's time zone.
	 */
	public static Schedule cron(String expression, ZoneId zone) {
		try {
			return new Schedule(null, CronExpression.parse(expression.strip()), "cron '" + expression.strip() + "'",
					zone);
		}
		catch (IllegalArgumentException ex) {
			throw new FpImportException(Reason.USAGE, "--cron '" + expression + "': " + ex.getMessage(),
					"six fields: second minute hour day-of-month month day-of-week, e.g. \"0 0 2 * * *\" for 02:00 daily");
		}
	}

	/**
	 * Whether the first look is at the start (an interval), not at the first cron time.
	 */
	boolean looksAtStart() {
		return this.every != null;
	}

	/** The time of the next look after {@code now}. */
	Instant next(Instant now) {
		if (this.every != null) {
			return now.plus(this.every);
		}
		ZonedDateTime next = this.cron.next(now.atZone(this.zone));
		if (next == null) {
			throw new FpImportException(Reason.USAGE, "the " + this.text + " never matches again", null);
		}
		return next.toInstant();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
