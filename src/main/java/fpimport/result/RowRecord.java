package fpimport.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fpimport.workitem.RowProblem;

/**
 * One source row of a run as stored: its outcome, and a copy of its cells so that it can
 * be retried without the original file. {@code originRunId}/{@code originRowNumber} name
 * the row of the first run it came from (itself, for an import).
 */
public record RowRecord(long runId, long rowNumber, String rowKey, RowStatus status, Long workItemId, Integer errCode,
		String errMsg, List<RowProblem> problems, Map<String, String> cells, String idempotencyKey, int attempts,
		long originRunId, long originRowNumber, Instant createdAt, Instant updatedAt) {

	public RowRecord {
		Objects.requireNonNull(status, "status");
		problems = List.copyOf(problems);
		cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
	}

}
