package fpimport.source.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MergedCellsTest {

	@Test
	void findsThePrefixedMergeListAcrossBufferEdgesAndIgnoresText() throws IOException {
		// the padding puts the tag across the 256 KiB read buffer's edge
		String xml = "<x:worksheet><x:sheetData><x:row r=\"1\"><x:c t=\"inlineStr\"><x:is><x:t>mergeCells ref=\"A1:Z9\""
				+ "</x:t></x:is></x:c></x:row>" + " ".repeat(256 * 1024 - 120)
				+ "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"B2:C3\"/></x:mergeCells></x:worksheet>";
		MergedCells merges = MergedCells.scan(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		assertThat(row(merges, 1)).containsExactly("a", "b", "c", "d");
		assertThat(row(merges, 2)).containsExactly("a", "b", null, "d");
		assertThat(row(merges, 3)).containsExactly("a", null, null, "d");
		assertThat(row(merges, 4)).containsExactly("a", "b", "c", "d");
	}

	@Test
	void noMergeList() throws IOException {
		MergedCells merges = MergedCells
			.scan(new ByteArrayInputStream("<worksheet><sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8)));
		assertThat(merges).isSameAs(MergedCells.NONE);
	}

	private static List<String> row(MergedCells merges, long row) {
		List<String> cells = new ArrayList<>(Arrays.asList("a", "b", "c", "d"));
		merges.clear(row, cells);
		return cells;
	}

}
