package fpimport.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The store over a real H2 file database. */
class ResultStoreIT {

	@RegisterExtension
	final StoreDatabase database = new StoreDatabase();

	@BeforeEach
	void openDatabase() {
		// the schema made a second time does no harm
		ResultStore.createSchema(this.database.dataSource());
	}

	@Test
	void storesRunsRowsAndCountsThem() {
		long runId = this.database.store().startRun(newRun("a.csv", "sha-a"));
		this.database.store().saveRow(row(runId, 2, RowStatus.IN_FLIGHT, null, null, List.of()));
		this.database.store().saveRow(row(runId, 2, RowStatus.CREATED, 1001L, null, List.of()));
		this.database.store().saveRow(row(runId, 3, RowStatus.FAILED, null, 20050, List.of()));
		this.database.store().saveRow(row(runId, 4, RowStatus.INVALID, null, null, List.of(problem(4))));
		this.database.store().saveRow(row(runId, 5, RowStatus.INVALID, null, null, List.of(problem(5))));

		RunCounts counts = this.database.store().finishRun(runId, RunStatus.COMPLETED, "/tmp/a.report.xlsx", null);

		assertThat(counts).isEqualTo(new RunCounts(4, 1, 0, 0, 2, 1, 0, 0));
		RunRecord run = this.database.store().run(runId).orElseThrow();
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(run.counts().created()).isEqualTo(1);
		assertThat(run.reportPath()).isEqualTo("/tmp/a.report.xlsx");
		assertThat(run.endedAt()).isNotNull();
		RowRecord created = this.database.store().rows(runId, List.of(2L)).get(2L);
		assertThat(created.workItemId()).isEqualTo(1001L);
		assertThat(created.cells()).containsExactly(Map.entry("标题", "row 2"), Map.entry("优先级", "高"));
		assertThat(this.database.store().errorReasons(runId, 5)).containsExactly(
				new ErrorReason("unknown option 'P5'; options: P0, P1", 2), new ErrorReason("20050 refused", 1));
		assertThat(this.database.store().rowsWithStatus(runId, Set.of(RowStatus.FAILED, RowStatus.INVALID)))
			.extracting(RowRecord::rowNumber)
			.containsExactly(3L, 4L, 5L);
	}

	@Test
	void writesSurviveAReopenedDatabase() {
		long runId = this.database.store().startRun(newRun("a.csv", "sha-a"));
		this.database.store().saveRow(row(runId, 2, RowStatus.IN_FLIGHT, null, null, List.of()));

		ResultStore reopened = new ResultStore(this.database.dataSource());

		assertThat(reopened.rows(runId, List.of(2L)).get(2L).status()).isEqualTo(RowStatus.IN_FLIGHT);
		assertThat(reopened.unfinishedRun("sha-a", "mapping-sha")).map(RunRecord::runId).contains(runId);
		reopened.markRun(runId, RunStatus.COMPLETED, null);
		assertThat(reopened.unfinishedRun("sha-a", "mapping-sha")).isEmpty();
	}

	@Test
	void ledgerRemembersTheItemOfARowKey() {
		assertThat(this.database.store().ledgerEntries("p", "story", List.of("K-1"))).isEmpty();
		assertThat(this.database.store().hasLedgerEntries("p", "story")).isFalse();
		this.database.store().ledgerPut("p", "story", "K-1", 42, 1);
		assertThat(this.database.store().hasLedgerEntries("p", "story")).isTrue();
		assertThat(this.database.store().hasLedgerEntries("p", "issue")).isFalse();
		assertThat(this.database.store().hasLedgerEntries("q", "story")).isFalse();
		this.database.store().ledgerPut("p", "story", "K-1", 43, 2);
		assertThat(this.database.store().ledgerEntries("p", "story", List.of("K-1")))
			.containsExactly(Map.entry("K-1", new LedgerEntry(43, 2)));
		assertThat(this.database.store().ledgerEntries("p", "issue", List.of("K-1"))).isEmpty();
		// a key is a value, whatever its characters (H2 is asked with literals)
		String quoted = "K'2 \\' OR '1'='1 -- 需求";
		this.database.store().ledgerPut("p", "story", quoted, 44, 3);
		assertThat(this.database.store().ledgerEntries("p", "story", List.of(quoted, "K-1", "K-3")))
			.containsOnly(Map.entry(quoted, new LedgerEntry(44, 3)), Map.entry("K-1", new LedgerEntry(43, 2)));
		assertThat(this.database.store().ledgerEntries("p", "story", List.of("K'2"))).isEmpty();
	}

	@Test
	void listsRecentRunsNewestFirst() {
		long first = this.database.store().startRun(newRun("a.csv", "sha-a"));
		long second = this.database.store().startRun(newRun("b.csv", "sha-b"));
		assertThat(this.database.store().recentRuns(10)).extracting(RunRecord::runId).containsExactly(second, first);
		assertThat(this.database.store().recentRuns(1)).extracting(RunRecord::runId).containsExactly(second);
	}

	@Test
	void retryRowsStayTheSameWhileTheRetryGoesOnAndLatestOutcomesFollowTheRetries() {
		long parent = this.database.store().startRun(newRun("a.csv", "sha-a"));
		this.database.store().saveRow(row(parent, 2, RowStatus.CREATED, 100L, null, List.of()));
		this.database.store().saveRow(row(parent, 3, RowStatus.FAILED, null, 30005, List.of()));
		this.database.store().saveRow(row(parent, 4, RowStatus.FAILED, null, 20050, List.of()));
		this.database.store().saveRow(row(parent, 5, RowStatus.INVALID, null, null, List.of(problem(5))));
		RowFilter filter = new RowFilter(Set.of(RowStatus.FAILED), Set.of(30005, 20050));
		long first = this.database.store().startRun(retry(parent), filter);
		assertThat(this.database.store().rowFilter(first)).isEqualTo(filter);
		assertThat(this.database.store().rowFilter(parent)).isEqualTo(RowFilter.ALL);
		assertThat(this.database.store().unfinishedRetry(parent)).map(RunRecord::runId).contains(first);
		assertThat(this.database.store().retryCandidates(parent, first).stream().filter(filter::matches))
			.extracting(RowRecord::rowNumber)
			.containsExactly(3L, 4L);

		// the retry creates row 3: a restart of it still finds row 3 among its rows
		this.database.store().saveRow(origin(row(first, 3, RowStatus.CREATED, 103L, null, List.of()), parent));
		assertThat(this.database.store().retryCandidates(parent, first)).extracting(RowRecord::rowNumber)
			.containsExactly(3L, 4L, 5L);
		this.database.store().markRun(first, RunStatus.COMPLETED, null);
		assertThat(this.database.store().unfinishedRetry(parent)).isEmpty();

		// a later retry leaves row 3 out, and the parent's rows end as the retry left
		// them
		long second = this.database.store().startRun(retry(parent), RowFilter.ALL);
		assertThat(this.database.store().retryCandidates(parent, second)).extracting(RowRecord::rowNumber)
			.containsExactly(4L, 5L);
		assertThat(this.database.store().retriesOf(parent)).extracting(RunRecord::runId).containsExactly(first, second);
		assertThat(this.database.store().latestOutcomes(parent))
			.extracting((o) -> o.originRowNumber() + " " + o.row().status() + " " + o.row().runId())
			.containsExactly("2 CREATED " + parent, "3 CREATED " + first, "4 FAILED " + parent, "5 INVALID " + parent);
		assertThat(this.database.store().claimedItems("p", "story", parent, List.of(100L, 103L, 999L)))
			.containsExactly(100L);
	}

	private static NewRun retry(long parent) {
		return new NewRun(RunKind.RETRY, parent, false, "a.csv", "sha-a", null, "m.yaml", "mapping-sha", "type: story",
				"skip", "p", "story");
	}

	private static RowRecord origin(RowRecord row, long originRunId) {
		return new RowRecord(row.runId(), row.rowNumber(), row.rowKey(), row.status(), row.workItemId(), row.errCode(),
				row.errMsg(), row.problems(), row.cells(), row.idempotencyKey(), row.attempts(), originRunId,
				row.rowNumber(), null, null);
	}

	/** Cells in header order, so that the test sees whether the order survives. */
	private static Map<String, String> cells(long rowNumber) {
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("标题", "row " + rowNumber);
		cells.put("优先级", "高");
		return cells;
	}

	private static RowProblem problem(long rowNumber) {
		return new RowProblem(new RowRef("a.csv", null, rowNumber), "优先级", "priority", "P5",
				"unknown option 'P5'; options: P0, P1");
	}

	private static NewRun newRun(String file, String sha) {
		return new NewRun(RunKind.IMPORT, null, false, file, sha, null, "m.yaml", "mapping-sha", "type: story", "skip",
				"p", "story");
	}

	private static RowRecord row(long runId, long rowNumber, RowStatus status, Long itemId, Integer errCode,
			List<RowProblem> problems) {
		return new RowRecord(runId, rowNumber, "K-" + rowNumber, status, itemId, errCode,
				(errCode == null) ? null : "refused", problems, cells(rowNumber), "idem", 1, runId, rowNumber, null,
				null);
	}

}
