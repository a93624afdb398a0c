package fpimport.source.xlsx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.util.XMLHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows of a sheet's XML, or of a block of it, as {@link SheetXml} reads them. */
class SheetXmlTest {

	@Test
	void anInlineStringOfSeveralRunsIsTheirTextJoinedWithoutItsPhoneticHints() throws Exception {
		List<SheetXml.Row> rows = rows("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>加粗</t></r>"
				+ "<r><rPr><b/></rPr><t xml:space=\"preserve\"> 和普通</t></r><rPh sb=\"0\" eb=\"1\"><t>ジ</t></rPh>"
				+ "</is></c><c r=\"B2\" t=\"inlineStr\"><is/></c><c r=\"C2\" t=\"inlineStr\"><v>旧</v></c></row>");

		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsExactly("加粗 和普通", null, "旧");
		assertThat(rows.get(0).reference()).isEqualTo("2");
		assertThat(rows.get(0).named()).isEqualTo(2);
		assertThat(rows.get(0).firstReference()).isEqualTo("A2");
	}

	@Test
	void cellsWithoutReferencesFollowTheCellBefore() throws Exception {
		List<SheetXml.Row> rows = rows(
				"<row><c><v>1</v></c><c r=\"C5\"><v>3</v></c><c><v>4</v></c></row>" + "<row><c><v>7</v></c></row>");

		assertThat(rows.get(0).cells()).containsExactly("1", null, "3", "4");
		assertThat(rows.get(0).reference()).isNull();
		assertThat(rows.get(0).named()).isEqualTo(5);
		assertThat(rows.get(1).named()).isZero();
		assertThat(rows.get(1).firstReference()).isNull();
	}

	@Test
	void aStyleIndexPastTheFirstSixtyFourIsANumberWithoutStyles() throws Exception {
		List<SheetXml.Row> rows = rows("<row r=\"1\"><c r=\"A1\" s=\"64\"><v>2.50</v></c>"
				+ "<c r=\"B1\" s=\"200\"><v>1E3</v></c><c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c></row>");

		assertThat(rows.get(0).cells()).containsExactly("2.5", "1000", "true", "#N/A");
		assertThat(rows.get(0).errorColumn()).isEqualTo(3);
	}

	@Test
	void referencesOutsideASheetsRangeAreDamaged() {
		assertThat(damage("<c r=\"AAAA1\"><v>1</v></c>")).isEqualTo("cell reference 'AAAA1'");
		assertThat(damage("<c r=\"A12345678\"><v>1</v></c>")).isEqualTo("cell reference 'A12345678'");
		assertThat(damage("<c r=\"XFE1\"><v>1</v></c>")).isEqualTo("cell reference 'XFE1'");
		assertThat(damage("<c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c>")).isEqualTo("cell reference 'A1'");
		assertThat(damage("<c r=\"A1\"><v>1</v></c><c r=\"B2\"><v>2</v></c>")).isEqualTo("cell reference 'B2'");
		assertThat(damage("<c r=\"1A\"><v>1</v></c>")).isEqualTo("cell reference '1A'");
		assertThat(damage("<c r=\"A1x\"><v>1</v></c>")).isEqualTo("cell reference 'A1x'");
		assertThat(damage("<c r=\"A0\"><v>1</v></c>")).isEqualTo("cell reference 'A0'");
	}

	@Test
	void theLastColumnsAndRowsOfASheetAreNotDamaged() throws Exception {
		List<SheetXml.Row> rows = rows("<row r=\"1048576\"><c r=\"XFD1048576\"><v>9</v></c></row>");

		assertThat(rows.get(0).cells()).hasSize(16_384).endsWith("9");
		assertThat(rows.get(0).named()).isEqualTo(1_048_576);
	}

	private static String damage(String cells) {
		try {
			rows("<row r=\"1\">" + cells + "</row>");
		}
		catch (SheetXml.Damaged damaged) {
			assertThat(damaged.reference()).isEqualTo("1");
			assertThat(damaged.sharedString()).isFalse();
			return damaged.getMessage();
		}
		catch (XMLStreamException ex) {
			throw new AssertionError(ex);
		}
		throw new AssertionError("not damaged: " + cells);
	}

	private static List<SheetXml.Row> rows(String rows) throws XMLStreamException {
		String xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
				+ "</sheetData></worksheet>";
		SheetXml reader = new SheetXml(
				XMLHelper.newXMLInputFactory()
					.createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))),
				new SheetXml.Workbook(null, null, false));
		List<SheetXml.Row> read = new ArrayList<>();
		for (SheetXml.Row row = reader.next(); row != null; row = reader.next()) {
			read.add(row);
		}
		return read;
	}

}
