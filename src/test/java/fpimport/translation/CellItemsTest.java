package fpimport.translation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The items of a multi-value cell, split by hand at the default separators or the
 * mapping's.
 */
class CellItemsTest {

	@Test
	void theDefaultSeparatorsSplitAndBlankItemsAndRepeatsGo() {
		assertThat(CellItems.of("前端 Frontend, 后端 Backend；测试，前端 Frontend;\r\n运维", null)).containsExactly("前端 Frontend",
				"后端 Backend", "测试", "运维");
		assertThat(CellItems.of(" , ;", null)).isEmpty();
		assertThat(CellItems.of("一个", null)).containsExactly("一个");
	}

	@Test
	void aSeparatorOfTheMappingIsTakenLiterally() {
		assertThat(CellItems.of("a.b||c, d||||e", "||")).containsExactly("a.b", "c, d", "e");
		assertThat(CellItems.of("x.y", ".")).containsExactly("x", "y");
		assertThat(CellItems.of(List.of("p|q", "q|r"), "|")).containsExactly("p", "q", "r");
	}

}
