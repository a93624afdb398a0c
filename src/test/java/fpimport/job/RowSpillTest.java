package fpimport.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.source.Headers;
import fpimport.source.SourceRow;
import fpimport.workitem.RowCells;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook's rows written into a spill as the preflight reads them come back the same
 * from it, as often as the rows step opens it; a pass that stops early leaves no spill.
 */
class RowSpillTest {

	@Test
	void rowsComeBackAsTheyWereRead() {
		Map<String, String> first = new LinkedHashMap<>();
		first.put("编号", "S-1");
		first.put("标题", "登录页改版");
		first.put("比例", "0.15");
		Map<String, String> second = new LinkedHashMap<>();
		second.put("编号", "S-2");
		second.put("标题", "长".repeat(40_000));
		second.put("新列", "");
		List<SourceRow> rows = List.of(SourceRow.of(2, first, Map.of("比例", "15%")), SourceRow.of(3, second),
				SourceRow.malformed(4, "row 4: the cell cannot be read"));
		List<RowSpill> spills = new ArrayList<>();

		try (RowFeed feed = RowSpill.recording(feed(rows), spills::add)) {
			List<SourceRow> read = readAll(feed);
			assertThat(read).isEqualTo(rows);
		}

		assertThat(spills).hasSize(1);
		RowSpill spill = spills.get(0);
		for (int round = 0; round < 2; round++) {
			try (RowFeed again = spill.open(7)) {
				assertThat(again.headers()).containsExactly("编号", "标题", "比例");
				assertThat(again.sheet()).isEqualTo("Sheet1");
				OriginRow origin = again.next();
				assertThat(origin.originRunId()).isEqualTo(7);
				assertThat(origin.originRowNumber()).isEqualTo(2);
				List<SourceRow> back = new ArrayList<>(List.of(origin.source()));
				back.addAll(readAll(again));
				assertThat(back).isEqualTo(rows);
				assertThat(back.get(0).shownCell("比例")).isEqualTo("15%");
				assertThat(back.get(1).cells().keySet()).containsExactly("编号", "标题", "新列");
			}
		}
		spill.delete();
	}

	@Test
	void aReadersRowsComeBackAsRowsOfTheSameColumns() {
		Headers header = Headers.of(List.of("编号", "标题", "备注"));
		Headers other = Headers.of(List.of("编号", "说明"));
		List<SourceRow> rows = List.of(SourceRow.of(2, header.cells(new String[] { "S-1", "登录页", "" })),
				SourceRow.of(3, header.cells(new String[] { "S-2", "长".repeat(100_000), "\u001E" })),
				SourceRow.of(4, other.cells(new String[] { "S-3", "另一表头" })),
				SourceRow.of(5, header.cells(new String[] { "S-4", "支付", "末行" })));
		List<RowSpill> spills = new ArrayList<>();
		try (RowFeed feed = RowSpill.recording(feed(rows), spills::add)) {
			readAll(feed);
		}

		try (RowFeed again = spills.get(0).open(1)) {
			List<SourceRow> back = readAll(again);
			assertThat(back).isEqualTo(rows);
			assertThat(back).allSatisfy((row) -> assertThat(row.cells()).isInstanceOf(RowCells.class));
			assertThat(((RowCells) back.get(0).cells()).keys()).isSameAs(((RowCells) back.get(1).cells()).keys());
			assertThat(back.get(2).cells().keySet()).containsExactly("编号", "说明");
		}
		spills.get(0).delete();
	}

	@Test
	void aPassThatStopsEarlyLeavesNoSpill() {
		List<RowSpill> spills = new ArrayList<>();
		try (RowFeed feed = RowSpill.recording(
				feed(List.of(SourceRow.of(2, Map.of("编号", "S-1")), SourceRow.of(3, Map.of("编号", "S-2")))),
				spills::add)) {
			assertThat(feed.next()).isNotNull();
		}
		assertThat(spills).isEmpty();
	}

	private static List<SourceRow> readAll(RowFeed feed) {
		List<SourceRow> read = new ArrayList<>();
		for (OriginRow row = feed.next(); row != null; row = feed.next()) {
			read.add(row.source());
		}
		return read;
	}

	private static RowFeed feed(List<SourceRow> rows) {
		Iterator<SourceRow> iterator = rows.iterator();
		return new RowFeed() {

			@Override
			public List<String> headers() {
				return List.of("编号", "标题", "比例");
			}

			@Override
			public String sheet() {
				return "Sheet1";
			}

			@Override
			public OriginRow next() {
				if (!iterator.hasNext()) {
					return null;
				}
				SourceRow row = iterator.next();
				return new OriginRow(row, 1, row.rowNumber());
			}

			@Override
			public void close() {
			}

		};
	}

}
