package fpimport.source.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import fpimport.source.RowSource;
import fpimport.source.Rows;
import fpimport.source.SheetHasMergedCells;
import fpimport.source.SourceSettings;
import fpimport.source.SourceRow;
import fpimport.source.Sources;
import fpimport.failure.FpImportException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxSourceTest {

	@TempDir
	Path dir;

	@Test
	void cellsAsTheUserSeesThem() throws IOException {
		Path file = write("cells.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("数据");
			row(sheet, 0, "编号", "标题", "日期", "时间点", "数量", "金额", "完成", "长编号", "合计", "备注");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(1001);
			row.createCell(1).setCellValue("登录页改版");
			row.createCell(2).setCellValue(LocalDateTime.of(2024, 3, 5, 0, 0));
			row.getCell(2).setCellStyle(format(workbook, "yyyy-mm-dd"));
			row.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 5, 14, 30));
			row.getCell(3).setCellStyle(format(workbook, "yyyy/m/d h:mm"));
			row.createCell(4).setCellValue(3.0);
			row.createCell(5).setCellValue(0.1 + 0.2);
			row.createCell(6).setCellValue(true);
			row.createCell(7).setCellValue(123456789012345.0);
			row.createCell(8).setCellFormula("E2*2");
			row.createCell(9).setCellFormula("B2&\"!\"");
			Row second = sheet.createRow(2);
			second.createCell(0).setCellValue(-7.25);
			second.createCell(1).setCellValue("123456789012345678");
			second.createCell(2).setCellValue(LocalDateTime.of(2024, 12, 31, 0, 0));
			second.getCell(2).setCellStyle(builtIn(workbook, 14)); // m/d/yy
			second.createCell(3).setCellValue(LocalDateTime.of(1900, 1, 1, 9, 5, 30));
			second.getCell(3).setCellStyle(format(workbook, "h:mm:ss"));
			second.createCell(4).setCellValue(1.5e17);
			second.createCell(5).setCellValue(0.15);
			second.getCell(5).setCellStyle(format(workbook, "0.00%"));
			second.createCell(6).setCellValue(false);
			second.createCell(7).setCellValue(0.0000001);
			second.createCell(8).setCellFormula("1/0");
			second.createCell(9).setCellFormula("E2>1");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		});
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.sheet()).isEqualTo("数据");
			assertThat(source.description()).isEqualTo("XLSX, sheet '数据' (1 of 1)");
			assertThat(source.headers()).containsExactly("编号", "标题", "日期", "时间点", "数量", "金额", "完成", "长编号", "合计", "备注");
			assertThat(Rows.texts(List.of(source.next(), source.next()))).containsExactly(
					List.of("2", "1001", "登录页改版", "2024-03-05", "2024-03-05T14:30", "3", "0.3", "true",
							"123456789012345", "6", "登录页改版!"),
					// a formula error is not a value: the row is not imported (issue 17)
					List.of("3", "problem: cell I3 (column '合计') holds the formula error #DIV/0!, not a value: "
							+ "fix the formula or its inputs and save the file again"));
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void chineseBuiltInDateFormatsAndThe1904DateSystem() throws IOException {
		Path file = write("zh.xlsx", new XSSFWorkbook(), (workbook) -> {
			var properties = ((XSSFWorkbook) workbook).getCTWorkbook().getWorkbookPr();
			(properties != null ? properties : ((XSSFWorkbook) workbook).getCTWorkbook().addNewWorkbookPr())
				.setDate1904(true);
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "年月日", "时分");
			Row row = sheet.createRow(1);
			// 1904 system: serial 0 is 1904-01-01
			row.createCell(0).setCellValue(43895.0); // 2024-03-06 in 1904 serials,
														// 2024-03-07 in 1900 ones
			row.getCell(0).setCellStyle(builtIn(workbook, 31)); // yyyy"年"m"月"d"日", no
																// format string
			row.createCell(1).setCellValue(0.5);
			row.getCell(1).setCellStyle(builtIn(workbook, 32)); // h"时"mm"分"
		});
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "2024-03-06", "12:00"));
	}

	@Test
	void sharedRichAndInlineStringsArePlainText() throws IOException {
		Path shared = write("rich.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "标题");
			XSSFRichTextString rich = new XSSFRichTextString("加粗和普通");
			Font bold = workbook.createFont();
			bold.setBold(true);
			rich.applyFont(0, 2, bold);
			sheet.createRow(1).createCell(0).setCellValue(rich);
		});
		assertThat(Rows.texts(Rows.read(shared))).containsExactly(List.of("2", "加粗和普通"));
		// SXSSF writes inline strings
		Path inline = write("inline.xlsx", new SXSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "标题", "说明");
			row(sheet, 1, "  前后空格  ", "第一行\n第二行");
		});
		assertThat(Rows.texts(Rows.read(inline))).containsExactly(List.of("2", "  前后空格  ", "第一行\n第二行"));
	}

	@Test
	void emptyCellsBlankRowsAndRowNumbersAsExcelShowsThem() throws IOException {
		Path file = write("gaps.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "a", "b", "c");
			row(sheet, 1, "1", null, "3");
			Row styledOnly = sheet.createRow(2);
			styledOnly.createCell(0).setCellStyle(format(workbook, "@"));
			styledOnly.createCell(1).setCellValue("");
			row(sheet, 6, null, null, "z");
			// past the header's last column: no header, not read
			sheet.getRow(6).createCell(5).setCellValue("stray");
		});
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "1", "", "3"), List.of("7", "", "", "z"));
	}

	@Test
	void mergedCellsGiveTheirValueOnlyInTheTopLeftCell() throws IOException {
		Path file = write("merged.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "a", "b", "c", "d");
			// values left in covered cells, as LibreOffice can keep them: Excel shows
			// none
			row(sheet, 1, "合并", "hidden", "x", "top");
			row(sheet, 2, "hidden", "hidden", "y", "covered");
			row(sheet, 3, "after", "b4", "z", "w");
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 3, 3));
		});
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "合并", "", "x", "top"),
				List.of("3", "", "", "y", ""), List.of("4", "after", "b4", "z", "w"));
	}

	@Test
	void aSheetReadWithoutLookingForMergedRangesFirstEndsInSayingItHasSome() throws IOException {
		Path merged = write("merged-late.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "a", "b");
			row(sheet, 1, "合并", "hidden");
			row(sheet, 2, "after", "b3");
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 1));
		});
		Path plain = write("plain.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "a", "b");
			row(sheet, 1, "合并", "hidden");
			row(sheet, 2, "after", "b3");
		});
		SourceSettings unscanned = SourceSettings.defaults().withMergesUnscanned();

		try (RowSource source = Sources.open(merged, unscanned)) {
			// the rows as the file holds them, then the sheet says it has merged cells
			assertThat(source.next().cell("b")).isEqualTo("hidden");
			assertThat(source.next().cell("b")).isEqualTo("b3");
			assertThatThrownBy(source::next).isInstanceOf(SheetHasMergedCells.class)
				.hasMessageContaining("merged-late.xlsx")
				.hasMessageContaining("has merged cells");
		}
		assertThat(Rows.read(merged).get(0).cell("b")).isEmpty();
		try (RowSource source = Sources.open(plain, unscanned)) {
			assertThat(source.next().cell("b")).isEqualTo("hidden");
			assertThat(source.next().cell("b")).isEqualTo("b3");
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void sheetByNameIndexOrLooseName() throws IOException {
		Path file = threeSheets();
		assertThat(Rows.read(file).get(0).cell("h")).isEqualTo("first");
		assertThat(Rows.read(file, SourceSettings.defaults().withSheet("数据")).get(0).cell("h")).isEqualTo("second");
		assertThat(Rows.read(file, SourceSettings.defaults().withSheet("3")).get(0).cell("h")).isEqualTo("third");
		assertThat(Rows.read(file, SourceSettings.defaults().withSheet(" ｓｕｍｍａｒｙ ")).get(0).cell("h"))
			.isEqualTo("third");
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withSheet("2"))) {
			assertThat(source.sheet()).isEqualTo("数据");
			assertThat(source.description()).isEqualTo("XLSX, sheet '数据' (2 of 3)");
		}
	}

	@Test
	void missingSheetNamesTheSheetsThatExist() throws IOException {
		Path file = threeSheets();
		assertThatThrownBy(() -> Rows.read(file, SourceSettings.defaults().withSheet("需求")))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> {
				assertThat(ex.getMessage())
					.isEqualTo(file + ": there is no sheet '需求'; sheets: 'Sheet1', '数据', 'Summary'");
				assertThat(ex.hint()).contains("source.sheet").contains("--sheet");
			});
		assertThatThrownBy(() -> Rows.read(file, SourceSettings.defaults().withSheet("4")))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> assertThat(ex.getMessage())
				.isEqualTo(file + ": there is no sheet 4; the workbook has 3 sheets: 'Sheet1', '数据', 'Summary'"));
	}

	@Test
	void headerRowOtherThanTheFirst() throws IOException {
		Path file = write("title.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "二〇二四年三月需求导出");
			row(sheet, 2, "标题", "优先级");
			row(sheet, 3, "登录", "高");
		});
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withHeaderRow(2))) {
			// the first non-blank row at or after row 2
			assertThat(source.headers()).containsExactly("标题", "优先级");
			assertThat(Rows.texts(List.of(source.next()))).containsExactly(List.of("4", "登录", "高"));
		}
	}

	@Test
	void emptySheetAndHeaderPastTheEndAreErrors() throws IOException {
		Path file = write("empty.xlsx", new XSSFWorkbook(), (workbook) -> {
			workbook.createSheet("空");
			row(workbook.createSheet("S"), 0, "a");
		});
		assertThatThrownBy(() -> Rows.read(file)).isInstanceOfSatisfying(FpImportException.class, (ex) -> {
			assertThat(ex.getMessage()).isEqualTo(file + ", sheet '空': the sheet is empty");
			assertThat(ex.hint()).contains("source.sheet");
		});
		assertThatThrownBy(() -> Rows.read(file, SourceSettings.defaults().withSheet("S").withHeaderRow(3)))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> assertThat(ex.getMessage())
				.isEqualTo(file + ", sheet 'S': no rows at or after row 3 (the header row)"));
	}

	@Test
	void repeatedHeaderNamesAreReadAndEmptyOrClashingNamesAreErrorsNamingTheColumns() throws IOException {
		Path repeated = write("dup.xlsx", new XSSFWorkbook(), (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			row(sheet, 0, "标题", "描述", "优先级", "ＴＩＴＬＥ", "title");
			row(sheet, 1, "a", "b", "c", "d", "e");
		});
		try (RowSource source = Sources.open(repeated, SourceSettings.defaults())) {
			assertThat(source.headers()).containsExactly("标题", "描述", "优先级", "ＴＩＴＬＥ", "title#2");
			assertThat(source.next().cell("title#2")).isEqualTo("e");
		}
		Path clash = write("clash.xlsx", new XSSFWorkbook(), (workbook) -> {
			row(workbook.createSheet("S"), 0, "标题", "Title", "Title", "title#2");
		});
		assertThatThrownBy(() -> Rows.read(clash)).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage())
					.isEqualTo(clash + ", sheet 'S', row 1: column D is named 'title#2', "
							+ "which is how a mapping calls a later column of a repeated name"));
		Path empty = write("gap.xlsx", new XSSFWorkbook(), (workbook) -> {
			row(workbook.createSheet("S"), 0, "标题", null, "描述");
		});
		assertThatThrownBy(() -> Rows.read(empty)).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage())
					.isEqualTo(empty + ", sheet 'S', row 1: column B of the header row has no name"));
	}

	@Test
	void columnLettersAndReferences() {
		assertThat(SheetRows.columnName(0)).isEqualTo("A");
		assertThat(SheetRows.columnName(25)).isEqualTo("Z");
		assertThat(SheetRows.columnName(26)).isEqualTo("AA");
		assertThat(SheetRows.columnName(16383)).isEqualTo("XFD");
		assertThat(XlsxSource.columnOf("XFD1048576")).isEqualTo(16383);
		assertThat(XlsxSource.columnOf("AB12")).isEqualTo(27);
	}

	private Path threeSheets() throws IOException {
		return write("three.xlsx", new XSSFWorkbook(), (workbook) -> {
			for (String[] sheet : new String[][] { { "Sheet1", "first" }, { "数据", "second" },
					{ "Summary", "third" } }) {
				Sheet created = workbook.createSheet(sheet[0]);
				row(created, 0, "h");
				row(created, 1, sheet[1]);
			}
		});
	}

	/**
	 * A sheet of several megabytes is parsed in blocks on several threads: its rows come
	 * in order, blank rows and gaps as in one pass, and closing the file early ends those
	 * threads.
	 */
	@Test
	void aLargeSheetIsReadInOrderAcrossItsBlocks() throws IOException, InterruptedException {
		int rows = 30_000;
		Path file = write("large.xlsx", new SXSSFWorkbook(100), (workbook) -> {
			Sheet sheet = workbook.createSheet("需求");
			row(sheet, 0, "编号", "标题", "描述");
			for (int r = 1; r <= rows; r++) {
				// a gap of one blank row after every thousandth
				int index = r + r / 1000;
				row(sheet, index, "S-" + r, "需求标题 " + r, "第 " + r + " 条需求的描述，包含中文标点，以及一些说明文字。");
			}
		});

		List<SourceRow> read = new ArrayList<>();
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withMergesUnscanned())) {
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				read.add(row);
			}
		}
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			for (int r = 0; r < 10; r++) {
				source.next();
			}
		}

		assertThat(Files.size(file)).isGreaterThan(100_000);
		assertThat(read).hasSize(rows);
		for (int r = 1; r <= rows; r += 997) {
			SourceRow row = read.get(r - 1);
			assertThat(row.rowNumber()).isEqualTo(r + r / 1000 + 1);
			assertThat(row.cells()).containsEntry("编号", "S-" + r).containsEntry("标题", "需求标题 " + r);
		}
		assertThat(read.get(rows - 1).rowNumber()).isEqualTo(rows + rows / 1000 + 1);
		for (int wait = 0; wait < 100 && parserThreads() > 0; wait++) {
			Thread.sleep(50);
		}
		assertThat(parserThreads()).as("fpimport-xlsx threads after close").isZero();
	}

	private static long parserThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("fpimport-xlsx"))
			.count();
	}

	static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				row.createCell(i).setCellValue(values[i]);
			}
		}
	}

	static CellStyle format(Workbook workbook, String format) {
		CreationHelper helper = workbook.getCreationHelper();
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(helper.createDataFormat().getFormat(format));
		return style;
	}

	static CellStyle builtIn(Workbook workbook, int index) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat((short) index);
		return style;
	}

	private Path write(String name, Workbook workbook, Consumer<Workbook> content) throws IOException {
		Path file = this.dir.resolve(name);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			content.accept(workbook);
			workbook.write(out);
		}
		return file;
	}

}
