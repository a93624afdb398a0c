package fpimport.source.xlsx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sheet's rows parsed block by block on several threads come back in order. */
class ParsedBlocksTest {

	private static final SheetXml.Workbook NO_STYLES = new SheetXml.Workbook(null, null, false);

	@Test
	void rowsComeBackInTheSheetsOrderAcrossManyBlocks() throws Exception {
		StringBuilder rows = new StringBuilder();
		for (int r = 1; r <= 3000; r++) {
			// some rows without r, some with a gap before them
			String reference = (r % 7 == 0) ? "" : " r=\"" + (r * 2) + "\"";
			rows.append("<row")
				.append(reference)
				.append("><c t=\"inlineStr\"><is><t>第")
				.append(r)
				.append("行</t></is></c>")
				.append("<c><v>")
				.append(r)
				.append("</v></c></row>");
		}

		List<SheetXml.Row> read = new ArrayList<>();
		ParsedBlocks.Block last;
		try (ParsedBlocks blocks = new ParsedBlocks(sheet(rows.toString(), ""), NO_STYLES, 500)) {
			ParsedBlocks.Block block;
			do {
				block = blocks.next();
				assertThat(block.failure()).isNull();
				read.addAll(block.rows());
			}
			while (!block.last());
			last = block;
		}

		assertThat(read).hasSize(3000);
		for (int r = 1; r <= 3000; r++) {
			SheetXml.Row row = read.get(r - 1);
			assertThat(row.cells()).containsExactly("第" + r + "行", Integer.toString(r));
			assertThat(row.reference()).isEqualTo((r % 7 == 0) ? null : Integer.toString(r * 2));
		}
		assertThat(last.mergedCells()).isFalse();
	}

	@Test
	void aDamagedRowStopsItsBlockAfterTheRowsBeforeIt() throws Exception {
		StringBuilder rows = new StringBuilder();
		for (int r = 1; r <= 300; r++) {
			int named = (r == 250) ? 249 : r;
			rows.append("<row r=\"")
				.append(r)
				.append("\"><c r=\"A")
				.append(named)
				.append("\"><v>")
				.append(r)
				.append("</v></c><c r=\"B")
				.append(r)
				.append("\"><v>0</v></c></row>");
		}

		List<SheetXml.Row> read = new ArrayList<>();
		Throwable failure = null;
		try (ParsedBlocks blocks = new ParsedBlocks(sheet(rows.toString(), "<mergeCells/>"), NO_STYLES, 300)) {
			while (failure == null) {
				ParsedBlocks.Block block = blocks.next();
				read.addAll(block.rows());
				failure = block.failure();
				assertThat(block.last()).isFalse();
			}
		}

		assertThat(read).hasSize(249);
		assertThat(read.get(248).cells()).containsExactly("249", "0");
		assertThat(failure).isInstanceOf(SheetXml.Damaged.class).hasMessage("cell reference 'B250'");
		assertThat(((SheetXml.Damaged) failure).reference()).isEqualTo("250");
	}

	@Test
	void whatFollowsTheRowsTellsOfMergedCells() throws Exception {
		try (ParsedBlocks blocks = new ParsedBlocks(sheet("<row r=\"1\"><c><v>1</v></c></row>",
				"<mergeCells count=\"1\"><mergeCell ref=\"A1:B2\"/></mergeCells>"), NO_STYLES, 500)) {
			ParsedBlocks.Block rows = blocks.next();
			ParsedBlocks.Block end = blocks.next();

			assertThat(rows.rows()).hasSize(1);
			assertThat(end.last()).isTrue();
			assertThat(end.mergedCells()).isTrue();
		}
	}

	@Test
	void xmlThatIsNotASheetIsAFailureInTheLastBlock() throws Exception {
		try (ParsedBlocks blocks = new ParsedBlocks(
				new ByteArrayInputStream("<worksheet><dimension/></worksheet>".getBytes(StandardCharsets.UTF_8)),
				NO_STYLES, 500)) {
			ParsedBlocks.Block block = blocks.next();

			assertThat(block.last()).isTrue();
			assertThat(block.failure()).hasMessageContaining("no <sheetData>");
		}
	}

	private static ByteArrayInputStream sheet(String rows, String afterRows) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ rows + "</sheetData>" + afterRows + "</worksheet>";
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
