package fpimport.job;

import java.nio.file.Path;
import java.util.Objects;

import fpimport.result.RowFilter;

/**
 * A retry of the rows of a finished run that did not succeed.
 *
 * @param parentRunId the run whose rows are retried
 * @param mapping the mapping file to use, or {@code null} for the run's own mapping
 * @param projectOverride the project that replaces the mapping's, or {@code null}
 * @param filter which of the rows that did not succeed to take
 */
public record RetryRequest(long parentRunId, Path mapping, String projectOverride, RowFilter filter) {

	public RetryRequest {
		Objects.requireNonNull(filter, "filter");
	}

}
