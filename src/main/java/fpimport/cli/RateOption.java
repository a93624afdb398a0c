package fpimport.cli;

import fpimport.api.ApiSettings;
import picocli.CommandLine.Option;

/**
 * {@code --qps}: how many requests per second per API the client sends, for every command
 * that calls the service with more than a handful of requests.
 */
final class RateOption {

	@Option(names = "--qps", paramLabel = "N", converter = PositiveNumber.class,
			defaultValue = "" + ApiSettings.DEFAULT_QPS,
			description = "requests per second per API, the service's limit (default ${DEFAULT-VALUE})")
	int qps;

}
