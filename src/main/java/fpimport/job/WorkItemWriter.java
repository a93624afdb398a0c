package fpimport.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fpimport.api.OpenApiException;
import fpimport.mapping.RowPlan;
import fpimport.result.LedgerEntry;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.SetReference;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.RowProblem;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.Reference;
import fpimport.workitem.ReferenceField;
import fpimport.workitem.WorkItemDraft;
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

	/** The service's answer when a work item named in the create does not exist. */
	private static final int WORK_ITEM_NOT_FOUND = 30005;

	private final RunContext context;

	/** For a dry run: whether the ledger holds nothing of its project and type. */
	private Boolean ledgerEmpty;

	private final RowSteps steps;

	/**
	 * Whether the run had no row stored when this execution of the rows step started: its
	 * chunks then find none of their rows stored before them, and do not ask.
	 */
	private boolean nothingStored;

	private ExecutorService calls;

	WorkItemWriter(RunContext context) {
		this.context = context;
		this.steps = new RowSteps(context);
	}

	/**
	 * Starts an execution of the rows step (an import's, not a dry run's): whether the
	 * run has stored any row yet, before the first chunk. A run that has none, as every
	 * run has when its rows step starts for the first time, stores each row once, in its
	 * chunk: no chunk of this execution can find a row stored before it.
	 */
	void startStep() {
		this.nothingStored = this.context.store.counts(this.context.runId()).total() == 0;
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
		// a dry run validates every row again when resumed (DryRunRows)
		Map<Long, RowRecord> stored = (this.context.dryRunRows != null || this.nothingStored) ? Map.of()
				: this.context.store.rows(this.context.runId(),
						chunk.getItems().stream().map(PlannedRow::rowNumber).toList());
		List<PlannedRow> pending = new ArrayList<>();
		for (PlannedRow row : chunk) {
			RowRecord before = stored.get(row.rowNumber());
			if (before != null && before.status() != RowStatus.IN_FLIGHT && before.status() != RowStatus.PARTIAL) {
				// finished by an earlier attempt of this run
				continue;
			}
			pending.add(row);
		}
		// a chunk may hold the end of one wave and the start of the next: each wave's
		// rows are written before the next's, which may name them
		ReferenceGraph graph = this.context.prepared().references();
		Map<Integer, List<PlannedRow>> waves = new TreeMap<>();
		for (PlannedRow row : pending) {
			waves.computeIfAbsent(graph.wave(row.rowNumber()), (wave) -> new ArrayList<>()).add(row);
		}
		List<RowRecord> noCall = new ArrayList<>();
		boolean firstPass = true;
		for (List<PlannedRow> wave : waves.values()) {
			List<PlannedRow> rows = wave;
			while (!rows.isEmpty()) {
				rows = writeOnce(rows, stored, noCall, firstPass && waves.size() == 1);
				firstPass = false;
			}
		}
		if (this.context.dryRunRows != null) {
			this.context.dryRunRows.endChunk();
		}
		else {
			this.context.streamedReport.chunk(noCall, noCall.size() == chunk.size());
		}
	}

	/**
	 * Whether a dry run can leave the ledger alone: it holds nothing of the run's project
	 * and type (asked once; a dry run adds nothing to it).
	 */
	private boolean ledgerEmpty(RunContext.Prepared prepared) {
		if (!this.context.run.dryRun()) {
			return false;
		}
		if (this.ledgerEmpty == null) {
			this.ledgerEmpty = !this.context.store.hasLedgerEntries(prepared.projectKey(), prepared.typeKey());
		}
		return this.ledgerEmpty;
	}

	/**
	 * Writes the rows whose keys are distinct and returns those that repeat a key, to go
	 * next; the outcomes of the rows that need no call go into {@code noCall} too.
	 * @param firstOfOne whether this is the chunk's first pass and no other wave follows
	 */
	private List<PlannedRow> writeOnce(List<PlannedRow> rows, Map<Long, RowRecord> stored, List<RowRecord> noCall,
			boolean firstOfOne) throws InterruptedException {
		RunContext.Prepared prepared = this.context.prepared();
		Map<String, PlannedRow> byKey = new HashMap<>();
		List<PlannedRow> later = new ArrayList<>();
		List<PlannedRow> now = new ArrayList<>();
		for (PlannedRow row : rows) {
			if (row.plan().draft() != null && byKey.putIfAbsent(row.plan().rowKey(), row) != null) {
				// the same key twice in a chunk: once the first has its item, the ledger
				// decides
				later.add(row);
			}
			else {
				now.add(row);
			}
		}
		Map<String, LedgerEntry> ledger = ledgerEmpty(prepared) ? Map.of()
				: this.context.store.ledgerEntries(prepared.projectKey(), prepared.typeKey(), byKey.keySet());
		List<RowRecord> records = new ArrayList<>();
		List<Call> calls = new ArrayList<>();
		Map<Long, RowRecord> named = namedRows(now, prepared.references());
		for (PlannedRow row : now) {
			int before = records.size();
			Call call = decide(row, stored.get(row.rowNumber()), ledger.get(row.plan().rowKey()), named, records);
			if (call != null) {
				calls.add(call);
			}
			else {
				noCall.addAll(records.subList(before, records.size()));
			}
		}
		if (this.context.dryRunRows != null) {
			this.context.dryRunRows.save(records);
		}
		else if (calls.isEmpty() && firstOfOne && later.isEmpty()) {
			// the chunk's only pass, and no row needs a call: its outcomes are committed
			// with the chunk, and with how far the run has read, or not at all
			this.context.store.saveRowsInCallersTransaction(records);
		}
		else {
			// outcomes that need no call and the intents of the calls, committed together
			// before any call; a pass after it in this chunk commits its own
			this.context.store.saveRows(records);
		}
		this.context.progress.advanced((int) records.stream().filter((r) -> r.status() != RowStatus.IN_FLIGHT).count());
		Map<PlannedRow, Future<RowRecord>> open = new LinkedHashMap<>();
		for (Call call : calls) {
			open.put(call.row(), this.calls.submit(() -> call(call, prepared)));
		}
		finish(open);
		return later;
	}

	/**
	 * Decides what a row needs: its record (an outcome, or the intent of a call) goes
	 * into {@code records}; the call to make, if any, is returned.
	 */
	private Call decide(PlannedRow row, RowRecord before, LedgerEntry known, Map<Long, RowRecord> named,
			List<RowRecord> records) {
		RowPlan plan = row.plan();
		if (plan.draft() == null) {
			records.add(record(row, RowStatus.INVALID, null, null, null, plan.problems(), null, 0));
			return null;
		}
		boolean inFlight = before != null && before.status() == RowStatus.IN_FLIGHT;
		// an item that exists gets its references by the link pass, not by a create
		boolean stepsLeft = (!plan.after().none() || !plan.references().isEmpty()) && !this.context.run.dryRun();
		if (stepsLeft && before != null && before.status() == RowStatus.PARTIAL && before.workItemId() != null) {
			// created by this run, its steps not all done: only the missing ones
			records.add(record(row, RowStatus.PARTIAL, before.workItemId(), before.errCode(), before.errMsg(),
					List.of(), before.idempotencyKey(), before.attempts()));
			return new Call(row, before.idempotencyKey(), before.attempts(), before.workItemId(), true);
		}
		if (stepsLeft && known != null
				&& (inFlight && known.runId() == this.context.runId() || row.originRunId() != this.context.runId())) {
			// created just before the run stopped, or a row retried whose item exists:
			// the steps after its create, never the create
			String key = (before != null) ? before.idempotencyKey() : null;
			int attempts = (before != null) ? before.attempts() : 0;
			records
				.add(record(row, RowStatus.PARTIAL, known.workItemId(), null, STEPS_PENDING, List.of(), key, attempts));
			return new Call(row, key, attempts, known.workItemId(), true);
		}
		if (known != null && inFlight && known.runId() == this.context.runId()) {
			// created by this run just before it stopped: the ledger was written, the
			// outcome was not
			records.add(record(row, RowStatus.CREATED, known.workItemId(), null, null, List.of(),
					before.idempotencyKey(), before.attempts()));
			return null;
		}
		boolean update = known != null && OnExisting.valueOf(this.context.run.onExisting()) == OnExisting.UPDATE;
		if (known != null && !update) {
			records.add(record(row, RowStatus.SKIPPED, known.workItemId(), null, null, List.of(), null, 0));
			return null;
		}
		Long itemId = (known != null) ? known.workItemId() : null;
		if (!plan.references().isEmpty()) {
			// the ids of the rows it names, written in an earlier wave, or why it cannot
			// be written
			Settled settled = settle(row, named);
			if (settled.blocked() != null) {
				records.add(record(row, RowStatus.BLOCKED, itemId, null, settled.blocked(), List.of(), null, 0));
				return null;
			}
			row = settled.row();
			plan = row.plan();
		}
		if (this.context.run.dryRun()) {
			records.add(record(row, RowStatus.VALID, itemId, null, null, List.of(), null, 0));
			return null;
		}
		RunContext.Prepared prepared = this.context.prepared();
		String key = (inFlight && before.idempotencyKey() != null) ? before.idempotencyKey()
				: IdempotencyKey.of(prepared.projectKey(), prepared.typeKey(), plan.rowKey(), plan.draft());
		int attempts = ((before == null) ? 0 : before.attempts()) + 1;
		records.add(record(row, RowStatus.IN_FLIGHT, itemId, null, null, List.of(), key, attempts));
		return new Call(row, key, attempts, itemId, false);
	}

	/** The stored outcomes of the rows of this run that these rows name. */
	private Map<Long, RowRecord> namedRows(List<PlannedRow> rows, ReferenceGraph graph) {
		List<Reference> references = new ArrayList<>();
		rows.forEach((row) -> references.addAll(row.plan().references()));
		Set<Long> named = ReferencedItems.namedRows(references, graph);
		return named.isEmpty() ? Map.of() : this.context.store.rows(this.context.runId(), named);
	}

	/** Records what the relation fields naming rows were set to by the row's write. */
	private void saveReferences(PlannedRow row) {
		for (Reference reference : row.plan().references()) {
			ReferenceField field = reference.field();
			row.plan()
				.draft()
				.fields()
				.stream()
				.filter((pair) -> pair.fieldKey().equals(field.fieldKey()))
				.findFirst()
				.ifPresent((pair) -> this.context.store.steps()
					.saveReference(new SetReference(this.context.runId(), row.rowNumber(), field.fieldKey(),
							field.fieldName(), field.typeKey(), reference.values(), LinkStep.ids(pair.fieldValue()))));
		}
	}

	/** A row with the ids its references stand for in its draft, or why it is blocked. */
	private record Settled(PlannedRow row, String blocked) {
	}

	/**
	 * Completes a row's draft with the ids of what its references name, except the fields
	 * set later; or says why it cannot be written (a row it names became no item).
	 */
	private Settled settle(PlannedRow row, Map<Long, RowRecord> named) {
		ReferenceGraph graph = this.context.prepared().references();
		RowPlan plan = row.plan();
		List<FieldValuePair> pairs = new ArrayList<>(plan.draft().fields());
		for (Reference reference : plan.references()) {
			ReferenceField field = reference.field();
			if (graph.later(row.rowNumber(), field.fieldKey())) {
				continue;
			}
			ReferencedItems.Ids ids = ReferencedItems.ids(reference, graph, named);
			if (ids.blocked() != null) {
				return new Settled(row, ids.blocked());
			}
			if (ids.pending()) {
				if (!this.context.run.dryRun()) {
					// a row it names has no outcome yet (its create's answer was lost):
					// never created without the link
					return new Settled(row, "a row that " + field.fieldName() + " names ("
							+ String.join(", ", reference.values()) + ") has no item yet; resume the run, then retry");
				}
				continue;
			}
			pairs.add(new FieldValuePair(field.fieldKey(), ids.value(field)));
		}
		WorkItemDraft draft = plan.draft();
		RowPlan completed = plan.withDraft(new WorkItemDraft(draft.typeKey(), draft.templateId(), draft.name(), pairs));
		return new Settled(new PlannedRow(row.source(), completed, row.originRunId(), row.originRowNumber()), null);
	}

	/**
	 * A create (or, with an item id, an update) to make for a row; or, with
	 * {@code stepsOnly}, the steps after the create of its existing item.
	 */
	private record Call(PlannedRow row, String key, int attempts, Long itemId, boolean stepsOnly) {
	}

	/** The message of a row whose item exists and whose steps after the create follow. */
	static final String STEPS_PENDING = "the steps after the create are not all done yet";

	/**
	 * Runs the row's steps and records CREATED, or PARTIAL with the step refused, or
	 * PARTIAL until the link pass when some relation field is still to set.
	 * @param links whether some relation field is set by the link pass
	 */
	private RowRecord afterCreate(PlannedRow row, long itemId, String key, int attempts, boolean links) {
		RowSteps.Failure failure = this.steps.run(row.rowNumber(), itemId, row.plan().after());
		if (failure == null && links) {
			return save(row, RowStatus.PARTIAL, itemId, null, LinkTasklet.LINKS_PENDING, List.of(), key, attempts);
		}
		if (failure == null) {
			return saveWritten(record(row, RowStatus.CREATED, itemId, null, null, List.of(), key, attempts));
		}
		return save(row, RowStatus.PARTIAL, itemId, failure.errCode(), failure.message(), List.of(), key, attempts);
	}

	/** Makes the call and records its outcome; throws only for run-level faults. */
	private RowRecord call(Call call, RunContext.Prepared prepared) {
		PlannedRow row = call.row();
		String key = call.key();
		int attempts = call.attempts();
		Long existingId = call.itemId();
		String rowKey = row.plan().rowKey();
		try {
			if (call.stepsOnly()) {
				// the item exists: its references are checked, and set where missing, by
				// the link pass
				return afterCreate(row, existingId, key, attempts, !row.plan().references().isEmpty());
			}
			if (existingId != null) {
				this.context.client.update(prepared.projectKey(), prepared.typeKey(), existingId,
						row.plan().draft().fields());
				saveReferences(row);
				return saveWritten(record(row, RowStatus.UPDATED, existingId, null, null, List.of(), key, attempts));
			}
			long id = this.context.client.create(prepared.projectKey(), row.plan().draft(), key);
			// the ledger first: after a crash between the two, resume finds the item
			// there
			this.context.store.ledgerPut(prepared.projectKey(), prepared.typeKey(), rowKey, id, this.context.runId());
			saveReferences(row);
			boolean links = prepared.references().anyLater(row.rowNumber());
			if (!row.plan().after().none() || links) {
				// the item exists; its steps follow, each recorded before and after its
				// call
				this.context.store
					.saveRow(record(row, RowStatus.PARTIAL, id, null, STEPS_PENDING, List.of(), key, attempts));
				return afterCreate(row, id, key, attempts, links);
			}
			return saveWritten(record(row, RowStatus.CREATED, id, null, null, List.of(), key, attempts));
		}
		catch (OpenApiException ex) {
			if (ex.classification() == OpenApiException.Classification.ROW_REJECTED) {
				return save(row, RowStatus.FAILED, existingId, ex.errCode(), withRelations(ex, row, prepared),
						List.of(), key, attempts);
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

	/**
	 * The service's message, and for 30005 (a work item not found) on a row that names
	 * related items, which field and value named them: {@code 30005 Work Item Not Found:
	 * 关联需求 (field_5d6e7f) = 999999}.
	 */
	static String withRelations(OpenApiException ex, PlannedRow row, RunContext.Prepared prepared) {
		if (ex.errCode() != WORK_ITEM_NOT_FOUND) {
			return ex.errMsg();
		}
		List<String> named = new ArrayList<>();
		for (FieldValuePair pair : row.plan().draft().fields()) {
			String field = prepared.relations().get(pair.fieldKey());
			if (field != null) {
				Object value = pair.fieldValue();
				String ids = (value instanceof List<?> list)
						? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
				named.add(field + " = " + ids);
			}
		}
		if (named.isEmpty()) {
			return ex.errMsg();
		}
		return ex.errMsg() + ": " + String.join("; ", named) + " (check that the related item exists in the space)";
	}

	private RowRecord save(PlannedRow row, RowStatus status, Long itemId, Integer errCode, String errMsg,
			List<RowProblem> problems, String idempotencyKey, int attempts) {
		RowRecord record = record(row, status, itemId, errCode, errMsg, problems, idempotencyKey, attempts);
		this.context.store.saveRow(record);
		if (status != RowStatus.IN_FLIGHT) {
			this.context.progress.advanced(1);
		}
		return record;
	}

	/**
	 * Saves the outcome of a write that the service has just answered, with the time of
	 * that answer: a rollback keeps the item if it changed after this run's last write.
	 */
	private RowRecord saveWritten(RowRecord outcome) {
		RowRecord written = outcome.writtenAt(java.time.Instant.now());
		this.context.store.saveRow(written);
		this.context.progress.advanced(1);
		return written;
	}

	private RowRecord record(PlannedRow row, RowStatus status, Long itemId, Integer errCode, String errMsg,
			List<RowProblem> problems, String idempotencyKey, int attempts) {
		return new RowRecord(this.context.runId(), row.rowNumber(), row.plan().rowKey(), status, itemId, errCode,
				errMsg, problems, row.source().cells(), idempotencyKey, attempts, row.originRunId(),
				row.originRowNumber(), null, null);
	}

}
