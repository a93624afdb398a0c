package fpimport.result;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run's rows over a real H2 file database: the valid ones kept as their row numbers
 * alone, every other one by blocks without its cells, none in {@code FPI_ROW}, and all
 * answered by {@code rows}, {@code counts}, {@code errorReasons} and {@code dryRunRows}.
 */
class DryRunRowsIT {

	@RegisterExtension
	final StoreDatabase database = new StoreDatabase();

	private long runId;

	@BeforeEach
	void openDatabase() {
		this.runId = this.database.startRun(true);
	}

	@Test
	void validRowsAreKeptAsNumbersAndTheOthersWithoutTheirCells() throws SQLException {
		// rows on both sides of a block's edge (4,096 row numbers a block)
		this.database.store()
			.saveDryRunRows(List.of(row(2, RowStatus.VALID), row(3, RowStatus.INVALID), row(4095, RowStatus.VALID),
					row(4096, RowStatus.VALID), row(4097, RowStatus.SKIPPED)));

		assertThat(this.database.storedRowNumbers(this.runId)).isEmpty();
		RunCounts counts = this.database.store().counts(this.runId);
		assertThat(counts.total()).isEqualTo(5);
		assertThat(counts.valid()).isEqualTo(3);
		assertThat(counts.invalid()).isEqualTo(1);
		assertThat(counts.skipped()).isEqualTo(1);
		assertThat(this.database.store().statusCounts(this.runId)).containsEntry(RowStatus.VALID, 3L)
			.containsEntry(RowStatus.INVALID, 1L);

		Map<Long, RowRecord> rows = this.database.store()
			.rows(this.runId, List.of(2L, 3L, 4L, 4095L, 4096L, 4097L, 9000L));
		assertThat(rows.keySet()).containsExactlyInAnyOrder(2L, 3L, 4095L, 4096L, 4097L);
		assertThat(rows.get(2L).status()).isEqualTo(RowStatus.VALID);
		assertThat(rows.get(2L).cells()).isEmpty();
		assertThat(rows.get(2L).rowKey()).isNull();
		assertThat(rows.get(4096L).status()).isEqualTo(RowStatus.VALID);
		assertThat(rows.get(3L).status()).isEqualTo(RowStatus.INVALID);
		// kept without its cells: the report has them, and the file
		assertThat(rows.get(3L).cells()).isEmpty();
		assertThat(rows.get(3L).problems()).isEqualTo(row(3, RowStatus.INVALID).problems());
		assertThat(rows.get(3L).rowKey()).isEqualTo("K-3");
		assertThat(rows.get(4097L).status()).isEqualTo(RowStatus.SKIPPED);
		List<RowRecord> all = new java.util.ArrayList<>();
		this.database.store().dryRunRows(this.runId).forEachRemaining(all::add);
		assertThat(all).extracting(RowRecord::rowNumber, RowRecord::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, RowStatus.VALID),
					org.assertj.core.groups.Tuple.tuple(3L, RowStatus.INVALID),
					org.assertj.core.groups.Tuple.tuple(4095L, RowStatus.VALID),
					org.assertj.core.groups.Tuple.tuple(4096L, RowStatus.VALID),
					org.assertj.core.groups.Tuple.tuple(4097L, RowStatus.SKIPPED));
		assertThat(this.database.store().validRows(this.runId).rowNumbers().boxed().toList()).containsExactly(2L, 4095L,
				4096L);
	}

	@Test
	void aRowSavedAgainReplacesWhatAnEarlierAttemptKept() throws SQLException {
		this.database.store().saveDryRunRows(List.of(row(2, RowStatus.VALID), row(3, RowStatus.INVALID)));

		// validated again (a resumed dry run), with other outcomes
		this.database.store().saveDryRunRows(List.of(row(2, RowStatus.INVALID), row(3, RowStatus.VALID)));

		assertThat(this.database.storedRowNumbers(this.runId)).isEmpty();
		RunCounts counts = this.database.store().counts(this.runId);
		assertThat(counts.total()).isEqualTo(2);
		assertThat(counts.valid()).isEqualTo(1);
		assertThat(counts.invalid()).isEqualTo(1);
		assertThat(this.database.store().rows(this.runId, List.of(2L, 3L)))
			.hasEntrySatisfying(2L, (row) -> assertThat(row.status()).isEqualTo(RowStatus.INVALID))
			.hasEntrySatisfying(3L, (row) -> assertThat(row.status()).isEqualTo(RowStatus.VALID));

		// the same again changes nothing
		this.database.store().saveDryRunRows(List.of(row(2, RowStatus.INVALID), row(3, RowStatus.VALID)));
		assertThat(this.database.store().counts(this.runId)).isEqualTo(counts);
	}

	@Test
	void aRowSavedAgainInTheNextChunkLeavesTheRowsOfItsBlockSavedBefore() {
		// rows 250-259: the first chunk ends inside a block of 256 row numbers (256-511)
		// and the next starts there; row 257 is validated again in the second
		this.database.store()
			.saveDryRunRows(List.of(row(250, RowStatus.INVALID), row(256, RowStatus.INVALID),
					row(257, RowStatus.INVALID), row(258, RowStatus.BLOCKED)));
		this.database.store().saveDryRunRows(List.of(row(257, RowStatus.VALID), row(259, RowStatus.INVALID)));

		assertThat(this.database.store().rows(this.runId, List.of(250L, 256L, 257L, 258L, 259L)))
			.extractingFromEntries((entry) -> entry.getKey() + " " + entry.getValue().status())
			.containsExactlyInAnyOrder("250 INVALID", "256 INVALID", "257 VALID", "258 BLOCKED", "259 INVALID");
		RunCounts counts = this.database.store().counts(this.runId);
		assertThat(counts.invalid()).isEqualTo(3);
		assertThat(counts.failed()).isEqualTo(1);
		assertThat(counts.valid()).isEqualTo(1);
		assertThat(this.database.store().errorReasons(this.runId, 5)).anySatisfy((reason) -> {
			assertThat(reason.reason()).contains("unknown option 'P9'");
			assertThat(reason.rows()).isEqualTo(3);
		});
	}

	@Test
	void everyRowComesBackInOrderAcrossManyBlocks() {
		// 40,000 rows in chunks of 2,000, every fourth invalid and every tenth skipped:
		// more blocks than one read takes
		for (long first = 2; first < 40_002; first += 2000) {
			List<RowRecord> chunk = new java.util.ArrayList<>();
			for (long n = first; n < first + 2000; n++) {
				chunk.add(row(n, status(n)));
			}
			this.database.store().saveDryRunRows(chunk);
		}

		java.util.Iterator<RowRecord> rows = this.database.store().dryRunRows(this.runId);
		long expected = 2;
		while (rows.hasNext()) {
			RowRecord row = rows.next();
			assertThat(row.rowNumber()).isEqualTo(expected);
			assertThat(row.status()).isEqualTo(status(expected));
			expected++;
		}
		assertThat(expected).isEqualTo(40_002);
		org.assertj.core.api.Assertions.assertThatThrownBy(rows::next)
			.isInstanceOf(java.util.NoSuchElementException.class);
		assertThat(this.database.store().counts(this.runId).invalid()).isEqualTo(10_000);
		assertThat(this.database.storedRowNumbers(this.runId)).isEmpty();
	}

	@Test
	void aRowThatAnOlderVersionStoredWholeIsReplaced() {
		// how an older version kept a dry run's row with problems: in FPI_ROW
		this.database.store().saveRows(List.of(row(3, RowStatus.INVALID)));
		assertThat(this.database.storedRowNumbers(this.runId)).containsExactly(3L);

		this.database.store().saveDryRunRows(List.of(row(3, RowStatus.SKIPPED)));

		assertThat(this.database.storedRowNumbers(this.runId)).isEmpty();
		RunCounts counts = this.database.store().counts(this.runId);
		assertThat(counts.total()).isEqualTo(1);
		assertThat(counts.skipped()).isEqualTo(1);
	}

	@Test
	void aValidRowThatNamesAnItemIsKeptWithIt() throws SQLException {
		// --on-existing update: the row would update item 77
		this.database.store()
			.saveDryRunRows(List.of(new RowRecord(this.runId, 2, "K-2", RowStatus.VALID, 77L, null, null, List.of(),
					Map.of("标题", "row 2"), null, 0, this.runId, 2, null, null)));

		assertThat(this.database.storedRowNumbers(this.runId)).isEmpty();
		assertThat(this.database.store().rows(this.runId, List.of(2L)).get(2L).workItemId()).isEqualTo(77L);
		assertThat(this.database.store().rows(this.runId, List.of(2L)).get(2L).rowKey()).isEqualTo("K-2");
		assertThat(this.database.store().counts(this.runId).valid()).isEqualTo(1);
	}

	@Test
	void anImportKeepsNoValidRows() {
		long importRun = this.database.store()
			.startRun(new NewRun(RunKind.IMPORT, null, false, "b.csv", "sha-b", null, "m.yaml", "mapping-sha",
					"type: story", "skip", "p", "story"));

		assertThat(this.database.store().validRows(importRun).count()).isZero();
		assertThat(this.database.store().rows(importRun, List.of(2L))).isEmpty();
	}

	private static RowStatus status(long rowNumber) {
		return (rowNumber % 4 == 0) ? RowStatus.INVALID : (rowNumber % 10 == 1) ? RowStatus.SKIPPED : RowStatus.VALID;
	}

	private RowRecord row(long rowNumber, RowStatus status) {
		List<RowProblem> problems = (status == RowStatus.INVALID) ? List
			.of(new RowProblem(new RowRef("a.csv", null, rowNumber), "优先级", "priority", "P9", "unknown option 'P9'"))
				: List.of();
		return new RowRecord(this.runId, rowNumber, "K-" + rowNumber, status, null, null, null, problems,
				Map.of("标题", "row " + rowNumber), null, 0, this.runId, rowNumber, null, null);
	}

}
