package fpimport.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** How the store keeps a row's cells, over a real H2 file database. */
class StoredCellsIT {

	@RegisterExtension
	final StoreDatabase database = new StoreDatabase();

	private JdbcTemplate jdbc;

	@BeforeEach
	void openDatabase() {
		this.jdbc = new JdbcTemplate(this.database.dataSource());
	}

	@Test
	void aRowOfTheRunsHeaderIsStoredAsItsValuesAndReadBackByAnotherStore() {
		long runId = run(List.of("编号", "标题"));
		this.database.store()
			.saveRows(List.of(row(runId, 2, cells("编号", "A-1", "标题", "登录")),
					row(runId, 3, cells("编号", "A-2", "标题", "\u001F\u0000"))));

		assertThat(storedCells(runId, 2)).isEqualTo("\u001EA-1\u001F登录\u001F");
		ResultStore reopened = new ResultStore(this.database.dataSource());
		assertThat(reopened.rows(runId, List.of(2L, 3L)).values()).extracting(RowRecord::cells)
			.containsExactly(cells("编号", "A-1", "标题", "登录"), cells("编号", "A-2", "标题", "\u001F\u0000"));
		List<RowRecord> streamed = new java.util.ArrayList<>();
		reopened.forEachRow(runId, streamed::add);
		assertThat(streamed).extracting(RowRecord::cells)
			.containsExactly(cells("编号", "A-1", "标题", "登录"), cells("编号", "A-2", "标题", "\u001F\u0000"));
	}

	@Test
	void aRowWithOtherColumnsAndARowStoredBeforeAreJson() {
		long runId = run(List.of("编号", "标题"));
		this.database.store().saveRows(List.of(row(runId, 2, cells("编号", "A-1", "extra", "x"))));
		this.jdbc.update("INSERT INTO FPI_ROW (RUN_ID, ROW_NO, STATUS, CELLS, ORIGIN_RUN_ID, ORIGIN_ROW_NO, "
				+ "CREATED_AT, UPDATED_AT) VALUES (?, 3, 'VALID', '{\"编号\":\"A-0\",\"标题\":\"旧\"}', ?, 3, "
				+ "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", runId, runId);

		assertThat(storedCells(runId, 2)).isEqualTo("{\"编号\":\"A-1\",\"extra\":\"x\"}");
		assertThat(new ResultStore(this.database.dataSource()).rows(runId, List.of(2L, 3L)).values())
			.extracting(RowRecord::cells)
			.containsExactly(cells("编号", "A-1", "extra", "x"), cells("编号", "A-0", "标题", "旧"));
	}

	@Test
	void aRunWithoutAHeaderKeepsJson() {
		long runId = this.database.store().startRun(newRun());
		this.database.store().saveRow(row(runId, 2, cells("编号", "A-1")));

		assertThat(storedCells(runId, 2)).isEqualTo("{\"编号\":\"A-1\"}");
		assertThat(this.database.store().rows(runId, List.of(2L)).get(2L).cells()).isEqualTo(cells("编号", "A-1"));
	}

	@Test
	void aStoreThatSawTheRunBeforeItsHeaderReadsRowsWrittenUnderIt() {
		long runId = this.database.store().startRun(newRun());
		ResultStore early = new ResultStore(this.database.dataSource());
		early.saveRow(row(runId, 1, cells("编号", "A-0")));
		this.database.store().setTarget(runId, "p", "story", List.of("编号"));
		this.database.store().saveRow(row(runId, 2, cells("编号", "A-1")));

		assertThat(storedCells(runId, 2)).isEqualTo("\u001EA-1\u001F");
		assertThat(early.rows(runId, List.of(1L, 2L)).values()).extracting(RowRecord::cells)
			.containsExactly(cells("编号", "A-0"), cells("编号", "A-1"));
	}

	private long run(List<String> headers) {
		long runId = this.database.store().startRun(newRun());
		this.database.store().setTarget(runId, "p", "story", headers);
		return runId;
	}

	private String storedCells(long runId, long rowNumber) {
		return this.jdbc.queryForObject("SELECT CELLS FROM FPI_ROW WHERE RUN_ID = ? AND ROW_NO = ?", String.class,
				runId, rowNumber);
	}

	private static NewRun newRun() {
		return new NewRun(RunKind.IMPORT, null, true, "a.csv", "sha-a", null, "m.yaml", "mapping-sha", "type: story",
				"skip", "p", "story");
	}

	private static RowRecord row(long runId, long rowNumber, Map<String, String> cells) {
		return new RowRecord(runId, rowNumber, "K-" + rowNumber, RowStatus.VALID, null, null, null, List.of(), cells,
				null, 0, runId, rowNumber, null, null);
	}

	private static Map<String, String> cells(String... namesAndValues) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			cells.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return cells;
	}

}
