package fpimport.source.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XLSX numbers keep their value as the cell's text, and a cell whose number format shows
 * it otherwise also carries what Excel shows, for text fields.
 */
class NumberFormatsTest {

	@TempDir
	Path dir;

	@Test
	void aFormattedNumberIsReadAsItsValueAndAlsoAsExcelShowsIt() throws IOException {
		Path file = this.dir.resolve("prices.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("S");
			Row header = sheet.createRow(0);
			String[] names = { "Rate", "Price", "Plain", "Fixed", "Text", "Date" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(0.15);
			row.getCell(0).setCellStyle(style(workbook, "0%"));
			row.createCell(1).setCellValue(1200);
			row.getCell(1).setCellStyle(style(workbook, "\"¥\"#,##0.00"));
			row.createCell(2).setCellValue(42);
			row.createCell(3).setCellValue(7);
			row.getCell(3).setCellStyle(style(workbook, "0"));
			row.createCell(4).setCellValue(12.5);
			row.getCell(4).setCellStyle(style(workbook, "@"));
			row.createCell(5).setCellValue(45356);
			row.getCell(5).setCellStyle(style(workbook, "yyyy/m/d"));
			workbook.write(out);
		}
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			SourceRow row = source.next();
			assertThat(row.cells()).containsExactly(Map.entry("Rate", "0.15"), Map.entry("Price", "1200"),
					Map.entry("Plain", "42"), Map.entry("Fixed", "7"), Map.entry("Text", "12.5"),
					Map.entry("Date", "2024-03-05"));
			assertThat(row.shown()).containsOnly(Map.entry("Rate", "15%"), Map.entry("Price", "¥1,200.00"));
			assertThat(row.shownCell("Rate")).isEqualTo("15%");
			assertThat(row.shownCell("Plain")).isEqualTo("42");
			assertThat(row.shownCell("Date")).isEqualTo("2024-03-05");
		}
	}

	private static CellStyle style(XSSFWorkbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

}
