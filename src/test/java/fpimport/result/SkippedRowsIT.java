package fpimport.result;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's skipped rows over a real H2 file database: kept by row number and item
 * alone, not in {@code FPI_ROW}, and answered by {@code rows}, {@code counts},
 * {@code skippedRows} and {@code latestOutcomes}; a retry's skipped row, whose cells are
 * no file's, stays whole.
 */
class SkippedRowsIT {

	@RegisterExtension
	final StoreDatabase database = new StoreDatabase();

	private long runId;

	@BeforeEach
	void openDatabase() {
		this.runId = this.database.startRun(false);
	}

	@Test
	void skippedRowsAreKeptByNumberAndItemAndTheOthersWhole() throws SQLException {
		// rows on both sides of a block's edge (512 row numbers a block), items up and
		// down
		this.database.store()
			.saveRows(List.of(row(2, RowStatus.SKIPPED, 4_812_084_224L), row(3, RowStatus.INVALID, null),
					row(511, RowStatus.SKIPPED, 17L), row(512, RowStatus.SKIPPED, Long.MAX_VALUE)));
		this.database.store()
			.saveRows(List.of(row(513, RowStatus.SKIPPED, 1L), row(2000, RowStatus.SKIPPED, 9_000_000_001L)));

		assertThat(this.database.storedRowNumbers(this.runId)).containsExactly(3L);
		RunCounts counts = this.database.store().counts(this.runId);
		assertThat(counts.total()).isEqualTo(6);
		assertThat(counts.skipped()).isEqualTo(5);
		assertThat(counts.invalid()).isEqualTo(1);
		assertThat(this.database.store().statusCounts(this.runId)).containsEntry(RowStatus.SKIPPED, 5L)
			.containsEntry(RowStatus.INVALID, 1L);

		Map<Long, RowRecord> rows = this.database.store()
			.rows(this.runId, List.of(2L, 3L, 4L, 511L, 512L, 513L, 2000L));
		assertThat(rows.keySet()).containsExactlyInAnyOrder(2L, 3L, 511L, 512L, 513L, 2000L);
		assertThat(rows.get(2L).status()).isEqualTo(RowStatus.SKIPPED);
		assertThat(rows.get(2L).workItemId()).isEqualTo(4_812_084_224L);
		assertThat(rows.get(2L).cells()).isEmpty();
		assertThat(rows.get(511L).workItemId()).isEqualTo(17L);
		assertThat(rows.get(512L).workItemId()).isEqualTo(Long.MAX_VALUE);
		assertThat(rows.get(513L).workItemId()).isEqualTo(1L);
		assertThat(rows.get(3L).cells()).containsEntry("标题", "row 3");

		assertThat(this.database.store()
			.skippedRows(this.runId)
			.records(this.runId)
			.map((row) -> List.of(row.rowNumber(), row.workItemId(), row.originRowNumber()))).containsExactly(
					List.of(2L, 4_812_084_224L, 2L), List.of(511L, 17L, 511L), List.of(512L, Long.MAX_VALUE, 512L),
					List.of(513L, 1L, 513L), List.of(2000L, 9_000_000_001L, 2000L));
		assertThat(this.database.store()
			.latestOutcomes(this.runId)
			.stream()
			.map((o) -> o.originRowNumber() + " " + o.row().status()))
			.containsExactly("2 SKIPPED", "3 INVALID", "511 SKIPPED", "512 SKIPPED", "513 SKIPPED", "2000 SKIPPED");
	}

	@Test
	void aRowInFlightThatTheLedgerNamesIsForgottenWhole() throws SQLException {
		// the run stopped with the row's call open; resumed, another run's create of the
		// same key is in the ledger
		this.database.store().saveRows(List.of(row(2, RowStatus.IN_FLIGHT, null)));
		assertThat(this.database.storedRowNumbers(this.runId)).containsExactly(2L);

		this.database.store().saveRows(List.of(row(2, RowStatus.SKIPPED, 55L)));

		assertThat(this.database.storedRowNumbers(this.runId)).isEmpty();
		assertThat(this.database.store().rows(this.runId, List.of(2L)).get(2L).status()).isEqualTo(RowStatus.SKIPPED);
		assertThat(this.database.store().counts(this.runId).total()).isEqualTo(1);
		assertThat(this.database.store().counts(this.runId).inFlight()).isZero();
	}

	@Test
	void aRetrysSkippedRowIsStoredWholeWithItsCells() throws SQLException {
		long retry = this.database.store()
			.startRun(new NewRun(RunKind.RETRY, this.runId, false, "a.csv", "sha-a", null, "m.yaml", "mapping-sha",
					"type: story", "skip", "p", "story"));

		this.database.store()
			.saveRows(List.of(new RowRecord(retry, 1, "K-3", RowStatus.SKIPPED, 66L, null, null, List.of(),
					Map.of("标题", "row 3"), null, 0, this.runId, 3, null, null)));

		assertThat(this.database.store().skippedRows(retry).count()).isZero();
		RowRecord stored = this.database.store().rows(retry, List.of(1L)).get(1L);
		assertThat(stored.cells()).containsEntry("标题", "row 3");
		assertThat(stored.workItemId()).isEqualTo(66L);
		assertThat(this.database.store().counts(retry).skipped()).isEqualTo(1);
	}

	@Test
	void rowsSavedInTheCallersTransactionAreCommittedOrRolledBackWithIt() {
		ResultStore store = this.database.store();
		TransactionTemplate chunk = new TransactionTemplate(
				new DataSourceTransactionManager(this.database.dataSource()));
		// the caller's transaction rolls back: neither row stays
		chunk.executeWithoutResult((status) -> {
			store
				.saveRowsInCallersTransaction(List.of(row(2, RowStatus.SKIPPED, 55L), row(3, RowStatus.INVALID, null)));
			assertThat(store.counts(this.runId).total()).isEqualTo(2);
			status.setRollbackOnly();
		});
		assertThat(store.counts(this.runId).total()).isZero();

		chunk.executeWithoutResult((status) -> store
			.saveRowsInCallersTransaction(List.of(row(2, RowStatus.SKIPPED, 55L), row(3, RowStatus.INVALID, null))));
		// without a transaction open, in one of their own
		store.saveRowsInCallersTransaction(List.of(row(4, RowStatus.SKIPPED, 56L)));

		RunCounts counts = store.counts(this.runId);
		assertThat(counts.skipped()).isEqualTo(2);
		assertThat(counts.invalid()).isEqualTo(1);
		assertThat(store.rows(this.runId, List.of(2L, 4L)).get(4L).workItemId()).isEqualTo(56L);
	}

	private RowRecord row(long rowNumber, RowStatus status, Long itemId) {
		List<fpimport.workitem.RowProblem> problems = (status == RowStatus.INVALID)
				? List.of(new fpimport.workitem.RowProblem(new fpimport.workitem.RowRef("a.csv", null, rowNumber),
						"优先级", "priority", "P9", "unknown option 'P9'"))
				: List.of();
		return new RowRecord(this.runId, rowNumber, "K-" + rowNumber, status, itemId, null, null, problems,
				Map.of("标题", "row " + rowNumber), null, 0, this.runId, rowNumber, null, null);
	}

}
