package fpimport.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fpimport.workitem.RowCells;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored row's record and the cells it keeps. */
class RowRecordTest {

	private static RowRecord record(Map<String, String> cells) {
		return new RowRecord(1, 2, "B-1", RowStatus.VALID, null, null, null, List.of(), cells, null, 0, 1, 2, null,
				null, null);
	}

	@Test
	void aReadersCellsAreKeptAsTheyAreOthersAreCopiedUnmodifiable() {
		RowCells read = new RowCells(List.of("编号", "标题"), Map.of("编号", 0, "标题", 1), new String[] { "B-1", "登录页" });
		assertThat(record(read).cells()).isSameAs(read);
		Map<String, String> given = new HashMap<>(Map.of("编号", "B-2"));
		Map<String, String> kept = record(given).cells();
		given.put("编号", "changed");
		assertThat(kept).containsExactly(Map.entry("编号", "B-2"));
		assertThatThrownBy(() -> kept.put("标题", "x")).isInstanceOf(UnsupportedOperationException.class);
	}

}
