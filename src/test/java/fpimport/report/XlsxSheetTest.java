package fpimport.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streamed xlsx sheet of the reports, read back by POI's full workbook and by
 * fpimport's own reader (a failed-rows file is imported again).
 */
class XlsxSheetTest {

	@TempDir
	Path directory;

	@Test
	void textSurvivesAsTextWhateverItHolds() throws Exception {
		Path file = this.directory.resolve("t.xlsx");
		String awkward = "a & b < c > d \"q\" 'x'\tTab\nLine\rCR 😀 \u0001ctl \uD800lone";
		String tooLong = "长".repeat(XlsxSheet.MAX_CELL_LENGTH + 10);
		try (XlsxSheet sheet = new XlsxSheet(file, "需求 & <清单>", 1)) {
			sheet.row(List.of("名称", "link", "note"), false, null);
			sheet.row(List.of("=1+1", "https://example.com/a?b=1&c=2", awkward), true, "https://example.com/a?b=1&c=2");
			sheet.row(List.of("", "  spaced  ", tooLong), false, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			assertThat(workbook.getSheetName(0)).isEqualTo("需求 & <清单>");
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
				.isEqualTo("a & b < c > d \"q\" 'x'\tTab\nLine\rCR 😀 ?ctl ?lone");
			assertThat(sheet.getRow(1).getCell(1).getHyperlink().getAddress())
				.isEqualTo("https://example.com/a?b=1&c=2");
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillPattern())
				.isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
			assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("  spaced  ");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).hasSize(XlsxSheet.MAX_CELL_LENGTH)
				.endsWith("[cut by fpimport: " + tooLong.length() + " characters, an XLSX cell holds 32767]");
		}
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.headers()).containsExactly("名称", "link", "note");
			assertThat(source.next().cell("名称")).isEqualTo("=1+1");
		}
	}

	@Test
	void onlyTheFirstLinksAreClickableEveryAddressStaysAsText() throws Exception {
		Path file = this.directory.resolve("links.xlsx");
		int rows = XlsxSheet.MAX_LINKS + 5;
		try (XlsxSheet sheet = new XlsxSheet(file, "report", 1)) {
			sheet.row(List.of("row", "link"), false, null);
			for (int i = 1; i <= rows; i++) {
				String link = "https://example.com/" + i;
				sheet.row(List.of(Integer.toString(i), link), false, link);
			}
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getHyperlinkList()).hasSize(XlsxSheet.MAX_LINKS);
			assertThat(sheet.getRow(XlsxSheet.MAX_LINKS).getCell(1).getHyperlink().getAddress())
				.isEqualTo("https://example.com/" + XlsxSheet.MAX_LINKS);
			assertThat(sheet.getRow(rows).getCell(1).getHyperlink()).isNull();
			assertThat(sheet.getRow(rows).getCell(1).getStringCellValue()).isEqualTo("https://example.com/" + rows);
		}
		List<String> read = new ArrayList<>();
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				read.add(row.cell("row"));
			}
		}
		assertThat(read).hasSize(rows).endsWith(Integer.toString(rows));
	}

}
