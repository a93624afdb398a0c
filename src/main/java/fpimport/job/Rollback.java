package fpimport.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fpimport.api.ApiSettings;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiException;
import fpimport.api.WorkItemInfo;
import fpimport.job.RollbackPlan.Fate;
import fpimport.job.RollbackPlan.Item;
import fpimport.report.ReportFormat;
import fpimport.report.ReportWriter;
import fpimport.result.ResultStore;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.RunRecord;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Deletes the work items a run and its retries created, and nothing else. Items changed
 * after the run's last write to them are kept unless forced; items gone already count as
 * rolled back. Each delete is recorded before (ROLLING_BACK) and after (ROLLED_BACK, or
 * KEPT with the reason) its call, so a rollback that stopped is finished by rolling back
 * again; a deleted row's ledger entry goes, so that a later import creates it again.
 */
public final class Rollback implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Rollback.class);

	/** Deletes recorded as intended at once, before their calls. */
	private static final int BATCH = 50;

	/** 30005: the work item is not found (deleted already). */
	private static final int NOT_FOUND = 30005;

	private final ResultStore store;

	private final SingleConnectionDataSource dataSource;

	private final OpenApiClient client;

	private final int concurrency;

	private Rollback(ResultStore store, SingleConnectionDataSource dataSource, OpenApiClient client, int concurrency) {
		this.store = store;
		this.dataSource = dataSource;
		this.client = client;
		this.concurrency = concurrency;
	}

	/**
	 * Opens the job repository at this URL ({@code null} for the default) and a client of
	 * the space.
	 * @param concurrency delete calls in flight at once; the client's rate limit still
	 * holds
	 */
	public static Rollback open(String databaseUrl, ApiSettings api, int concurrency) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be 1 or more");
		}
		String url = JobDatabase.url(databaseUrl);
		try {
			// the calls run on other threads; every database write is made from the
			// calling thread, so one connection serves
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
			ResultStore.createSchema(dataSource);
			return new Rollback(new ResultStore(dataSource), dataSource, new OpenApiClient(api), concurrency);
		}
		catch (RuntimeException ex) {
			throw JobDatabase.explain(ex, url);
		}
	}

	/**
	 * What rolling back a run would do, from its rows and the items as the space has them
	 * now; changes nothing.
	 * @param force delete items changed after the import too
	 * @throws FpImportException ({@code INVALID_INPUT}) for an unknown run, a dry run, or
	 * a run or retry with rows whose outcome is unknown
	 */
	public RollbackPlan plan(long runId, boolean force) {
		RunRecord run = this.store.run(runId)
			.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT, "there is no run " + runId,
					"'fpimport runs' lists the runs"));
		if (run.dryRun()) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + runId + " was a dry run: it created nothing to roll back",
					"'fpimport runs' lists the runs");
		}
		Map<Long, RunRecord> runs = new LinkedHashMap<>();
		runs.put(runId, run);
		this.store.retriesOf(runId).forEach((retry) -> runs.put(retry.runId(), retry));
		for (RunRecord each : runs.values()) {
			long unknown = this.store.counts(each.runId()).inFlight();
			if (unknown > 0) {
				throw new FpImportException(Reason.INVALID_INPUT,
						"run " + each.runId() + " has " + unknown
								+ " rows whose outcome is unknown: whether they created items is not settled",
						"run 'fpimport resume " + each.runId() + "' first, then roll back");
			}
		}
		List<RowRecord> rows = this.store.createdItems(runs.keySet());
		Map<Long, WorkItemInfo> found = lookUp(rows, runs);
		List<Item> items = new ArrayList<>();
		for (RowRecord row : rows) {
			RunRecord owner = runs.get(row.runId());
			WorkItemInfo info = found.get(row.workItemId());
			String change = (info == null || force) ? null : change(info, row);
			Fate fate = (info == null) ? Fate.GONE : (change != null) ? Fate.KEEP : Fate.DELETE;
			items.add(new Item(row, owner.projectKey(), owner.typeKey(), fate, change));
		}
		return new RollbackPlan(runId, List.copyOf(runs.keySet()), items);
	}

	/** The items of these rows that the space still has, by id. */
	private Map<Long, WorkItemInfo> lookUp(List<RowRecord> rows, Map<Long, RunRecord> runs) {
		Map<List<String>, List<Long>> idsBySpaceAndType = new LinkedHashMap<>();
		for (RowRecord row : rows) {
			RunRecord owner = runs.get(row.runId());
			idsBySpaceAndType.computeIfAbsent(List.of(owner.projectKey(), owner.typeKey()), (key) -> new ArrayList<>())
				.add(row.workItemId());
		}
		Map<Long, WorkItemInfo> found = new HashMap<>();
		idsBySpaceAndType.forEach((spaceAndType, ids) -> {
			for (int from = 0; from < ids.size(); from += OpenApiClient.MAX_QUERY_IDS) {
				List<Long> some = ids.subList(from, Math.min(ids.size(), from + OpenApiClient.MAX_QUERY_IDS));
				this.client.query(spaceAndType.get(0), spaceAndType.get(1), some)
					.forEach((info) -> found.put(info.id(), info));
			}
		});
		return found;
	}

	/**
	 * Why an item counts as changed by someone after the run's own last write to it, or
	 * {@code null} when it does not: its {@code updated_at} is later than both its
	 * creation and the run's last write (when the run recorded one). When the service
	 * does not say, the item counts as changed: a rollback never guesses in favour of
	 * deleting.
	 */
	static String change(WorkItemInfo info, RowRecord row) {
		if (info.updatedAt() == null) {
			return "the service does not say when it last changed (no updated_at)";
		}
		Long baseline = info.createdAt();
		if (row.lastWriteAt() != null) {
			long lastWrite = row.lastWriteAt().toEpochMilli();
			baseline = (baseline == null) ? lastWrite : Math.max(baseline, lastWrite);
		}
		if (baseline == null) {
			return "neither its creation time nor the run's last write to it is known";
		}
		if (info.updatedAt() > baseline) {
			return "changed after the import: updated_at " + Instant.ofEpochMilli(info.updatedAt())
					+ " is later than the run's last write "
					+ Instant.ofEpochMilli(baseline).toString().replace("T", " ");
		}
		return null;
	}

	/**
	 * Carries out a plan: records kept and gone items, and deletes the others, each
	 * recorded before and after its call.
	 * @throws FpImportException when the service refuses the rollback as a whole (no
	 * permission, token, unreachable): the deletes in flight stay ROLLING_BACK, and the
	 * next rollback settles them
	 */
	public RollbackResult execute(RollbackPlan plan) {
		Tally tally = new Tally();
		List<RowRecord> keptRows = new ArrayList<>();
		for (Item item : plan.items(Fate.KEEP)) {
			keptRows.add(item.row().withOutcome(RowStatus.KEPT, null, item.reason()));
			tally.kept.add(item);
		}
		this.store.saveRows(keptRows);
		for (Item item : plan.items(Fate.GONE)) {
			forget(item, "gone before the rollback");
			tally.rolledBack.add(item);
			tally.gone++;
		}
		List<Item> deletes = plan.items(Fate.DELETE);
		ExecutorService calls = Executors.newFixedThreadPool(this.concurrency, (task) -> {
			Thread thread = new Thread(task, "fpimport-delete");
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (int from = 0; from < deletes.size(); from += BATCH) {
				int to = Math.min(deletes.size(), from + BATCH);
				deleteBatch(deletes.subList(from, to), calls, tally);
				log.info("rollback of run {}: {} of {} deletes done", plan.runId(), to, deletes.size());
			}
		}
		finally {
			calls.shutdownNow();
			plan.runIds().forEach(this.store::recount);
		}
		return new RollbackResult(plan.runId(), tally.rolledBack, tally.kept, tally.gone);
	}

	/** What a rollback has done so far. */
	private static final class Tally {

		private final List<Item> rolledBack = new ArrayList<>();

		private final List<Item> kept = new ArrayList<>();

		private int gone;

	}

	private void deleteBatch(List<Item> batch, ExecutorService calls, Tally tally) {
		// the intents of the batch in one transaction, before any of its calls
		this.store.saveRows(
				batch.stream().map((item) -> item.row().withOutcome(RowStatus.ROLLING_BACK, null, null)).toList());
		List<Future<Integer>> open = new ArrayList<>();
		for (Item item : batch) {
			open.add(calls.submit(() -> delete(item)));
		}
		RuntimeException fault = null;
		for (int i = 0; i < batch.size(); i++) {
			Item item = batch.get(i);
			try {
				int errCode = open.get(i).get();
				forget(item, (errCode == 0) ? "deleted by rollback" : "gone before the rollback (30005)");
				tally.rolledBack.add(item);
				tally.gone += (errCode == 0) ? 0 : 1;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof OpenApiException refused
						&& refused.classification() == OpenApiException.Classification.ROW_REJECTED) {
					String reason = "the service refused the delete: " + refused.errCode() + " " + refused.errMsg();
					this.store.saveRow(item.row().withOutcome(RowStatus.KEPT, refused.errCode(), reason));
					tally.kept.add(new Item(item.row(), item.projectKey(), item.typeKey(), Fate.KEEP, reason));
				}
				else if (fault == null) {
					// the others of the batch still get their outcome recorded
					fault = runFault(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FpImportException(Reason.INTERNAL, "interrupted while rolling back", null, ex);
			}
		}
		if (fault != null) {
			throw fault;
		}
	}

	/** Deletes an item: 0 when deleted, 30005 when gone already; throws otherwise. */
	private int delete(Item item) {
		try {
			this.client.delete(item.projectKey(), item.typeKey(), item.workItemId());
			return 0;
		}
		catch (OpenApiException ex) {
			if (ex.errCode() == NOT_FOUND) {
				return NOT_FOUND;
			}
			throw ex;
		}
	}

	/** The item is gone: its row is rolled back and the ledger forgets it. */
	private void forget(Item item, String how) {
		RowRecord row = item.row();
		if (row.rowKey() != null) {
			// the ledger first: a row ROLLED_BACK never leaves a ledger entry behind
			this.store.ledgerRemove(item.projectKey(), item.typeKey(), row.rowKey(), item.workItemId());
		}
		this.store.saveRow(row.withOutcome(RowStatus.ROLLED_BACK, null, how));
	}

	private static RuntimeException runFault(Throwable cause) {
		if (cause instanceof OpenApiException api
				&& api.classification() == OpenApiException.Classification.TRANSIENT) {
			return new FpImportException(Reason.REMOTE_REFUSED,
					"the service did not answer after " + api.attempts() + " attempts: " + api.getMessage(),
					"the deletes in flight are recorded; run the same 'fpimport rollback' again when the service "
							+ "is back",
					api);
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException(cause);
	}

	/**
	 * Writes the reports of the run and its retries again where they were written, so
	 * that they show what the rollback did.
	 */
	public void rewriteReports(RollbackPlan plan, String linkBase) {
		ReportWriter writer = new ReportWriter(this.store, linkBase);
		for (long runId : plan.runIds()) {
			RunRecord run = this.store.run(runId).orElseThrow();
			if (run.reportPath() == null) {
				continue;
			}
			Path report = Path.of(run.reportPath());
			ReportFormat format = report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
					? ReportFormat.CSV : ReportFormat.XLSX;
			writer.write(run, report.toAbsolutePath().getParent(), format);
		}
	}

	/** Closes the database: an H2 file stays locked while it is open. */
	@Override
	public void close() {
		this.dataSource.destroy();
	}

}
