package fpimport.result;

import java.util.List;
import java.util.Map;

import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block of a dry run's checked rows as stored: every field a dry run knows of a row
 * comes back, in order, and a field without a value takes no room.
 */
class CheckedRowsTest {

	private final CheckedRows checked = new CheckedRows(JsonMapper.builder().build());

	@Test
	void aBlockGivesBackItsRowsWithEverythingADryRunKnowsOfThem() {
		RowProblem dated = new RowProblem(new RowRef("需求.xlsx", "需求清单", 258), "期望上线日期", "field_9f1e2d", "2026-13-45",
				"not a date '2026-13-45'");
		RowProblem whole = new RowProblem(new RowRef("需求.xlsx", null, 258), null, null, null,
				"the row has \"quotes\", a tab\tand a line\nbreak");
		List<RowRecord> rows = List.of(row(257, "K-257", 77L, null, null, List.of()),
				row(258, "K-258", null, null, null, List.of(dated, whole)),
				row(260, null, null, 30005, "work item 9 does not exist", List.of()));

		List<RowRecord> back = this.checked.decode(7, RowStatus.INVALID, this.checked.encode(rows));

		assertThat(back).hasSize(3);
		for (int i = 0; i < rows.size(); i++) {
			RowRecord before = rows.get(i);
			RowRecord after = back.get(i);
			assertThat(after.runId()).isEqualTo(7);
			assertThat(after.rowNumber()).isEqualTo(before.rowNumber());
			assertThat(after.originRunId()).isEqualTo(7);
			assertThat(after.originRowNumber()).isEqualTo(before.rowNumber());
			assertThat(after.status()).isEqualTo(RowStatus.INVALID);
			assertThat(after.rowKey()).isEqualTo(before.rowKey());
			assertThat(after.workItemId()).isEqualTo(before.workItemId());
			assertThat(after.errCode()).isEqualTo(before.errCode());
			assertThat(after.errMsg()).isEqualTo(before.errMsg());
			assertThat(after.problems()).isEqualTo(before.problems());
			// the cells stay in the run's file
			assertThat(after.cells()).isEmpty();
		}
	}

	@Test
	void aRowWithNothingToSayButItsNumberIsItsNumberAlone() {
		String text = this.checked.encode(List.of(row(300, null, null, null, null, List.of())));

		assertThat(text).isEqualTo("[{\"n\":300}]");
	}

	private static RowRecord row(long rowNumber, String key, Long item, Integer errCode, String errMsg,
			List<RowProblem> problems) {
		return new RowRecord(1, rowNumber, key, RowStatus.VALID, item, errCode, errMsg, problems,
				Map.of("标题", "row " + rowNumber), "idem", 3, 1, rowNumber, null, null);
	}

}
