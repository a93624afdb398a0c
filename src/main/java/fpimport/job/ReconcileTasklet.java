package fpimport.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import fpimport.api.OpenApiException;
import fpimport.api.WorkItemInfo;
import fpimport.result.LedgerEntry;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.source.SourceRow;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Settles the rows of a run whose outcome is unknown before any other row is sent: rows
 * left IN_FLIGHT by a process that stopped between a create and its outcome, or by a
 * create the service refused as an idempotency conflict (10430). For each, the ledger
 * first; else the space is asked whether the item exists ({@link ReconcileSearch}: by the
 * key field when the mapping writes the row key into one, else by exact name among the
 * items created since the run started, created by the importing user), and the rows not
 * found are asked once more after the search lag. A found item is recorded CREATED; the
 * rest go through the writer, which creates them with the idempotency key they were sent
 * with. A refused search stops the run before any row is sent again.
 */
final class ReconcileTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReconcileTasklet.class);

	private final RunContext context;

	ReconcileTasklet(RunContext context) {
		this.context = context;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		if (this.context.run.dryRun()) {
			return RepeatStatus.FINISHED;
		}
		List<RowRecord> open = this.context.store.rowsWithStatus(this.context.runId(), Set.of(RowStatus.IN_FLIGHT));
		if (!open.isEmpty()) {
			reconcile(open);
		}
		return RepeatStatus.FINISHED;
	}

	private void reconcile(List<RowRecord> open) throws InterruptedException {
		RunContext.Prepared prepared = this.context.prepared();
		Map<String, LedgerEntry> ledger = this.context.store.ledgerEntries(prepared.projectKey(), prepared.typeKey(),
				open.stream().map(RowRecord::rowKey).filter(Objects::nonNull).collect(Collectors.toSet()));
		List<RowRecord> settled = new ArrayList<>();
		List<PlannedRow> toWrite = new ArrayList<>();
		List<Lookup> lookups = new ArrayList<>();
		for (RowRecord row : open) {
			PlannedRow planned = plan(row);
			LedgerEntry known = ledger.get(row.rowKey());
			if (row.workItemId() == null && known != null && known.runId() == this.context.runId()) {
				// created by this run: the ledger was written, the outcome was not
				settled.add(created(row, known.workItemId()));
			}
			else if (row.workItemId() != null || known != null || !planned.plan().valid()) {
				// an update (safe to send again), a row another run imported, or a row
				// the space now refuses: the writer decides as for any row
				toWrite.add(planned);
			}
			else {
				lookups.add(new Lookup(row, planned, searchFor(row, planned, prepared)));
			}
		}
		Map<Lookup, List<Long>> hits = search(lookups, prepared);
		Set<Long> claimed = new HashSet<>(this.context.store.claimedItems(prepared.projectKey(), prepared.typeKey(),
				this.context.runId(), hits.values().stream().flatMap(List::stream).collect(Collectors.toSet())));
		for (Lookup lookup : lookups) {
			// the oldest item nobody holds yet: two rows with the same name get one each
			Optional<Long> item = hits.get(lookup).stream().sorted().filter((id) -> !claimed.contains(id)).findFirst();
			if (item.isPresent()) {
				claimed.add(item.get());
				// the ledger first, as the writer does
				this.context.store.ledgerPut(prepared.projectKey(), prepared.typeKey(), lookup.row().rowKey(),
						item.get(), this.context.runId());
				settled.add(created(lookup.row(), item.get()));
			}
			else {
				toWrite.add(lookup.planned());
			}
		}
		this.context.store.saveRows(settled);
		this.context.progress.advanced(settled.size());
		log.info("run {}: {} rows had an unknown outcome: {} found in the ledger or the space, {} to send again",
				this.context.runId(), open.size(), settled.size(), toWrite.size());
		if (!toWrite.isEmpty()) {
			WorkItemWriter writer = new WorkItemWriter(this.context);
			try {
				writer.write(new Chunk<>(toWrite));
			}
			finally {
				writer.close();
			}
		}
	}

	/** The row planned again from its stored cells, as the run's reader would give it. */
	private PlannedRow plan(RowRecord row) {
		SourceRow source = SourceRow.of(row.rowNumber(), row.cells());
		return new PlannedRow(source, this.context.prepared().planner().plan(source), row.originRunId(),
				row.originRowNumber());
	}

	/**
	 * Asks the space for every row at once, as many calls in flight as the writer's; the
	 * rows not found are asked once more after the search lag, as the service may not
	 * have indexed an item created a moment ago.
	 */
	private Map<Lookup, List<Long>> search(List<Lookup> lookups, RunContext.Prepared prepared)
			throws InterruptedException {
		Map<Lookup, List<Long>> hits = searchOnce(lookups, prepared);
		List<Lookup> missing = lookups.stream().filter((lookup) -> hits.get(lookup).isEmpty()).toList();
		Duration lag = this.context.settings.searchLag();
		if (!missing.isEmpty() && !lag.isZero()) {
			log.info(
					"run {}: {} rows with an unknown outcome not found; searching again in {} ms, in case the"
							+ " service has not indexed them yet",
					this.context.runId(), missing.size(), lag.toMillis());
			Thread.sleep(lag.toMillis());
			Map<Lookup, List<Long>> again = searchOnce(missing, prepared);
			hits.putAll(again);
			log.info("run {}: {} found only on the second search, after the search lag", this.context.runId(),
					again.values().stream().filter((ids) -> !ids.isEmpty()).count());
		}
		return hits;
	}

	private Map<Lookup, List<Long>> searchOnce(List<Lookup> lookups, RunContext.Prepared prepared)
			throws InterruptedException {
		Map<Lookup, List<Long>> hits = new LinkedHashMap<>();
		if (lookups.isEmpty()) {
			return hits;
		}
		ExecutorService calls = Executors.newFixedThreadPool(this.context.settings.concurrency(), (task) -> {
			Thread thread = new Thread(task, "fpimport-reconcile");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Map<Lookup, Future<List<Long>>> open = new LinkedHashMap<>();
			for (Lookup lookup : lookups) {
				open.put(lookup, calls.submit(() -> find(lookup)));
			}
			for (Map.Entry<Lookup, Future<List<Long>>> call : open.entrySet()) {
				try {
					hits.put(call.getKey(), call.getValue().get());
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof OpenApiException refusal) {
						throw refused(call.getKey(), refusal);
					}
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
			return hits;
		}
		finally {
			calls.shutdownNow();
		}
	}

	/**
	 * The service refused the search that would prove whether a row exists: without that
	 * proof no row may be sent again, so the run stops and every row in flight stays so
	 * for a later resume.
	 */
	private FpImportException refused(Lookup lookup, OpenApiException refusal) {
		String fix = switch (refusal.errCode()) {
			case 20063, 20068,
					20069 ->
				"this space does not accept this search; run 'fpimport doctor --mapping"
						+ " MAPPING' to see which search it accepts, set key_field to a text field the mapping"
						+ " writes the row key into (docs/operations.md), then";
			default -> "fix the cause above, then";
		};
		return new FpImportException(Reason.REMOTE_REFUSED,
				"run " + this.context.runId() + ": the reconcile search (" + lookup.search().describe()
						+ ") was refused: " + refusal.getMessage(),
				"no row was sent again; the rows whose outcome is unknown stay in flight: " + fix + " run 'fpimport"
						+ " resume " + this.context.runId() + "'",
				refusal);
	}

	/** The ids of the items in the space that may be the row's. */
	private List<Long> find(Lookup lookup) {
		ReconcileSearch search = lookup.search();
		if (search == null) {
			// nothing to search by; the service refuses an item without a name anyway
			return List.of();
		}
		String projectKey = this.context.prepared().projectKey();
		return this.context.client.searchAll(projectKey, search.request())
			.stream()
			.filter(search::matches)
			.map(WorkItemInfo::id)
			.toList();
	}

	/**
	 * The search that finds the row's item, or {@code null} when there is nothing to
	 * search by.
	 */
	private ReconcileSearch searchFor(RowRecord row, PlannedRow planned, RunContext.Prepared prepared) {
		if (prepared.keyField() != null) {
			return ReconcileSearch.byKeyField(prepared.typeKey(), prepared.keyField(), row.rowKey());
		}
		String name = planned.plan().draft().name();
		if (name == null || name.isEmpty()) {
			return null;
		}
		return ReconcileSearch.byName(prepared.typeKey(), name, this.context.run.startedAt(), this.context.userKey);
	}

	private RowRecord created(RowRecord row, long itemId) {
		// with steps after the create, or relation fields naming rows (a link may be
		// left for the link pass), the writer does them next, as for any item that
		// exists: the row is not done yet
		var bound = this.context.prepared().planner().bound();
		boolean steps = bound.after().any() || bound.refers();
		return new RowRecord(row.runId(), row.rowNumber(), row.rowKey(), steps ? RowStatus.PARTIAL : RowStatus.CREATED,
				itemId, null, steps ? WorkItemWriter.STEPS_PENDING : null, List.of(), row.cells(), row.idempotencyKey(),
				row.attempts(), row.originRunId(), row.originRowNumber(), null, null);
	}

	/** A row to look for in the space, and its plan. */
	private record Lookup(RowRecord row, PlannedRow planned, ReconcileSearch search) {
	}

}
