package fpimport.result;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** What the store keeps for a rollback, over a real H2 file database. */
class RollbackStoreIT {

	@RegisterExtension
	final StoreDatabase database = new StoreDatabase();

	@Test
	void theTimeOfTheRunsLastWriteIsKeptUntilAnotherIsGiven() {
		long runId = this.database.store().startRun(newRun());
		Instant written = Instant.parse("2026-12-01T10:15:30.123Z");
		this.database.store().saveRow(row(runId, 2, RowStatus.IN_FLIGHT, null));
		this.database.store().saveRow(row(runId, 2, RowStatus.CREATED, written));
		assertThat(this.database.store().rows(runId, List.of(2L)).get(2L).lastWriteAt()).isEqualTo(written);

		// a rollback's outcome names no write: the one stored stays
		this.database.store().saveRow(row(runId, 2, RowStatus.ROLLING_BACK, null));
		assertThat(this.database.store().rows(runId, List.of(2L)).get(2L).lastWriteAt()).isEqualTo(written);
		Instant later = written.plusSeconds(60);
		this.database.store().saveRow(row(runId, 2, RowStatus.CREATED, later));
		assertThat(this.database.store().rows(runId, List.of(2L)).get(2L).lastWriteAt()).isEqualTo(later);
	}

	@Test
	void createdItemsAreTheRowsWhoseItemIsNotRolledBackYet() {
		long runId = this.database.store().startRun(newRun());
		long other = this.database.store().startRun(newRun());
		this.database.store()
			.saveRows(List.of(row(runId, 2, RowStatus.CREATED, null), row(runId, 3, RowStatus.KEPT, null),
					row(runId, 4, RowStatus.ROLLING_BACK, null), row(runId, 5, RowStatus.ROLLED_BACK, null),
					row(runId, 6, RowStatus.UPDATED, null), row(runId, 7, RowStatus.SKIPPED, null),
					row(other, 2, RowStatus.CREATED, null)));

		assertThat(this.database.store().createdItems(Set.of(runId))).extracting(RowRecord::rowNumber)
			.containsExactly(2L, 3L, 4L);
		assertThat(this.database.store().statusCounts(runId)).containsEntry(RowStatus.ROLLED_BACK, 1L)
			.containsEntry(RowStatus.KEPT, 1L)
			.containsEntry(RowStatus.ROLLING_BACK, 1L);
	}

	@Test
	void theLedgerForgetsARowKeyOnlyForItsOwnItem() {
		this.database.store().ledgerPut("p", "story", "K-1", 42, 1);
		this.database.store().ledgerRemove("p", "story", "K-1", 41);
		assertThat(this.database.store().ledgerEntries("p", "story", List.of("K-1"))).containsKey("K-1");

		this.database.store().ledgerRemove("p", "story", "K-1", 42);
		assertThat(this.database.store().ledgerEntries("p", "story", List.of("K-1"))).isEmpty();
	}

	@Test
	void aDatabaseOfAnEarlierReleaseGainsTheColumn() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE FPI_ROW DROP COLUMN LAST_WRITE_AT");
		}
		long runId = this.database.store().startRun(newRun());

		ResultStore.createSchema(this.database.dataSource());

		Instant written = Instant.parse("2026-12-01T10:15:30Z");
		this.database.store().saveRow(row(runId, 2, RowStatus.CREATED, written));
		assertThat(this.database.store().rows(runId, List.of(2L)).get(2L).lastWriteAt()).isEqualTo(written);
	}

	private static NewRun newRun() {
		return new NewRun(RunKind.IMPORT, null, false, "a.csv", "sha-a", null, "m.yaml", "mapping-sha", "type: story",
				"SKIP", "p", "story");
	}

	private static RowRecord row(long runId, long rowNumber, RowStatus status, Instant lastWriteAt) {
		return new RowRecord(runId, rowNumber, "K-" + rowNumber, status, 6_184_000_000L + rowNumber, null, null,
				List.of(), Map.of("编号", "K-" + rowNumber), null, 1, runId, rowNumber, null, null, lastWriteAt);
	}

}
