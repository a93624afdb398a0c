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

import fpimport.api.SearchRequest;
import fpimport.api.WorkItemInfo;
import fpimport.result.LedgerEntry;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.source.SourceRow;
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
 * first; else the space is asked whether the item exists: by the key field when the
 * mapping writes the row key into one ({@code key_field}), else by exact name, created by
 * the importing user since the run started. A found item is recorded CREATED; the rest go
 * through the writer, which creates them with the idempotency key they were sent with.
 */
final class ReconcileTasklet implements Tasklet {

	/**
	 * The clocks of this machine and of the service may differ: an item made just after
	 * the run started must not be missed, so the name search looks this much earlier.
	 */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

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
				lookups.add(new Lookup(row, planned));
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

	/** Asks the space for every row at once, as many calls in flight as the writer's. */
	private Map<Lookup, List<Long>> search(List<Lookup> lookups, RunContext.Prepared prepared)
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
				open.put(lookup, calls.submit(() -> find(lookup, prepared)));
			}
			for (Map.Entry<Lookup, Future<List<Long>>> call : open.entrySet()) {
				try {
					hits.put(call.getKey(), call.getValue().get());
				}
				catch (ExecutionException ex) {
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

	/** The ids of the items in the space that may be the row's. */
	private List<Long> find(Lookup lookup, RunContext.Prepared prepared) {
		if (prepared.keyField() != null) {
			return this.context.client
				.searchAll(prepared.projectKey(),
						SearchRequest.equal(prepared.typeKey(), prepared.keyField(), lookup.row().rowKey()))
				.stream()
				.map(WorkItemInfo::id)
				.toList();
		}
		String name = lookup.planned().plan().draft().name();
		if (name == null || name.isEmpty()) {
			// nothing to search by; the service refuses an item without a name anyway
			return List.of();
		}
		long since = this.context.run.startedAt().minus(CLOCK_SKEW).toEpochMilli();
		SearchRequest request = new SearchRequest(prepared.typeKey(),
				new SearchRequest.Group("AND",
						List.of(new SearchRequest.Param("name", "=", name),
								new SearchRequest.Param("created_by", "=", this.context.userKey),
								new SearchRequest.Param("created_at", ">=", since)),
						List.of()),
				1, 50);
		return this.context.client.searchAll(prepared.projectKey(), request)
			.stream()
			.filter((item) -> name.equals(item.name())
					&& (item.createdBy() == null || item.createdBy().equals(this.context.userKey)))
			.map(WorkItemInfo::id)
			.toList();
	}

	private RowRecord created(RowRecord row, long itemId) {
		return new RowRecord(row.runId(), row.rowNumber(), row.rowKey(), RowStatus.CREATED, itemId, null, null,
				List.of(), row.cells(), row.idempotencyKey(), row.attempts(), row.originRunId(), row.originRowNumber(),
				null, null);
	}

	/** A row to look for in the space, and its plan. */
	private record Lookup(RowRecord row, PlannedRow planned) {
	}

}
