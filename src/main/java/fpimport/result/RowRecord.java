package fpimport.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fpimport.workitem.RowCells;
import fpimport.workitem.RowProblem;

/**
 * One source row of a run as stored: its outcome, and a copy of its cells so that it can
 * be retried without the original file. {@code originRunId}/{@code originRowNumber} name
 * the row of the first run it came from (itself, for an import). {@code lastWriteAt} is
 * when the run's last write to the item (its create or update) was answered, on this
 * machine's clock, or {@code null} when unknown; storing {@code null} keeps what was
 * stored.
 */
public record RowRecord(long runId, long rowNumber, String rowKey, RowStatus status, Long workItemId, Integer errCode,
		String errMsg, List<RowProblem> problems, Map<String, String> cells, String idempotencyKey, int attempts,
		long originRunId, long originRowNumber, Instant createdAt, Instant updatedAt, Instant lastWriteAt) {

	public RowRecord {
		Objects.requireNonNull(status, "status");
		problems = List.copyOf(problems);
		// a source row's cells are already unmodifiable and in header order: kept as
		// they are rather than copied for every row again
		cells = (cells instanceof RowCells || cells.getClass() == ORDERED_UNMODIFIABLE) ? cells
				: java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
	}

	private static final Class<?> ORDERED_UNMODIFIABLE = java.util.Collections
		.unmodifiableMap(new java.util.LinkedHashMap<>())
		.getClass();

	/** A row without a time of the run's last write to its item. */
	public RowRecord(long runId, long rowNumber, String rowKey, RowStatus status, Long workItemId, Integer errCode,
			String errMsg, List<RowProblem> problems, Map<String, String> cells, String idempotencyKey, int attempts,
			long originRunId, long originRowNumber, Instant createdAt, Instant updatedAt) {
		this(runId, rowNumber, rowKey, status, workItemId, errCode, errMsg, problems, cells, idempotencyKey, attempts,
				originRunId, originRowNumber, createdAt, updatedAt, null);
	}

	/**
	 * The same row, the run's last write to its item answered at this time (a rollback
	 * keeps an item changed after it).
	 */
	public RowRecord writtenAt(Instant at) {
		return new RowRecord(this.runId, this.rowNumber, this.rowKey, this.status, this.workItemId, this.errCode,
				this.errMsg, this.problems, this.cells, this.idempotencyKey, this.attempts, this.originRunId,
				this.originRowNumber, this.createdAt, this.updatedAt, at);
	}

	/** The same row with another outcome, as a rollback records it. */
	public RowRecord withOutcome(RowStatus newStatus, Integer newErrCode, String newErrMsg) {
		return new RowRecord(this.runId, this.rowNumber, this.rowKey, newStatus, this.workItemId, newErrCode, newErrMsg,
				this.problems, this.cells, this.idempotencyKey, this.attempts, this.originRunId, this.originRowNumber,
				this.createdAt, this.updatedAt, this.lastWriteAt);
	}

}
