package fpimport.source.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.Rows;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import fpimport.failure.FpImportException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fpimport.source.xlsx.XlsxSourceTest.builtIn;
import static fpimport.source.xlsx.XlsxSourceTest.format;
import static fpimport.source.xlsx.XlsxSourceTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsSourceTest {

	@TempDir
	Path dir;

	@Test
	void readsXlsWithTheSameCellRulesAsXlsx() throws IOException {
		Path file = this.dir.resolve("old.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			row(workbook.createSheet("说明"), 0, "不是数据");
			Sheet sheet = workbook.createSheet("数据");
			row(sheet, 0, "编号", "标题", "日期", "时间点", "金额", "完成", "合计", "文字公式", "错误", "中文日期");
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue(1001);
			row.createCell(1).setCellValue("登录页改版");
			row.createCell(2).setCellValue(LocalDateTime.of(2024, 3, 5, 0, 0));
			row.getCell(2).setCellStyle(format(workbook, "yyyy-mm-dd"));
			row.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 5, 14, 30));
			row.getCell(3).setCellStyle(format(workbook, "yyyy-mm-dd hh:mm"));
			row.createCell(4).setCellValue(0.1 + 0.2);
			row.createCell(5).setCellValue(true);
			row.createCell(6).setCellFormula("A3*2");
			row.createCell(7).setCellFormula("B3&\"!\"");
			row.createCell(8).setCellFormula("1/0");
			row.createCell(9).setCellValue(LocalDateTime.of(2024, 12, 31, 0, 0));
			row.getCell(9).setCellStyle(builtIn(workbook, 31));
			Row merged = sheet.createRow(3);
			merged.createCell(0).setCellValue(123456789012345.0);
			merged.createCell(1).setCellValue("合并");
			merged.createCell(2).setCellValue("covered");
			sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, 2));
			merged.getCell(2).setBlank();
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withSheet("数据"))) {
			assertThat(source.description()).isEqualTo("XLS, sheet '数据' (2 of 2)");
			assertThat(source.headers()).hasSize(10);
			assertThat(Rows.texts(List.of(source.next(), source.next()))).containsExactly(
					// a formula error is not a value: the row is not imported (issue 17)
					List.of("3",
							"problem: cell I3 (column '错误') holds the formula error #DIV/0!, not a value: "
									+ "fix the formula or its inputs and save the file again"),
					List.of("4", "123456789012345", "合并", "", "", "", "", "", "", "", ""));
			assertThat(source.next()).isNull();
		}
		assertThatThrownBy(() -> Rows.read(file, SourceSettings.defaults().withSheet("Sheet9")))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> assertThat(ex.getMessage())
				.isEqualTo(file + ": there is no sheet 'Sheet9'; sheets: '说明', '数据'"));
	}

	@Test
	void emptyXlsSheetIsAnError() throws IOException {
		Path file = this.dir.resolve("empty.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("空");
			workbook.write(out);
		}
		assertThatThrownBy(() -> Rows.read(file)).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo(file + ", sheet '空': the sheet is empty"));
	}

}
