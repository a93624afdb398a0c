package fpimport.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report is read by people: its header is frozen with a filter on it, plain numbers and
 * ISO dates are numbers and dates, and everything else stays text.
 */
class ReportLayoutTest {

	@TempDir
	Path directory;

	@Test
	void theHeaderIsFrozenWithAFilterOverEveryRow() throws Exception {
		Path file = this.directory.resolve("r.xlsx");
		try (XlsxSheet sheet = new XlsxSheet(file, "report", 2, true)) {
			sheet.row(List.of("标题", "fpimport_row", "fpimport_link"), false, null);
			sheet.row(List.of("a", "2", "https://x/1"), false, "https://x/1");
			sheet.row(List.of("b", "3", ""), true, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
			assertThat(sheet.getHyperlink(1, 2).getAddress()).isEqualTo("https://x/1");
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getFillForegroundColor()).isEqualTo((short) 45);
		}
	}

	@Test
	void numbersAndDatesAreTypedOnlyWhereThatIsSafe() throws Exception {
		Path file = this.directory.resolve("t.xlsx");
		List<String> cells = List.of("8", "-12.5", "3天", "007", "1.50", "123456789012345", "2026-03-01", "2026-02-30",
				"=1+1", "1e5", "+3", "-0", "REQ-1", "2026/3/1");
		try (XlsxSheet sheet = new XlsxSheet(file, "report", -1, true)) {
			sheet.row(List.of("8", "2026-03-01"), false, null);
			sheet.row(cells, true, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFRow header = workbook.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getCellType()).as("the header stays text").isEqualTo(CellType.STRING);
			XSSFRow row = workbook.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(8.0);
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-12.5);
			for (int i : new int[] { 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13 }) {
				assertThat(row.getCell(i).getCellType()).as(cells.get(i)).isEqualTo(CellType.STRING);
				assertThat(row.getCell(i).getStringCellValue()).isEqualTo(cells.get(i));
			}
			assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
			assertThat(row.getCell(6).getCellStyle().getFillForegroundColor()).as("highlighted").isEqualTo((short) 45);
			DataFormatter shown = new DataFormatter();
			assertThat(shown.formatCellValue(row.getCell(6))).isEqualTo("2026-03-01");
			assertThat(shown.formatCellValue(row.getCell(1))).isEqualTo("-12.5");
		}
	}

	@Test
	void aFileToImportAgainKeepsEveryCellText() throws Exception {
		Path file = this.directory.resolve("f.xlsx");
		try (XlsxSheet sheet = new XlsxSheet(file, "failed", -1)) {
			sheet.row(List.of("工时", "日期"), false, null);
			sheet.row(List.of("8", "2026-03-01"), false, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getPaneInformation()).isNull();
		}
	}

}
