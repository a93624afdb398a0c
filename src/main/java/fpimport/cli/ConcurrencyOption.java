package fpimport.cli;

import fpimport.job.JobSettings;
import picocli.CommandLine.Option;

/**
 * {@code --concurrency}: how many calls a command keeps in flight at once, for the
 * commands that send many creates or deletes. The rate limit of {@link RateOption} still
 * holds.
 */
final class ConcurrencyOption {

	@Option(names = "--concurrency", paramLabel = "N", converter = PositiveNumber.class,
			defaultValue = "" + JobSettings.DEFAULT_CONCURRENCY,
			description = "calls in flight at once (default ${DEFAULT-VALUE}); the rate limit still holds")
	int concurrency;

}
