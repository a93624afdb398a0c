package fpimport.result;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run's rows over a real H2 file database: the valid ones kept as their row numbers
 * alone, every other one whole, and both answered by {@code rows} and {@code counts}.
 */
class DryRunRowsIT {

	@TempDir
	Path directory;

	private ResultStore store;

	private JdbcDataSource dataSource;

	private long runId;

	@BeforeEach
	void openDatabase() {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:file:" + this.directory.resolve("db") + ";WRITE_DELAY=0");
		ResultStore.createSchema(this.dataSource);
		this.store = new ResultStore(this.dataSource);
		this.runId = this.store.startRun(new NewRun(RunKind.IMPORT, null, true, "a.csv", "sha-a", null, "m.yaml",
				"mapping-sha", "type: story", "skip", "p", "story"));
	}

	@Test
	void validRowsAreKeptAsNumbersAndTheOthersWithoutTheirCells() throws SQLException {
		// rows on both sides of a block's edge (4,096 row numbers a block)
		this.store.saveDryRunRows(List.of(row(2, RowStatus.VALID), row(3, RowStatus.INVALID),
				row(4095, RowStatus.VALID), row(4096, RowStatus.VALID), row(4097, RowStatus.SKIPPED)));

		assertThat(storedRowNumbers()).containsExactly(3L, 4097L);
		RunCounts counts = this.store.counts(this.runId);
		assertThat(counts.total()).isEqualTo(5);
		assertThat(counts.valid()).isEqualTo(3);
		assertThat(counts.invalid()).isEqualTo(1);
		assertThat(counts.skipped()).isEqualTo(1);
		assertThat(this.store.statusCounts(this.runId)).containsEntry(RowStatus.VALID, 3L)
			.containsEntry(RowStatus.INVALID, 1L);

		Map<Long, RowRecord> rows = this.store.rows(this.runId, List.of(2L, 3L, 4L, 4095L, 4096L, 4097L, 9000L));
		assertThat(rows.keySet()).containsExactlyInAnyOrder(2L, 3L, 4095L, 4096L, 4097L);
		assertThat(rows.get(2L).status()).isEqualTo(RowStatus.VALID);
		assertThat(rows.get(2L).cells()).isEmpty();
		assertThat(rows.get(2L).rowKey()).isNull();
		assertThat(rows.get(4096L).status()).isEqualTo(RowStatus.VALID);
		assertThat(rows.get(3L).status()).isEqualTo(RowStatus.INVALID);
		// kept without its cells: the report has them, and the file
		assertThat(rows.get(3L).cells()).isEmpty();
		assertThat(rows.get(3L).problems()).hasSize(1);
		assertThat(this.store.validRows(this.runId).rowNumbers().boxed().toList()).containsExactly(2L, 4095L, 4096L);
	}

	@Test
	void aRowSavedAgainReplacesWhatAnEarlierAttemptKept() throws SQLException {
		this.store.saveDryRunRows(List.of(row(2, RowStatus.VALID), row(3, RowStatus.INVALID)));

		// validated again (a resumed dry run), with other outcomes
		this.store.saveDryRunRows(List.of(row(2, RowStatus.INVALID), row(3, RowStatus.VALID)));

		assertThat(storedRowNumbers()).containsExactly(2L);
		RunCounts counts = this.store.counts(this.runId);
		assertThat(counts.total()).isEqualTo(2);
		assertThat(counts.valid()).isEqualTo(1);
		assertThat(counts.invalid()).isEqualTo(1);
		assertThat(this.store.rows(this.runId, List.of(2L, 3L)))
			.hasEntrySatisfying(2L, (row) -> assertThat(row.status()).isEqualTo(RowStatus.INVALID))
			.hasEntrySatisfying(3L, (row) -> assertThat(row.status()).isEqualTo(RowStatus.VALID));

		// the same again changes nothing
		this.store.saveDryRunRows(List.of(row(2, RowStatus.INVALID), row(3, RowStatus.VALID)));
		assertThat(this.store.counts(this.runId)).isEqualTo(counts);
	}

	@Test
	void aValidRowThatNamesAnItemIsStoredWhole() throws SQLException {
		// --on-existing update: the row would update item 77
		this.store.saveDryRunRows(List.of(new RowRecord(this.runId, 2, "K-2", RowStatus.VALID, 77L, null, null,
				List.of(), Map.of("标题", "row 2"), null, 0, this.runId, 2, null, null)));

		assertThat(storedRowNumbers()).containsExactly(2L);
		assertThat(this.store.rows(this.runId, List.of(2L)).get(2L).workItemId()).isEqualTo(77L);
		assertThat(this.store.counts(this.runId).valid()).isEqualTo(1);
	}

	@Test
	void anImportKeepsNoValidRows() {
		long importRun = this.store.startRun(new NewRun(RunKind.IMPORT, null, false, "b.csv", "sha-b", null, "m.yaml",
				"mapping-sha", "type: story", "skip", "p", "story"));

		assertThat(this.store.validRows(importRun).count()).isZero();
		assertThat(this.store.rows(importRun, List.of(2L))).isEmpty();
	}

	private List<Long> storedRowNumbers() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT ROW_NO FROM FPI_ROW WHERE RUN_ID = " + this.runId + " ORDER BY ROW_NO")) {
			List<Long> numbers = new java.util.ArrayList<>();
			while (rs.next()) {
				numbers.add(rs.getLong(1));
			}
			return numbers;
		}
	}

	private RowRecord row(long rowNumber, RowStatus status) {
		List<RowProblem> problems = (status == RowStatus.INVALID) ? List
			.of(new RowProblem(new RowRef("a.csv", null, rowNumber), "优先级", "priority", "P9", "unknown option 'P9'"))
				: List.of();
		return new RowRecord(this.runId, rowNumber, "K-" + rowNumber, status, null, null, null, problems,
				Map.of("标题", "row " + rowNumber), null, 0, this.runId, rowNumber, null, null);
	}

}
