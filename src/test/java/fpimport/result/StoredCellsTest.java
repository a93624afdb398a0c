package fpimport.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredCellsTest {

	private static final List<String> HEADERS = List.of("编号", "标题", "备注");

	@Test
	void keepsTheValuesAloneAndReadsThemBackUnderTheHeader() {
		Map<String, String> cells = cells("A-1", "登录页 \"改版\", 第二期", "");

		String stored = StoredCells.encode(cells, HEADERS);

		assertThat(stored).isEqualTo("\u001EA-1\u001F登录页 \"改版\", 第二期\u001F\u001F").doesNotContain("编号");
		assertThat(StoredCells.decode(stored, HEADERS)).containsExactlyEntriesOf(cells);
	}

	@Test
	void escapesTheCharactersOfItsOwnFormAndNul() {
		Map<String, String> cells = cells("a\u001Fb", "\u001E\u001B0\u001B", "x\u0000y\n");

		String stored = StoredCells.encode(cells, HEADERS);

		assertThat(stored.substring(1)).doesNotContain("\u0000", "\u001E");
		assertThat(stored.chars().filter((c) -> c == '\u001F').count()).isEqualTo(3);
		assertThat(StoredCells.decode(stored, HEADERS)).containsExactlyEntriesOf(cells);
	}

	@Test
	void leavesCellsThatAreNotTheHeaderInOrderToJson() {
		assertThat(StoredCells.encode(cells("1", "2", "3"), List.of("编号", "备注", "标题"))).isNull();
		assertThat(StoredCells.encode(cells("1", "2", "3"), List.of("编号", "标题"))).isNull();
		assertThat(StoredCells.encode(Map.of(), HEADERS)).isNull();
		assertThat(StoredCells.encode(cells("1", "2", "3"), null)).isNull();
	}

	@Test
	void refusesValuesThatDoNotFitTheHeader() {
		String stored = StoredCells.encode(cells("1", "2", "3"), HEADERS);

		assertThat(StoredCells.decode(stored, List.of("编号", "标题"))).isNull();
		assertThat(StoredCells.decode(stored, List.of("编号", "标题", "备注", "more"))).isNull();
		assertThat(StoredCells.decode(stored, null)).isNull();
	}

	private static Map<String, String> cells(String... values) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			cells.put(HEADERS.get(i), values[i]);
		}
		return cells;
	}

}
