package fpimport.result;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import fpimport.workitem.RowProblem;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runs, rows and ledger of fpimport over JDBC (H2 or PostgreSQL). Every write commits
 * in a transaction of its own, outside any chunk's transaction, so a rolled-back chunk
 * can never forget that a create was sent or what it gave.
 */
public final class ResultStore {

	private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
	};

	private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> HEADERS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, List<Object>>> FILTER = new TypeReference<>() {
	};

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final StepStore steps;

	private final TransactionTemplate ownTransaction;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Reads the cells of a row: built once, as it is used for every row read. */
	private final ObjectReader cellsReader = this.json.readerFor(CELLS);

	private final ObjectReader problemsReader = this.json.readerFor(PROBLEMS);

	private final CheckedRows checked = new CheckedRows(this.json);

	/** Blocks of a dry run's other rows read at a time ({@link #dryRunRows}). */
	private static final long CHECKED_WINDOW = 64;

	/**
	 * The header of each run whose rows this store has written or read: a row whose cells
	 * are that header in order is stored as its values alone ({@link StoredCells}).
	 */
	private final Map<Long, Optional<List<String>>> runHeaders = new java.util.concurrent.ConcurrentHashMap<>();

	/** Whether the database is H2; known at the first query that needs it. */
	private volatile Boolean h2;

	public ResultStore(DataSource dataSource) {
		this.steps = new StepStore(dataSource);
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Creates fpimport's tables when they are missing. */
	public static void createSchema(DataSource dataSource) {
		SchemaScript.apply(dataSource, "fpimport/schema.sql");
		StepStore.createSchema(dataSource);
	}

	/** The steps after each row's create. */
	public StepStore steps() {
		return this.steps;
	}

	/** Records a new run, RUNNING from now, and returns its id. */
	public long startRun(NewRun run) {
		return startRun(run, null);
	}

	/**
	 * Records a new run, RUNNING from now, with the filter that chooses a retry's rows,
	 * and returns its id.
	 */
	public long startRun(NewRun run, RowFilter filter) {
		String filterJson = (filter == null) ? null
				: this.json
					.writeValueAsString(Map.of("statuses", filter.statuses().stream().map(Enum::name).sorted().toList(),
							"codes", filter.codes().stream().sorted().toList()));
		return inOwnTransaction(() -> {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.update((connection) -> {
				var statement = connection.prepareStatement("INSERT INTO FPI_RUN (KIND, PARENT_RUN_ID, DRY_RUN, "
						+ "SOURCE_FILE, SOURCE_SHA256, SHEET, MAPPING_FILE, MAPPING_SHA256, MAPPING_TEXT, ON_EXISTING, "
						+ "PROJECT_KEY, TYPE_KEY, STATUS, STARTED_AT, ROW_FILTER) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
						Statement.RETURN_GENERATED_KEYS);
				statement.setString(1, run.kind().name());
				statement.setObject(2, run.parentRunId(), Types.BIGINT);
				statement.setBoolean(3, run.dryRun());
				statement.setString(4, run.sourceFile());
				statement.setString(5, run.sourceSha256());
				statement.setString(6, run.sheet());
				statement.setString(7, run.mappingFile());
				statement.setString(8, run.mappingSha256());
				statement.setString(9, run.mappingText());
				statement.setString(10, run.onExisting());
				statement.setString(11, run.projectKey());
				statement.setString(12, run.typeKey());
				statement.setString(13, RunStatus.RUNNING.name());
				statement.setObject(14, now());
				statement.setString(15, filterJson);
				return statement;
			}, keys);
			// by name: PostgreSQL returns every column of the new row, H2 the identity
			// alone (naming the column would not do: PostgreSQL quotes it, and folds
			// case)
			return ((Number) keys.getKeys().get("RUN_ID")).longValue();
		});
	}

	/** The run with this id, if there is one. */
	public Optional<RunRecord> run(long runId) {
		return this.jdbc.query("SELECT * FROM FPI_RUN WHERE RUN_ID = ?", this::runRecord, runId).stream().findFirst();
	}

	/** The newest runs first. */
	public List<RunRecord> recentRuns(int limit) {
		return this.jdbc.query(
				"SELECT * FROM FPI_RUN ORDER BY RUN_ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
				this::runRecord);
	}

	/**
	 * The newest run of this file and mapping that is still open (running or stopped, not
	 * refused or abandoned), if any.
	 */
	public Optional<RunRecord> unfinishedRun(String sourceSha256, String mappingSha256) {
		return this.jdbc
			.query("SELECT * FROM FPI_RUN WHERE SOURCE_SHA256 = ? AND MAPPING_SHA256 = ? AND STATUS IN (?, ?) "
					+ "AND DRY_RUN = FALSE ORDER BY RUN_ID DESC", this::runRecord, sourceSha256, mappingSha256,
					RunStatus.RUNNING.name(), RunStatus.STOPPED.name())
			.stream()
			.findFirst();
	}

	/** The filter that chose a retry's rows; {@link RowFilter#ALL} for other runs. */
	public RowFilter rowFilter(long runId) {
		List<String> stored = this.jdbc.queryForList("SELECT ROW_FILTER FROM FPI_RUN WHERE RUN_ID = ?", String.class,
				runId);
		if (stored.isEmpty() || stored.get(0) == null) {
			return RowFilter.ALL;
		}
		Map<String, List<Object>> filter = this.json.readValue(stored.get(0), FILTER);
		return new RowFilter(
				filter.getOrDefault("statuses", List.of())
					.stream()
					.map((status) -> RowStatus.valueOf(status.toString()))
					.collect(Collectors.toSet()),
				filter.getOrDefault("codes", List.of())
					.stream()
					.map((code) -> ((Number) code).intValue())
					.collect(Collectors.toSet()));
	}

	/** The newest retry of this run that is still open, if any. */
	public Optional<RunRecord> unfinishedRetry(long parentRunId) {
		return this.jdbc.query(
				"SELECT * FROM FPI_RUN WHERE PARENT_RUN_ID = ? AND KIND = ? AND STATUS IN (?, ?) ORDER BY RUN_ID DESC",
				this::runRecord, parentRunId, RunKind.RETRY.name(), RunStatus.RUNNING.name(), RunStatus.STOPPED.name())
			.stream()
			.findFirst();
	}

	/** The retries of this run, and theirs, oldest first. */
	public List<RunRecord> retriesOf(long runId) {
		List<RunRecord> found = new ArrayList<>();
		List<Long> parents = List.of(runId);
		while (!parents.isEmpty()) {
			String marks = parents.stream().map((id) -> "?").collect(Collectors.joining(","));
			List<RunRecord> children = this.jdbc.query(
					"SELECT * FROM FPI_RUN WHERE KIND = 'RETRY' AND PARENT_RUN_ID IN (" + marks + ") ORDER BY RUN_ID",
					this::runRecord, parents.toArray());
			found.addAll(children);
			parents = children.stream().map(RunRecord::runId).toList();
		}
		found.sort(java.util.Comparator.comparingLong(RunRecord::runId));
		return found;
	}

	/**
	 * The rows of a parent run that a retry takes before its filter: those that did not
	 * succeed, less those whose original row succeeded in a run older than the retry. The
	 * answer does not change while the retry goes on (its own rows and newer runs do not
	 * count), so a resumed retry reads the same rows in the same order.
	 */
	public List<RowRecord> retryCandidates(long parentRunId, long retryRunId) {
		return this.jdbc.query(
				"SELECT * FROM FPI_ROW P WHERE P.RUN_ID = ? AND P.STATUS IN ('INVALID', 'FAILED', 'PARTIAL', 'BLOCKED') "
						+ "AND NOT EXISTS (SELECT 1 FROM FPI_ROW S WHERE S.ORIGIN_RUN_ID = P.ORIGIN_RUN_ID "
						+ "AND S.ORIGIN_ROW_NO = P.ORIGIN_ROW_NO AND S.RUN_ID < ? "
						+ "AND S.STATUS IN ('CREATED', 'UPDATED', 'SKIPPED')) ORDER BY P.ROW_NO",
				this::rowRecord, parentRunId, retryRunId);
	}

	/**
	 * For each row of a run, the newest outcome of its original row in any run (itself,
	 * or a retry that took it later), in row order.
	 */
	public List<LatestOutcome> latestOutcomes(long runId) {
		List<LatestOutcome> stored = this.jdbc.query("SELECT R.ORIGIN_ROW_NO AS LATEST_ORIGIN_ROW, L.* FROM FPI_ROW R "
				+ "JOIN FPI_ROW L ON L.ORIGIN_RUN_ID = R.ORIGIN_RUN_ID AND L.ORIGIN_ROW_NO = R.ORIGIN_ROW_NO "
				+ "WHERE R.RUN_ID = ? AND L.RUN_ID = (SELECT MAX(M.RUN_ID) FROM FPI_ROW M "
				+ "WHERE M.ORIGIN_RUN_ID = R.ORIGIN_RUN_ID AND M.ORIGIN_ROW_NO = R.ORIGIN_ROW_NO) ORDER BY R.ROW_NO",
				(rs, n) -> new LatestOutcome(rs.getLong("LATEST_ORIGIN_ROW"), rowRecord(rs, n)), runId);
		SkippedRows skipped = skippedRows(runId);
		if (skipped.count() == 0) {
			return stored;
		}
		// an import's row kept by number is its own origin, and its own latest outcome
		// (no retry takes a row that succeeded); an import's row number is its origin's
		List<LatestOutcome> all = new ArrayList<>(stored);
		skipped.records(runId).forEach((row) -> all.add(new LatestOutcome(row.rowNumber(), row)));
		all.sort(java.util.Comparator.comparingLong(LatestOutcome::originRowNumber));
		return all;
	}

	/**
	 * Which of these work item ids are already the item of some row: in the ledger of the
	 * project and type, or the outcome of a row of the run.
	 */
	public Set<Long> claimedItems(String projectKey, String typeKey, long runId, Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return Set.of();
		}
		String marks = itemIds.stream().map((id) -> "?").collect(Collectors.joining(","));
		List<Object> arguments = new ArrayList<>(List.of(projectKey, typeKey));
		arguments.addAll(itemIds);
		arguments.add(runId);
		arguments.addAll(itemIds);
		return Set.copyOf(this.jdbc.queryForList("SELECT WORK_ITEM_ID FROM FPI_LEDGER WHERE PROJECT_KEY = ? "
				+ "AND TYPE_KEY = ? AND WORK_ITEM_ID IN (" + marks + ") UNION SELECT WORK_ITEM_ID FROM FPI_ROW "
				+ "WHERE RUN_ID = ? AND WORK_ITEM_ID IN (" + marks + ")", Long.class, arguments.toArray()));
	}

	/** Records where the run's items go, once the preflight has resolved the type. */
	public void setTarget(long runId, String projectKey, String typeKey, List<String> headers) {
		inOwnTransaction(
				() -> this.jdbc.update("UPDATE FPI_RUN SET PROJECT_KEY = ?, TYPE_KEY = ?, HEADERS = ? WHERE RUN_ID = ?",
						projectKey, typeKey, this.json.writeValueAsString(headers), runId));
		this.runHeaders.put(runId, Optional.ofNullable(headers).map(List::copyOf));
	}

	/** The run's stored header, kept for the run's next rows. */
	private List<String> runHeaders(long runId) {
		return this.runHeaders.computeIfAbsent(runId, (id) -> Optional.ofNullable(storedHeaders(id))).orElse(null);
	}

	private List<String> storedHeaders(long runId) {
		List<String> stored = this.jdbc.queryForList("SELECT HEADERS FROM FPI_RUN WHERE RUN_ID = ?", String.class,
				runId);
		return (stored.isEmpty() || stored.get(0) == null) ? null : List.copyOf(headers(stored.get(0)));
	}

	/** A row's cells as stored: the values alone under the run's header, or JSON. */
	private String cellsText(RowRecord row) {
		String values = StoredCells.encode(row.cells(), runHeaders(row.runId()));
		return (values != null) ? values : this.json.writeValueAsString(row.cells());
	}

	private Map<String, String> cells(long runId, String text) {
		if (text.isEmpty()) {
			// a dry run's row as an older version stored it
			return Map.of();
		}
		if (text.charAt(0) != StoredCells.MARK) {
			return this.cellsReader.readValue(text);
		}
		Map<String, String> cells = StoredCells.decode(text, runHeaders(runId));
		if (cells == null) {
			// the header known here is older than the row's (another store set it)
			this.runHeaders.remove(runId);
			cells = StoredCells.decode(text, runHeaders(runId));
		}
		if (cells == null) {
			throw new IllegalStateException("the cells of a row of run " + runId + " do not fit the run's header");
		}
		return java.util.Collections.unmodifiableMap(cells);
	}

	/** Sets where the run stands, with a message (why it stopped), keeping its counts. */
	public void markRun(long runId, RunStatus status, String message) {
		inOwnTransaction(
				() -> this.jdbc.update("UPDATE FPI_RUN SET STATUS = ?, MESSAGE = ?, ENDED_AT = ? WHERE RUN_ID = ?",
						status.name(), truncate(message, 4000), (status == RunStatus.RUNNING) ? null : now(), runId));
	}

	/** Stores the run's counts from its rows, its report path and its status. */
	public RunCounts finishRun(long runId, RunStatus status, String reportPath, String message) {
		RunCounts counts = counts(runId);
		inOwnTransaction(() -> this.jdbc.update(
				"UPDATE FPI_RUN SET STATUS = ?, ROWS_TOTAL = ?, CREATED = ?, UPDATED = ?, SKIPPED = ?, INVALID = ?, "
						+ "FAILED = ?, REPORT_PATH = ?, MESSAGE = ?, ENDED_AT = ? WHERE RUN_ID = ?",
				status.name(), counts.total(), counts.created(), counts.updated(), counts.skipped(), counts.invalid(),
				counts.failed(), reportPath, truncate(message, 4000), now(), runId));
		return counts;
	}

	/** The rows of a run by status, counted from the rows themselves. */
	public RunCounts counts(long runId) {
		Map<RowStatus, Long> byStatus = statusCounts(runId);
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new RunCounts(total, byStatus.getOrDefault(RowStatus.CREATED, 0L),
				byStatus.getOrDefault(RowStatus.UPDATED, 0L), byStatus.getOrDefault(RowStatus.SKIPPED, 0L),
				byStatus.getOrDefault(RowStatus.INVALID, 0L),
				// a PARTIAL row (its item exists, a step after the create did not go
				// through) and a BLOCKED one (a row it names became no item) count as
				// failed: they need a retry
				byStatus.getOrDefault(RowStatus.FAILED, 0L) + byStatus.getOrDefault(RowStatus.PARTIAL, 0L)
						+ byStatus.getOrDefault(RowStatus.BLOCKED, 0L),
				byStatus.getOrDefault(RowStatus.IN_FLIGHT, 0L), byStatus.getOrDefault(RowStatus.VALID, 0L));
	}

	/**
	 * Writes one row as it stands now, replacing what was stored for it, in a transaction
	 * of its own.
	 */
	public void saveRow(RowRecord row) {
		saveRows(List.of(row));
	}

	/**
	 * Writes rows as they stand now, replacing what was stored for them, all in one
	 * transaction of its own: for outcomes that need no call, and for the intents of the
	 * calls a chunk is about to make. An import's SKIPPED row is kept by its number and
	 * item alone ({@link #skippedRows}); every other row whole, cells included.
	 */
	public void saveRows(List<RowRecord> rows) {
		if (rows.isEmpty()) {
			return;
		}
		inOwnTransaction(() -> {
			writeRowsNow(rows);
			return null;
		});
	}

	/**
	 * Writes rows as {@link #saveRows} does, in the caller's transaction: committed with
	 * the caller's own work, or not at all. Without a transaction open on this store's
	 * database, in one of their own.
	 */
	public void saveRowsInCallersTransaction(List<RowRecord> rows) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.hasResource(this.dataSource)) {
			saveRows(rows);
		}
		else if (!rows.isEmpty()) {
			writeRowsNow(rows);
		}
	}

	private void writeRowsNow(List<RowRecord> rows) {
		Set<RowId> stored = storedRows(rows);
		writeRows(keepSkipped(rows, stored), stored);
	}

	/**
	 * Keeps the SKIPPED rows of an import by number and item alone ({@link SkippedRows}),
	 * replacing what was stored for them, and returns the other rows, to be stored whole.
	 * A row is kept so when it is its own origin (an import's row, read from the run's
	 * file; a retry's row is the copy of an earlier run's) and the ledger named its item:
	 * it needs no call, and nothing in its run changes it again.
	 */
	private List<RowRecord> keepSkipped(List<RowRecord> rows, Set<RowId> stored) {
		List<RowRecord> whole = new ArrayList<>(rows.size());
		List<Object[]> forgotten = new ArrayList<>();
		Map<Long, Map<Long, java.util.NavigableMap<Long, Long>>> blocks = new LinkedHashMap<>();
		for (RowRecord row : rows) {
			boolean byNumber = row.status() == RowStatus.SKIPPED && row.workItemId() != null
					&& row.originRunId() == row.runId() && row.originRowNumber() == row.rowNumber();
			if (!byNumber) {
				whole.add(row);
				continue;
			}
			blocks.computeIfAbsent(row.runId(), (run) -> new java.util.TreeMap<>())
				.computeIfAbsent(row.rowNumber() / SkippedRows.BLOCK, (block) -> new java.util.TreeMap<>())
				.put(row.rowNumber(), row.workItemId());
			if (stored.contains(new RowId(row.runId(), row.rowNumber()))) {
				// IN_FLIGHT before (a run stopped), the ledger names its item now
				forgotten.add(new Object[] { row.runId(), row.rowNumber() });
			}
		}
		if (!forgotten.isEmpty()) {
			this.jdbc.batchUpdate("DELETE FROM FPI_ROW WHERE RUN_ID = ? AND ROW_NO = ?", forgotten);
		}
		blocks.forEach((runId, byBlock) -> byBlock.forEach((block, added) -> {
			List<String> before = this.jdbc.queryForList(
					"SELECT ROW_ITEMS FROM FPI_SKIPPED_ROWS WHERE RUN_ID = ? AND BLOCK_NO = ?", String.class, runId,
					block);
			if (before.isEmpty()) {
				this.jdbc.update(
						"INSERT INTO FPI_SKIPPED_ROWS (RUN_ID, BLOCK_NO, ROW_COUNT, ROW_ITEMS) VALUES (?,?,?,?)", runId,
						block, added.size(), SkippedRows.encode(block, added));
				return;
			}
			java.util.NavigableMap<Long, Long> all = SkippedRows.decode(block, before.get(0));
			all.putAll(added);
			this.jdbc.update(
					"UPDATE FPI_SKIPPED_ROWS SET ROW_COUNT = ?, ROW_ITEMS = ? WHERE RUN_ID = ? AND BLOCK_NO = ?",
					all.size(), SkippedRows.encode(block, all), runId, block);
		}));
		return whole;
	}

	/**
	 * The SKIPPED rows of an import kept by number and item alone (see
	 * {@link #saveRows}); empty for a run that has none.
	 */
	public SkippedRows skippedRows(long runId) {
		java.util.NavigableMap<Long, String> blocks = new java.util.TreeMap<>();
		long[] count = { 0 };
		this.jdbc.query("SELECT BLOCK_NO, ROW_COUNT, ROW_ITEMS FROM FPI_SKIPPED_ROWS WHERE RUN_ID = ?",
				(ResultSet rs) -> {
					blocks.put(rs.getLong(1), rs.getString(3));
					count[0] += rs.getLong(2);
				}, runId);
		return new SkippedRows(blocks, count[0]);
	}

	/**
	 * Writes the rows of a dry run as they stand now, in one transaction of its own. A
	 * dry run sends nothing, so its rows are not stored one by one: its VALID rows (those
	 * without a work item, which an {@code --on-existing update} run names) are kept as
	 * their row numbers alone, a bit each ({@code FPI_VALID_ROWS}); every other row by
	 * blocks of row numbers and status, with its key, item, error and problems but
	 * without its cells ({@link CheckedRows}): a dry run's report is written with its
	 * rows, and written again from its file. A row stored before by an earlier attempt of
	 * the run is replaced either way, one that an older version stored in {@code FPI_ROW}
	 * too. {@link #rows} and {@link #counts} answer for every kind.
	 */
	public void saveDryRunRows(List<RowRecord> rows) {
		if (rows.isEmpty()) {
			return;
		}
		inOwnTransaction(() -> {
			List<Object[]> forgotten = new ArrayList<>();
			for (RowId row : storedRows(rows)) {
				forgotten.add(new Object[] { row.runId(), row.rowNumber() });
			}
			if (!forgotten.isEmpty()) {
				this.jdbc.batchUpdate("DELETE FROM FPI_ROW WHERE RUN_ID = ? AND ROW_NO = ?", forgotten);
			}
			Map<Long, Map<Long, RowRecord>> byRun = new LinkedHashMap<>();
			for (RowRecord row : rows) {
				byRun.computeIfAbsent(row.runId(), (run) -> new LinkedHashMap<>()).put(row.rowNumber(), row);
			}
			byRun.forEach((runId, inRun) -> {
				Map<Long, Boolean> valid = new LinkedHashMap<>();
				inRun.forEach((rowNumber, row) -> valid.put(rowNumber, plainlyValid(row)));
				markValid(runId, valid);
				keepChecked(runId, inRun);
			});
			return null;
		});
	}

	/** Whether a dry run's row is kept by its number alone. */
	private static boolean plainlyValid(RowRecord row) {
		return row.status() == RowStatus.VALID && row.workItemId() == null;
	}

	/**
	 * Keeps a dry run's rows that are not plainly valid in the blocks of their row
	 * numbers ({@code FPI_CHECKED_ROWS}), and drops from those blocks whatever an earlier
	 * attempt kept of any of these rows.
	 */
	private void keepChecked(long runId, Map<Long, RowRecord> rows) {
		long first = rows.keySet().stream().mapToLong(Long::longValue).min().getAsLong() / CheckedRows.BLOCK;
		long last = rows.keySet().stream().mapToLong(Long::longValue).max().getAsLong() / CheckedRows.BLOCK;
		java.util.NavigableMap<Long, RowRecord> kept = new java.util.TreeMap<>();
		boolean before = checkedRows(runId, first, last, (row) -> kept.put(row.rowNumber(), row));
		rows.forEach((rowNumber, row) -> {
			if (plainlyValid(row)) {
				kept.remove(rowNumber);
			}
			else {
				kept.put(rowNumber, row);
			}
		});
		if (before) {
			this.jdbc.update("DELETE FROM FPI_CHECKED_ROWS WHERE RUN_ID = ? AND BLOCK_NO BETWEEN ? AND ?", runId, first,
					last);
		}
		Map<Long, Map<RowStatus, List<RowRecord>>> blocks = new java.util.TreeMap<>();
		kept.values()
			.forEach((row) -> blocks
				.computeIfAbsent(row.rowNumber() / CheckedRows.BLOCK,
						(block) -> new java.util.EnumMap<>(RowStatus.class))
				.computeIfAbsent(row.status(), (status) -> new ArrayList<>())
				.add(row));
		List<Object[]> inserts = new ArrayList<>();
		blocks.forEach((block, byStatus) -> byStatus.forEach((status, inBlock) -> inserts
			.add(new Object[] { runId, block, status.name(), inBlock.size(), this.checked.encode(inBlock) })));
		if (!inserts.isEmpty()) {
			this.jdbc.batchUpdate(
					"INSERT INTO FPI_CHECKED_ROWS (RUN_ID, BLOCK_NO, STATUS, ROW_COUNT, ROWS_JSON) VALUES (?,?,?,?,?)",
					inserts);
		}
	}

	/**
	 * Hands the rows kept in the blocks between these block numbers to the consumer,
	 * block by block (a block's statuses in no set order); whether there were any.
	 */
	private boolean checkedRows(long runId, long firstBlock, long lastBlock, Consumer<RowRecord> consumer) {
		boolean[] any = { false };
		this.jdbc.query("SELECT STATUS, ROWS_JSON FROM FPI_CHECKED_ROWS WHERE RUN_ID = ? AND BLOCK_NO BETWEEN ? AND ? "
				+ "ORDER BY BLOCK_NO", (ResultSet rs) -> {
					any[0] = true;
					this.checked.decode(runId, RowStatus.valueOf(rs.getString(1)), rs.getString(2)).forEach(consumer);
				}, runId, firstBlock, lastBlock);
		return any[0];
	}

	/** Sets the bits of these rows of a run: valid ({@code true}) or not. */
	private void markValid(long runId, Map<Long, Boolean> rows) {
		Map<Long, Map<Long, Boolean>> byBlock = new java.util.TreeMap<>();
		rows.forEach((rowNumber, valid) -> byBlock
			.computeIfAbsent(rowNumber / ValidRows.BLOCK, (block) -> new LinkedHashMap<>())
			.put(rowNumber, valid));
		byBlock.forEach((block, inBlock) -> {
			List<String> before = this.jdbc.queryForList(
					"SELECT ROW_BITS FROM FPI_VALID_ROWS WHERE RUN_ID = ? AND BLOCK_NO = ?", String.class, runId,
					block);
			java.util.BitSet bits = before.isEmpty() ? new java.util.BitSet() : ValidRows.decode(before.get(0));
			inBlock.forEach((rowNumber, valid) -> bits.set((int) (rowNumber % ValidRows.BLOCK), valid));
			if (before.isEmpty() && bits.isEmpty()) {
				return;
			}
			if (before.isEmpty()) {
				this.jdbc.update("INSERT INTO FPI_VALID_ROWS (RUN_ID, BLOCK_NO, ROW_COUNT, ROW_BITS) VALUES (?,?,?,?)",
						runId, block, bits.cardinality(), ValidRows.encode(bits));
			}
			else {
				this.jdbc.update(
						"UPDATE FPI_VALID_ROWS SET ROW_COUNT = ?, ROW_BITS = ? WHERE RUN_ID = ? AND BLOCK_NO = ?",
						bits.cardinality(), ValidRows.encode(bits), runId, block);
			}
		});
	}

	/**
	 * The row numbers of a dry run's valid rows kept as numbers alone (see
	 * {@link #saveDryRunRows}); empty for any other run.
	 */
	public ValidRows validRows(long runId) {
		java.util.NavigableMap<Long, java.util.BitSet> blocks = new java.util.TreeMap<>();
		this.jdbc.query("SELECT BLOCK_NO, ROW_BITS FROM FPI_VALID_ROWS WHERE RUN_ID = ?", (ResultSet rs) -> {
			blocks.put(rs.getLong(1), ValidRows.decode(rs.getString(2)));
		}, runId);
		return new ValidRows(blocks);
	}

	/**
	 * Every row a dry run keeps outside {@code FPI_ROW}, in row order: its valid rows
	 * ({@link #validRows}) and its other rows ({@link CheckedRows}), without their cells.
	 * The other rows are read a window of blocks at a time, never all at once.
	 */
	public java.util.Iterator<RowRecord> dryRunRows(long runId) {
		java.util.Iterator<RowRecord> valid = validRows(runId).records(runId).iterator();
		Long lastBlock = this.jdbc.queryForObject("SELECT MAX(BLOCK_NO) FROM FPI_CHECKED_ROWS WHERE RUN_ID = ?",
				Long.class, runId);
		java.util.Iterator<RowRecord> checked = new java.util.Iterator<>() {

			private long nextBlock = 0;

			private java.util.Iterator<RowRecord> window = java.util.Collections.emptyIterator();

			@Override
			public boolean hasNext() {
				while (!this.window.hasNext() && lastBlock != null && this.nextBlock <= lastBlock) {
					long first = this.nextBlock;
					this.nextBlock = first + CHECKED_WINDOW;
					java.util.NavigableMap<Long, RowRecord> rows = new java.util.TreeMap<>();
					checkedRows(runId, first, first + CHECKED_WINDOW - 1, (row) -> rows.put(row.rowNumber(), row));
					this.window = rows.values().iterator();
				}
				return this.window.hasNext();
			}

			@Override
			public RowRecord next() {
				if (!hasNext()) {
					throw new java.util.NoSuchElementException();
				}
				return this.window.next();
			}

		};
		return new java.util.Iterator<>() {

			private RowRecord nextValid = valid.hasNext() ? valid.next() : null;

			private RowRecord nextChecked = checked.hasNext() ? checked.next() : null;

			@Override
			public boolean hasNext() {
				return this.nextValid != null || this.nextChecked != null;
			}

			@Override
			public RowRecord next() {
				if (!hasNext()) {
					throw new java.util.NoSuchElementException();
				}
				boolean takeValid = this.nextChecked == null
						|| (this.nextValid != null && this.nextValid.rowNumber() < this.nextChecked.rowNumber());
				RowRecord row;
				if (takeValid) {
					row = this.nextValid;
					this.nextValid = valid.hasNext() ? valid.next() : null;
				}
				else {
					row = this.nextChecked;
					this.nextChecked = checked.hasNext() ? checked.next() : null;
				}
				return row;
			}

		};
	}

	private void writeRows(List<RowRecord> rows, Set<RowId> stored) {
		OffsetDateTime now = now();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (RowRecord row : rows) {
			String problems = problemsJson(row.problems());
			String cells = cellsText(row);
			if (stored.contains(new RowId(row.runId(), row.rowNumber()))) {
				updates.add(new Object[] { row.rowKey(), row.status().name(), row.workItemId(), row.errCode(),
						truncate(row.errMsg(), 4000), problems, cells, row.idempotencyKey(), row.attempts(), now,
						lastWrite(row), row.runId(), row.rowNumber() });
			}
			else {
				inserts.add(new Object[] { row.runId(), row.rowNumber(), row.rowKey(), row.status().name(),
						row.workItemId(), row.errCode(), truncate(row.errMsg(), 4000), problems, cells,
						row.idempotencyKey(), row.attempts(), row.originRunId(), row.originRowNumber(), now, now,
						lastWrite(row) });
			}
		}
		if (!updates.isEmpty()) {
			this.jdbc.batchUpdate("UPDATE FPI_ROW SET ROW_KEY = ?, STATUS = ?, WORK_ITEM_ID = ?, ERR_CODE = ?, "
					+ "ERR_MSG = ?, PROBLEMS = ?, CELLS = ?, IDEM_KEY = ?, ATTEMPTS = ?, UPDATED_AT = ?, "
					+ "LAST_WRITE_AT = COALESCE(?, LAST_WRITE_AT) WHERE RUN_ID = ? AND ROW_NO = ?", updates);
		}
		if (!inserts.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO FPI_ROW (RUN_ID, ROW_NO, ROW_KEY, STATUS, WORK_ITEM_ID, ERR_CODE, "
					+ "ERR_MSG, PROBLEMS, CELLS, IDEM_KEY, ATTEMPTS, ORIGIN_RUN_ID, ORIGIN_ROW_NO, CREATED_AT, "
					+ "UPDATED_AT, LAST_WRITE_AT) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", inserts);
		}
	}

	/**
	 * Which of these rows are stored already: one range scan of the primary key (the rows
	 * of a chunk are near each other), so that new rows are inserted without first trying
	 * an update of each.
	 */
	private Set<RowId> storedRows(List<RowRecord> rows) {
		Map<Long, List<Long>> byRun = new LinkedHashMap<>();
		rows.forEach((row) -> byRun.computeIfAbsent(row.runId(), (run) -> new ArrayList<>()).add(row.rowNumber()));
		Set<RowId> stored = new java.util.HashSet<>();
		byRun.forEach((runId, numbers) -> {
			long first = numbers.stream().mapToLong(Long::longValue).min().getAsLong();
			long last = numbers.stream().mapToLong(Long::longValue).max().getAsLong();
			this.jdbc.query("SELECT ROW_NO FROM FPI_ROW WHERE RUN_ID = ? AND ROW_NO BETWEEN ? AND ?",
					(ResultSet rs) -> {
						stored.add(new RowId(runId, rs.getLong(1)));
					}, runId, first, last);
		});
		return stored;
	}

	/** A stored row's primary key. */
	private record RowId(long runId, long rowNumber) {
	}

	private String problemsJson(List<RowProblem> problems) {
		return problems.isEmpty() ? "[]" : this.json.writeValueAsString(problems);
	}

	/** Whether the ledger knows any row of a project and type. */
	public boolean hasLedgerEntries(String projectKey, String typeKey) {
		return !this.jdbc
			.queryForList("SELECT 1 FROM FPI_LEDGER WHERE PROJECT_KEY = ? AND TYPE_KEY = ? FETCH FIRST 1 ROWS ONLY",
					Integer.class, projectKey, typeKey)
			.isEmpty();
	}

	/** What the ledger knows of these row keys of a project and type, by row key. */
	public Map<String, LedgerEntry> ledgerEntries(String projectKey, String typeKey, Collection<String> rowKeys) {
		if (rowKeys.isEmpty()) {
			return Map.of();
		}
		Map<String, LedgerEntry> entries = new LinkedHashMap<>();
		RowCallbackHandler entry = (ResultSet rs) -> {
			if (projectKey.equals(rs.getString(1)) && typeKey.equals(rs.getString(2))) {
				entries.put(rs.getString(3), new LedgerEntry(rs.getLong(4), rs.getLong(5)));
			}
		};
		// by the row keys alone, the project and type checked here: with them in the
		// query, H2 chose the primary key and scanned every entry of the project for each
		// chunk (a list of keys uses only an index that it leads)
		if (isH2()) {
			// one statement whatever the keys, parsed once: H2 checks each row an index
			// finds against an IN list of parameters again, one value at a time, and an
			// IN list of literals is a new statement for every chunk
			this.jdbc.query("SELECT L.PROJECT_KEY, L.TYPE_KEY, L.ROW_KEY, L.WORK_ITEM_ID, L.RUN_ID"
					+ " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) K(ROW_KEY) JOIN FPI_LEDGER L ON L.ROW_KEY = K.ROW_KEY",
					entry, (Object) rowKeys.toArray(new String[0]));
			return entries;
		}
		String list = rowKeys.stream().map((key) -> "?").collect(Collectors.joining(","));
		this.jdbc.query("SELECT PROJECT_KEY, TYPE_KEY, ROW_KEY, WORK_ITEM_ID, RUN_ID FROM FPI_LEDGER WHERE ROW_KEY IN ("
				+ list + ")", entry, rowKeys.toArray());
		return entries;
	}

	/**
	 * The items that rows of earlier runs became, by the value of one of their columns:
	 * rows of the runs into this project and type (no dry run, not {@code exceptRunId})
	 * whose item exists, matched by the stripped text of {@code column}; a newer run's
	 * row wins over an older one's.
	 * @param column the column, matched like a mapping's column names
	 * @param values the values wanted
	 */
	public Map<String, Long> itemsByCell(String projectKey, String typeKey, String column, Set<String> values,
			long exceptRunId) {
		Map<String, Long> found = new LinkedHashMap<>();
		if (values.isEmpty()) {
			return found;
		}
		List<Long> runs = this.jdbc.queryForList(
				"SELECT RUN_ID FROM FPI_RUN WHERE PROJECT_KEY = ? AND TYPE_KEY = ? AND DRY_RUN = FALSE AND RUN_ID <> ? "
						+ "ORDER BY RUN_ID",
				Long.class, projectKey, typeKey, exceptRunId);
		for (long runId : runs) {
			List<String> headers = runHeaders(runId);
			List<String> keys = (headers == null) ? List.of() : fpimport.workitem.ColumnKeys.find(column, headers);
			if (keys.isEmpty()) {
				continue;
			}
			String key = keys.get(0);
			streaming(() -> this.jdbc
				.query("SELECT CELLS, WORK_ITEM_ID FROM FPI_ROW WHERE RUN_ID = ? AND WORK_ITEM_ID IS NOT NULL "
						+ "AND STATUS IN ('CREATED', 'UPDATED', 'SKIPPED', 'PARTIAL')", (ResultSet rs) -> {
							String value = cells(runId, rs.getString(1)).get(key);
							if (value != null && values.contains(value.strip())) {
								found.put(value.strip(), rs.getLong(2));
							}
						}, runId));
		}
		return found;
	}

	/**
	 * The stored rows among these row numbers of a run, by row number. A dry run's valid
	 * row, whose number alone is kept ({@link #saveDryRunRows}), comes back as a VALID
	 * record with its row number and nothing else: no row key, no cells; its other rows
	 * without their cells; an import's skipped row, kept by number and item
	 * ({@link #saveRows}), as a SKIPPED record with its row number and item id. A row
	 * number absent from the answer has no outcome yet (not read, or not written yet).
	 */
	public Map<Long, RowRecord> rows(long runId, Collection<Long> rowNumbers) {
		if (rowNumbers.isEmpty()) {
			return Map.of();
		}
		// a chunk's rows are near each other: one range scan of the primary key, then a
		// filter
		long first = rowNumbers.stream().mapToLong(Long::longValue).min().getAsLong();
		long last = rowNumbers.stream().mapToLong(Long::longValue).max().getAsLong();
		Set<Long> wanted = Set.copyOf(rowNumbers);
		Map<Long, RowRecord> rows = new LinkedHashMap<>();
		this.jdbc.query("SELECT * FROM FPI_ROW WHERE RUN_ID = ? AND ROW_NO BETWEEN ? AND ?", (ResultSet rs) -> {
			if (wanted.contains(rs.getLong("ROW_NO"))) {
				RowRecord row = rowRecord(rs, 0);
				rows.put(row.rowNumber(), row);
			}
		}, runId, first, last);
		if (rows.size() < wanted.size()) {
			checkedRows(runId, first / CheckedRows.BLOCK, last / CheckedRows.BLOCK, (row) -> {
				if (wanted.contains(row.rowNumber())) {
					rows.putIfAbsent(row.rowNumber(), row);
				}
			});
		}
		if (rows.size() < wanted.size()) {
			ValidRows valid = validRows(runId, first, last);
			for (long rowNumber : wanted) {
				if (!rows.containsKey(rowNumber) && valid.contains(rowNumber)) {
					rows.put(rowNumber, ValidRows.record(runId, rowNumber));
				}
			}
		}
		if (rows.size() < wanted.size()) {
			java.util.NavigableMap<Long, Long> skipped = skippedRows(runId, first, last);
			for (long rowNumber : wanted) {
				Long itemId = skipped.get(rowNumber);
				if (itemId != null && !rows.containsKey(rowNumber)) {
					rows.put(rowNumber, SkippedRows.record(runId, rowNumber, itemId));
				}
			}
		}
		return rows;
	}

	/**
	 * The item ids of the rows kept as skipped between these row numbers, by row number.
	 */
	private java.util.NavigableMap<Long, Long> skippedRows(long runId, long first, long last) {
		java.util.NavigableMap<Long, Long> rows = new java.util.TreeMap<>();
		this.jdbc.query(
				"SELECT BLOCK_NO, ROW_ITEMS FROM FPI_SKIPPED_ROWS WHERE RUN_ID = ? AND BLOCK_NO BETWEEN ? AND ?",
				(ResultSet rs) -> {
					rows.putAll(SkippedRows.decode(rs.getLong(1), rs.getString(2)));
				}, runId, first / SkippedRows.BLOCK, last / SkippedRows.BLOCK);
		return rows;
	}

	private ValidRows validRows(long runId, long first, long last) {
		java.util.NavigableMap<Long, java.util.BitSet> blocks = new java.util.TreeMap<>();
		this.jdbc.query("SELECT BLOCK_NO, ROW_BITS FROM FPI_VALID_ROWS WHERE RUN_ID = ? AND BLOCK_NO BETWEEN ? AND ?",
				(ResultSet rs) -> {
					blocks.put(rs.getLong(1), ValidRows.decode(rs.getString(2)));
				}, runId, first / ValidRows.BLOCK, last / ValidRows.BLOCK);
		return new ValidRows(blocks);
	}

	/**
	 * Hands every row of a run to the consumer, in row order, without holding them all:
	 * what a report shows of them (their times are not read, and are {@code null}).
	 */
	public void forEachRow(long runId, Consumer<RowRecord> consumer) {
		streaming(() -> this.jdbc.query("SELECT RUN_ID, ROW_NO, ROW_KEY, STATUS, WORK_ITEM_ID, ERR_CODE, ERR_MSG, "
				+ "PROBLEMS, CELLS, IDEM_KEY, ATTEMPTS, ORIGIN_RUN_ID, ORIGIN_ROW_NO FROM FPI_ROW WHERE RUN_ID = ? "
				+ "ORDER BY ROW_NO", (ResultSet rs) -> consumer.accept(rowRecord(rs, false)), runId));
	}

	/** The rows of a run with one of these statuses, in row order. */
	public List<RowRecord> rowsWithStatus(long runId, Set<RowStatus> statuses) {
		String marks = statuses.stream().map((s) -> "?").collect(Collectors.joining(","));
		List<Object> arguments = new ArrayList<>();
		arguments.add(runId);
		statuses.forEach((status) -> arguments.add(status.name()));
		return this.jdbc.query("SELECT * FROM FPI_ROW WHERE RUN_ID = ? AND STATUS IN (" + marks + ") ORDER BY ROW_NO",
				this::rowRecord, arguments.toArray());
	}

	/**
	 * The most frequent reasons why rows of a run failed or were invalid, most frequent
	 * first.
	 */
	public List<ErrorReason> errorReasons(long runId, int limit) {
		ErrorReasons reasons = new ErrorReasons();
		streaming(() -> this.jdbc.query(
				"SELECT STATUS, ERR_CODE, ERR_MSG, PROBLEMS FROM FPI_ROW WHERE RUN_ID = ? AND STATUS IN (?, ?, ?, ?)",
				(ResultSet rs) -> {
					RowStatus status = RowStatus.valueOf(rs.getString(1));
					int code = rs.getInt(2);
					Integer errCode = rs.wasNull() ? null : code;
					List<RowProblem> problems = (status == RowStatus.INVALID)
							? this.json.readValue(rs.getString(4), PROBLEMS) : List.of();
					reasons.count(status, errCode, rs.getString(3), problems);
				}, runId, RowStatus.FAILED.name(), RowStatus.INVALID.name(), RowStatus.PARTIAL.name(),
				RowStatus.BLOCKED.name()));
		streaming(() -> this.jdbc.query(
				"SELECT STATUS, ROWS_JSON FROM FPI_CHECKED_ROWS WHERE RUN_ID = ? AND STATUS IN (?, ?, ?, ?)",
				(ResultSet rs) -> {
					for (RowRecord row : this.checked.decode(runId, RowStatus.valueOf(rs.getString(1)),
							rs.getString(2))) {
						reasons.count(row.status(), row.errCode(), row.errMsg(),
								(row.status() == RowStatus.INVALID) ? row.problems() : List.of());
					}
				}, runId, RowStatus.FAILED.name(), RowStatus.INVALID.name(), RowStatus.PARTIAL.name(),
				RowStatus.BLOCKED.name()));
		return reasons.top(limit);
	}

	/** Remembers the work item that a row key became. */
	public void ledgerPut(String projectKey, String typeKey, String rowKey, long workItemId, long runId) {
		inOwnTransaction(() -> {
			int updated = this.jdbc
				.update("UPDATE FPI_LEDGER SET WORK_ITEM_ID = ?, RUN_ID = ? WHERE PROJECT_KEY = ? AND TYPE_KEY = ? "
						+ "AND ROW_KEY = ?", workItemId, runId, projectKey, typeKey, rowKey);
			if (updated == 0) {
				this.jdbc.update(
						"INSERT INTO FPI_LEDGER (PROJECT_KEY, TYPE_KEY, ROW_KEY, WORK_ITEM_ID, RUN_ID, "
								+ "CREATED_AT) VALUES (?,?,?,?,?,?)",
						projectKey, typeKey, rowKey, workItemId, runId, now());
			}
			return null;
		});
	}

	// rollback: what a run created, and forgetting it

	/**
	 * The rows of these runs whose item the run created and a rollback has not deleted
	 * yet (CREATED, KEPT, or a delete in flight), by run and row number.
	 */
	public List<RowRecord> createdItems(Collection<Long> runIds) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		String marks = runIds.stream().map((id) -> "?").collect(Collectors.joining(","));
		return this.jdbc.query("SELECT * FROM FPI_ROW WHERE RUN_ID IN (" + marks + ") AND STATUS IN ('"
				+ RowStatus.CREATED + "', '" + RowStatus.KEPT + "', '" + RowStatus.ROLLING_BACK
				+ "') AND WORK_ITEM_ID IS NOT NULL ORDER BY RUN_ID, ROW_NO", this::rowRecord, runIds.toArray());
	}

	/**
	 * Forgets that a row key became this item, so that a later import creates the row
	 * again; an entry that names another item (a later run's) stays.
	 */
	public void ledgerRemove(String projectKey, String typeKey, String rowKey, long workItemId) {
		inOwnTransaction(() -> this.jdbc.update(
				"DELETE FROM FPI_LEDGER WHERE PROJECT_KEY = ? AND TYPE_KEY = ? AND ROW_KEY = ? AND WORK_ITEM_ID = ?",
				projectKey, typeKey, rowKey, workItemId));
	}

	/** The rows of a run by status, every status, counted from the rows themselves. */
	public Map<RowStatus, Long> statusCounts(long runId) {
		Map<RowStatus, Long> byStatus = new java.util.EnumMap<>(RowStatus.class);
		this.jdbc.query("SELECT STATUS, COUNT(*) FROM FPI_ROW WHERE RUN_ID = ? GROUP BY STATUS", (ResultSet rs) -> {
			byStatus.put(RowStatus.valueOf(rs.getString(1)), rs.getLong(2));
		}, runId);
		// a dry run's valid rows, kept as their row numbers alone
		Long valid = this.jdbc.queryForObject("SELECT SUM(ROW_COUNT) FROM FPI_VALID_ROWS WHERE RUN_ID = ?", Long.class,
				runId);
		if (valid != null && valid > 0) {
			byStatus.merge(RowStatus.VALID, valid, Long::sum);
		}
		// a dry run's other rows, kept by blocks
		this.jdbc.query("SELECT STATUS, SUM(ROW_COUNT) FROM FPI_CHECKED_ROWS WHERE RUN_ID = ? GROUP BY STATUS",
				(ResultSet rs) -> {
					byStatus.merge(RowStatus.valueOf(rs.getString(1)), rs.getLong(2), Long::sum);
				}, runId);
		// an import's skipped rows, kept as their numbers and items alone
		Long skipped = this.jdbc.queryForObject("SELECT SUM(ROW_COUNT) FROM FPI_SKIPPED_ROWS WHERE RUN_ID = ?",
				Long.class, runId);
		if (skipped != null && skipped > 0) {
			byStatus.merge(RowStatus.SKIPPED, skipped, Long::sum);
		}
		return byStatus;
	}

	/**
	 * Stores the run's counts from its rows again, keeping its status, report and
	 * message: after a rollback changed its rows.
	 */
	public void recount(long runId) {
		RunCounts counts = counts(runId);
		inOwnTransaction(() -> this.jdbc.update(
				"UPDATE FPI_RUN SET ROWS_TOTAL = ?, CREATED = ?, UPDATED = ?, SKIPPED = ?, INVALID = ?, FAILED = ? "
						+ "WHERE RUN_ID = ?",
				counts.total(), counts.created(), counts.updated(), counts.skipped(), counts.invalid(), counts.failed(),
				runId));
	}

	/**
	 * Runs a query over many rows so that they stream by the fetch size: in a transaction
	 * (PostgreSQL reads by the fetch size only outside auto-commit, and would otherwise
	 * hold every row at once), and on H2 with lazy query execution (H2 would otherwise
	 * build the whole result first, in memory and then in a temporary file).
	 */
	private void streaming(Runnable query) {
		inOwnTransaction(() -> {
			boolean h2 = isH2();
			if (h2) {
				this.jdbc.execute("SET LAZY_QUERY_EXECUTION TRUE");
			}
			try {
				query.run();
			}
			finally {
				if (h2) {
					this.jdbc.execute("SET LAZY_QUERY_EXECUTION FALSE");
				}
			}
			return null;
		});
	}

	private boolean isH2() {
		Boolean h2 = this.h2;
		if (h2 == null) {
			h2 = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> "H2"
				.equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
			this.h2 = h2;
		}
		return h2;
	}

	private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
		return this.ownTransaction.execute((status) -> work.get());
	}

	private RunRecord runRecord(ResultSet rs, int rowNumber) throws SQLException {
		long parent = rs.getLong("PARENT_RUN_ID");
		Long parentRunId = rs.wasNull() ? null : parent;
		RunCounts counts = new RunCounts(rs.getLong("ROWS_TOTAL"), rs.getLong("CREATED"), rs.getLong("UPDATED"),
				rs.getLong("SKIPPED"), rs.getLong("INVALID"), rs.getLong("FAILED"), 0, 0);
		return new RunRecord(rs.getLong("RUN_ID"), RunKind.valueOf(rs.getString("KIND")), parentRunId,
				rs.getBoolean("DRY_RUN"), rs.getString("SOURCE_FILE"), rs.getString("SOURCE_SHA256"),
				rs.getString("SHEET"), rs.getString("MAPPING_FILE"), rs.getString("MAPPING_SHA256"),
				rs.getString("MAPPING_TEXT"), rs.getString("ON_EXISTING"), rs.getString("PROJECT_KEY"),
				rs.getString("TYPE_KEY"), headers(rs.getString("HEADERS")), RunStatus.valueOf(rs.getString("STATUS")),
				counts, rs.getString("MESSAGE"), rs.getString("REPORT_PATH"), instant(rs, "STARTED_AT"),
				instant(rs, "ENDED_AT"));
	}

	private List<String> headers(String json) {
		return (json == null) ? null : this.json.readValue(json, HEADERS);
	}

	private RowRecord rowRecord(ResultSet rs, int rowNumber) throws SQLException {
		return rowRecord(rs, true);
	}

	private RowRecord rowRecord(ResultSet rs, boolean times) throws SQLException {
		long runId = rs.getLong("RUN_ID");
		long workItem = rs.getLong("WORK_ITEM_ID");
		Long workItemId = rs.wasNull() ? null : workItem;
		int code = rs.getInt("ERR_CODE");
		Integer errCode = rs.wasNull() ? null : code;
		String problems = rs.getString("PROBLEMS");
		return new RowRecord(runId, rs.getLong("ROW_NO"), rs.getString("ROW_KEY"),
				RowStatus.valueOf(rs.getString("STATUS")), workItemId, errCode, rs.getString("ERR_MSG"),
				(problems == null || problems.equals("[]")) ? List.of() : this.problemsReader.readValue(problems),
				cells(runId, rs.getString("CELLS")), rs.getString("IDEM_KEY"), rs.getInt("ATTEMPTS"),
				rs.getLong("ORIGIN_RUN_ID"), rs.getLong("ORIGIN_ROW_NO"), times ? instant(rs, "CREATED_AT") : null,
				times ? instant(rs, "UPDATED_AT") : null, times ? instant(rs, "LAST_WRITE_AT") : null);
	}

	/**
	 * A row's time of the run's last write as a typed parameter, a typed null if none.
	 */
	private static SqlParameterValue lastWrite(RowRecord row) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(row.lastWriteAt() == null) ? null : at(row.lastWriteAt()));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

	private static OffsetDateTime now() {
		return at(Instant.now());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
