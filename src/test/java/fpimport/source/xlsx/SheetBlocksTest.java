package fpimport.source.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sheet's XML cut into blocks of whole rows: every block, read between the prolog and
 * the closing tags, gives the rows the whole sheet gives, whatever the markup in and
 * between its rows.
 */
class SheetBlocksTest {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	@Test
	void blocksEndAfterWholeRowsAndGiveEveryByteOfTheRowsOnce() throws Exception {
		String rows = row(1, "甲") + row(2, "乙") + row(3, "丙") + row(4, "丁");
		String xml = document("", rows, "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>");

		SheetBlocks blocks = new SheetBlocks(input(xml), 16);
		List<String> cut = new ArrayList<>();
		for (byte[] block = blocks.next(); block != null; block = blocks.next()) {
			cut.add(new String(block, StandardCharsets.UTF_8));
		}

		assertThat(cut).containsExactly(row(1, "甲"), row(2, "乙"), row(3, "丙"), row(4, "丁"));
		assertThat(new String(blocks.prolog(), StandardCharsets.UTF_8)).endsWith("<sheetData>");
		assertThat(new String(blocks.closing(), StandardCharsets.UTF_8)).isEqualTo("</sheetData></worksheet>");
		assertThat(blocks.hasMergedCells()).isTrue();
		assertThat(blocks.next()).isNull();
	}

	@Test
	void anEmptySheetHasNoBlocks() throws Exception {
		SheetBlocks empty = new SheetBlocks(input("<?xml version=\"1.0\"?><worksheet xmlns=\"" + MAIN
				+ "\"><dimension ref=\"A1\"/><sheetData/><pageMargins left=\"0.7\"/></worksheet>"), 16);
		SheetBlocks noRows = new SheetBlocks(input(document("", "", "")), 16);

		assertThat(empty.next()).isNull();
		assertThat(empty.hasMergedCells()).isFalse();
		assertThat(noRows.next()).isNull();
		assertThat(noRows.hasMergedCells()).isFalse();
	}

	@Test
	void prefixedElementsAreMatchedByTheirLocalName() throws Exception {
		String rows = "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>一</x:t></x:is></x:c></x:row>"
				+ "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>二</x:t></x:is></x:c></x:row>";
		String xml = "<x:worksheet xmlns:x=\"" + MAIN + "\"><x:sheetData>" + rows + "</x:sheetData></x:worksheet>";

		SheetBlocks blocks = new SheetBlocks(input(xml), 1);

		assertThat(new String(blocks.next(), StandardCharsets.UTF_8)).startsWith("<x:row r=\"1\">")
			.endsWith("</x:row>");
		assertThat(new String(blocks.next(), StandardCharsets.UTF_8)).startsWith("<x:row r=\"2\">");
		assertThat(blocks.next()).isNull();
		assertThat(new String(blocks.closing(), StandardCharsets.UTF_8)).isEqualTo("</x:sheetData></x:worksheet>");
		assertThat(cellsOf(blocks.prolog(), rows.getBytes(StandardCharsets.UTF_8), blocks.closing()))
			.containsExactly(List.of("1", "一"), List.of("2", "二"));
	}

	@Test
	void aRowEndInsideACommentACdataSectionOrAnAttributeIsNoCut() throws Exception {
		String tricky = "<row r=\"1\" x:note=\"a > b &lt;/row>\" xmlns:x=\"urn:x\"><!-- </row> -->"
				+ "<c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[</row><row>]]></t></is></c><?pi </row> ?></row>";
		String xml = document("", tricky + row(2, "乙"), "");

		SheetBlocks blocks = new SheetBlocks(input(xml), 1);

		assertThat(new String(blocks.next(), StandardCharsets.UTF_8)).isEqualTo(tricky);
		assertThat(new String(blocks.next(), StandardCharsets.UTF_8)).isEqualTo(row(2, "乙"));
		assertThat(blocks.next()).isNull();
	}

	@Test
	void aSheetThatEndsInsideItsRowsIsRefused() {
		String xml = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + row(1, "甲") + "<row r=\"2\"><c";

		assertThatThrownBy(() -> {
			SheetBlocks blocks = new SheetBlocks(input(xml), 1);
			while (blocks.next() != null) {
				// to the end
			}
		}).isInstanceOf(IOException.class).hasMessageContaining("ends inside");
		assertThatThrownBy(() -> new SheetBlocks(input("<worksheet xmlns=\"" + MAIN + "\"><dimension/>"), 1))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("no <sheetData>");
	}

	/**
	 * Random sheets, with comments, CDATA, processing instructions, self-closed rows,
	 * quoted {@code >} and nested elements, cut into blocks of random sizes: the blocks'
	 * rows are the whole sheet's, in order.
	 */
	@Test
	void theBlocksOfRandomSheetsGiveTheSheetsRows() throws Exception {
		Random random = new Random(20261202);
		for (int sheet = 0; sheet < 200; sheet++) {
			StringBuilder rows = new StringBuilder();
			int count = random.nextInt(40);
			for (int r = 1; r <= count; r++) {
				rows.append(randomRow(random, r));
				if (random.nextInt(5) == 0) {
					rows.append(random.nextBoolean() ? "\n  " : "<!-- between </row> -->");
				}
			}
			String xml = document(random.nextBoolean() ? "<cols><col min=\"1\" max=\"2\" width=\"9\"/></cols>" : "",
					rows.toString(), "");
			int blockSize = 1 + random.nextInt(400);

			SheetBlocks blocks = new SheetBlocks(input(xml), blockSize);
			List<List<String>> cut = new ArrayList<>();
			ByteArrayOutputStream joined = new ByteArrayOutputStream();
			for (byte[] block = blocks.next(); block != null; block = blocks.next()) {
				joined.write(block);
				cut.addAll(cellsOf(blocks.prolog(), block, blocks.closing()));
			}

			byte[] whole = xml.getBytes(StandardCharsets.UTF_8);
			assertThat(cut).as(xml).isEqualTo(cellsOf(whole, new byte[0], new byte[0]));
			assertThat(new String(blocks.prolog(), StandardCharsets.UTF_8) + joined.toString(StandardCharsets.UTF_8))
				.as(xml)
				.isEqualTo(xml.substring(0, xml.indexOf("</sheetData>")));
		}
	}

	/**
	 * Documents of every length around the buffer's first sizes: a tag, comment or end of
	 * input that falls across the end of the bytes held is read whole.
	 */
	@Test
	void documentsOfEveryLengthAroundTheBufferAreCutAlike() throws Exception {
		for (int padding = 0; padding < 300; padding++) {
			String rows = row(1, "甲") + " ".repeat(padding) + "<!-- " + "-".repeat(padding % 7) + " -->" + row(2, "乙")
					+ row(3, "x".repeat(padding % 50));
			String xml = document("", rows, "<mergeCells><mergeCell ref=\"A1:A2\"/></mergeCells>");

			SheetBlocks blocks = new SheetBlocks(input(xml), 8);
			ByteArrayOutputStream joined = new ByteArrayOutputStream();
			int count = 0;
			for (byte[] block = blocks.next(); block != null; block = blocks.next()) {
				joined.write(block);
				count++;
			}

			assertThat(joined.toString(StandardCharsets.UTF_8)).as("padding %d", padding).isEqualTo(rows);
			assertThat(count).as("padding %d", padding).isEqualTo(3);
			assertThat(blocks.hasMergedCells()).as("padding %d", padding).isTrue();
		}
	}

	private static String randomRow(Random random, int number) {
		if (random.nextInt(8) == 0) {
			return "<row r=\"" + number + "\" spans=\"1:2\"/>";
		}
		StringBuilder row = new StringBuilder("<row r=\"" + number + "\"");
		if (random.nextBoolean()) {
			row.append(" x14ac:dyDescent=\"0.25\" xmlns:x14ac=\"urn:x14ac\"");
		}
		row.append('>');
		int cells = random.nextInt(4);
		for (int c = 0; c < cells; c++) {
			String reference = (char) ('A' + c) + Integer.toString(number);
			String text = switch (random.nextInt(6)) {
				case 0 -> "<![CDATA[</row> & <c>]]>";
				case 1 -> "a &gt; b &amp; &lt;/row&gt;";
				case 2 -> "需求 " + number;
				default -> "v" + random.nextInt(1000);
			};
			row.append("<c r=\"").append(reference).append("\" t=\"inlineStr\"");
			if (random.nextInt(4) == 0) {
				row.append(" note='x > y'");
			}
			row.append("><is><t>").append(text).append("</t>");
			if (random.nextInt(6) == 0) {
				row.append("<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>");
			}
			row.append("</is></c>");
			if (random.nextInt(10) == 0) {
				row.append("<?keep </row>?>");
			}
		}
		return row.append("</row>").toString();
	}

	private static String row(int number, String text) {
		return "<row r=\"" + number + "\"><c r=\"A" + number + "\" t=\"inlineStr\"><is><t>" + text
				+ "</t></is></c></row>";
	}

	private static String document(String beforeRows, String rows, String afterRows) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
				+ "\"><dimension ref=\"A1\"/>" + beforeRows + "<sheetData>" + rows + "</sheetData>" + afterRows
				+ "<pageMargins left=\"0.7\"/></worksheet>";
	}

	private static InputStream input(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The rows' cells as {@link SheetXml} reads them from these bytes, one after another.
	 */
	private static List<List<String>> cellsOf(byte[] prolog, byte[] rows, byte[] closing) throws XMLStreamException {
		ByteArrayOutputStream document = new ByteArrayOutputStream();
		document.writeBytes(prolog);
		document.writeBytes(rows);
		document.writeBytes(closing);
		XMLStreamReader xml = XMLHelper.newXMLInputFactory()
			.createXMLStreamReader(new ByteArrayInputStream(document.toByteArray()));
		SheetXml reader = new SheetXml(xml, new SheetXml.Workbook(null, null, false));
		List<List<String>> rowsRead = new ArrayList<>();
		for (SheetXml.Row row = reader.next(); row != null; row = reader.next()) {
			List<String> cells = new ArrayList<>(row.cells());
			cells.add(0, row.reference());
			rowsRead.add(cells);
		}
		return rowsRead;
	}

}
