package fpimport.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fpimport.api.OpenApiException;
import fpimport.mapping.RowPlan;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.workitem.FpImportException;
import fpimport.workitem.FpImportException.Reason;
import fpimport.workitem.RowProblem;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Turns planned rows into work items and records every outcome. For each row to create it
 * records the intent (IN_FLIGHT, with the idempotency key) before the call and the
 * outcome after it, each in a transaction of its own, so a chunk that rolls back can
 * never send a create again unknowingly. A row's failure is stored, never thrown; only
 * run-level faults (permission, token, an exhausted retry budget) throw, after every call
 * of the chunk has ended.
 */
final class WorkItemWriter implements ItemWriter<PlannedRow>, ItemStream {

	private final RunContext context;

	private ExecutorService calls;

	WorkItemWriter(RunContext context) {
		this.context = context;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		if (this.calls == null) {
			this.calls = Executors.newFixedThreadPool(this.context.settings.concurrency(), (task) -> {
				Thread thread = new Thread(task, "fpimport-call");
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	@Override
	public void close() {
		if (this.calls != null) {
			this.calls.shutdownNow();
			this.calls = null;
		}
	}

	@Override
	public void write(Chunk<? extends PlannedRow> chunk) throws InterruptedException {
		open(null);
		Map<Long, RowRecord> stored = this.context.store.rows(this.context.runId(),
				chunk.getItems().stream().map(PlannedRow::rowNumber).toList());
		List<PlannedRow> pending = new ArrayList<>();
		for (PlannedRow row : chunk) {
			RowRecord before = stored.get(row.rowNumber());
			if (before != null && before.status() != RowStatus.IN_FLIGHT) {
				// finished by an earlier attempt of this run
				continue;
			}
			pending.add(row);
		}
		while (!pending.isEmpty()) {
			pending = writeOnce(pending, stored);
		}
	}

	/**
	 * Writes the rows whose keys are distinct and returns those that repeat a key, to go
	 * next.
	 */
	private List<PlannedRow> writeOnce(List<PlannedRow> rows, Map<Long, RowRecord> stored) throws InterruptedException {
		Map<String, PlannedRow> byKey = new HashMap<>();
		List<PlannedRow> later = new ArrayList<>();
		Map<PlannedRow, Future<RowRecord>> open = new LinkedHashMap<>();
		for (PlannedRow row : rows) {
			RowPlan plan = row.plan();
			if (plan.draft() == null) {
				save(row, RowStatus.INVALID, null, null, null, plan.problems(), null, 0);
				continue;
			}
			if (byKey.putIfAbsent(plan.rowKey(), row) != null) {
				// the same key twice in a chunk: once the first has its item, the ledger
				// decides
				later.add(row);
				continue;
			}
			RowRecord before = stored.get(row.rowNumber());
			Future<RowRecord> call = start(row, before);
			if (call != null) {
				open.put(row, call);
			}
		}
		finish(open);
		return later;
	}

	/** Records what needs no call, or the intent of a call and starts it. */
	private Future<RowRecord> start(PlannedRow row, RowRecord before) {
		RunContext.Prepared prepared = this.context.prepared();
		String rowKey = row.plan().rowKey();
		OptionalLong existing = this.context.store.ledgerItem(prepared.projectKey(), prepared.typeKey(), rowKey);
		boolean update = existing.isPresent() && OnExisting.valueOf(this.context.run.onExisting()) == OnExisting.UPDATE;
		if (existing.isPresent() && !update) {
			save(row, RowStatus.SKIPPED, existing.getAsLong(), null, null, List.of(), null, 0);
			return null;
		}
		if (this.context.run.dryRun()) {
			save(row, RowStatus.VALID, existing.isPresent() ? existing.getAsLong() : null, null, null, List.of(), null,
					0);
			return null;
		}
		String key = (before != null && before.idempotencyKey() != null) ? before.idempotencyKey()
				: IdempotencyKey.of(prepared.projectKey(), prepared.typeKey(), rowKey, row.plan().draft());
		int attempts = ((before == null) ? 0 : before.attempts()) + 1;
		Long itemId = existing.isPresent() ? existing.getAsLong() : null;
		save(row, RowStatus.IN_FLIGHT, itemId, null, null, List.of(), key, attempts);
		return this.calls.submit(() -> call(row, prepared, key, attempts, itemId));
	}

	/** Makes the call and records its outcome; throws only for run-level faults. */
	private RowRecord call(PlannedRow row, RunContext.Prepared prepared, String key, int attempts, Long existingId) {
		String rowKey = row.plan().rowKey();
		try {
			if (existingId != null) {
				this.context.client.update(prepared.projectKey(), prepared.typeKey(), existingId,
						row.plan().draft().fields());
				return save(row, RowStatus.UPDATED, existingId, null, null, List.of(), key, attempts);
			}
			long id = this.context.client.create(prepared.projectKey(), row.plan().draft(), key);
			// the ledger first: after a crash between the two, resume finds the item
			// there
			this.context.store.ledgerPut(prepared.projectKey(), prepared.typeKey(), rowKey, id, this.context.runId());
			return save(row, RowStatus.CREATED, id, null, null, List.of(), key, attempts);
		}
		catch (OpenApiException ex) {
			if (ex.classification() == OpenApiException.Classification.ROW_REJECTED) {
				return save(row, RowStatus.FAILED, existingId, ex.errCode(), ex.errMsg(), List.of(), key, attempts);
			}
			if (ex.classification() == OpenApiException.Classification.IDEMPOTENCY_CONFLICT) {
				// the item may exist: the row stays IN_FLIGHT, and resume reconciles it
				// before anything else
				return save(row, RowStatus.IN_FLIGHT, existingId, ex.errCode(), ex.errMsg(), List.of(), key, attempts);
			}
			// outcome unknown or the run cannot go on: the row stays IN_FLIGHT for resume
			// to reconcile
			throw ex;
		}
	}

	private void finish(Map<PlannedRow, Future<RowRecord>> open) throws InterruptedException {
		RuntimeException runFault = null;
		for (Map.Entry<PlannedRow, Future<RowRecord>> call : open.entrySet()) {
			try {
				call.getValue().get();
			}
			catch (ExecutionException ex) {
				RuntimeException fault = asRunFault(ex.getCause());
				if (runFault == null) {
					runFault = fault;
				}
			}
		}
		if (runFault != null) {
			throw runFault;
		}
	}

	private static RuntimeException asRunFault(Throwable cause) {
		if (cause instanceof OpenApiException api
				&& api.classification() == OpenApiException.Classification.TRANSIENT) {
			return new FpImportException(Reason.REMOTE_REFUSED,
					"the service did not answer after " + api.attempts() + " attempts: " + api.getMessage(),
					"the rows in flight are kept; run 'fpimport resume RUN' when the service is back", api);
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException(cause);
	}

	private RowRecord save(PlannedRow row, RowStatus status, Long itemId, Integer errCode, String errMsg,
			List<RowProblem> problems, String idempotencyKey, int attempts) {
		RowRecord record = new RowRecord(this.context.runId(), row.rowNumber(), row.plan().rowKey(), status, itemId,
				errCode, errMsg, problems, row.source().cells(), idempotencyKey, attempts, row.originRunId(),
				row.originRowNumber(), null, null);
		this.context.store.saveRow(record);
		if (status != RowStatus.IN_FLIGHT) {
			this.context.progress.advanced(1);
		}
		return record;
	}

}
