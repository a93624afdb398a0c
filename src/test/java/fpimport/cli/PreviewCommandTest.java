package fpimport.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewCommandTest {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void tableWithRowNumbersFirst() throws IOException {
		Path file = Files.write(this.dir.resolve("需求.csv"),
				"标题,优先级\n登录页改版,高\n\nExport,P1\n".getBytes(Charset.forName("GBK")));
		assertThat(run("preview", file.toString())).isZero();
		assertThat(this.out.toString()).isEqualTo(String.join("\n", //
				file + ": CSV, encoding GB18030 (detected), delimiter ',', 2 columns", //
				"line | 标题       | 优先级", //
				"-----+------------+-------", //
				"2    | 登录页改版 | 高", //
				"4    | Export     | P1", //
				"2 rows shown", ""));
		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void jsonLinesInHeaderOrder() throws IOException {
		Path file = workbook();
		assertThat(run("preview", file.toString(), "--json", "--sheet", "2")).isZero();
		assertThat(this.out.toString()).isEqualTo(String.join("\n", //
				"{\"标题\":\"登录\",\"计划日期\":\"2024-03-05\",\"工时\":\"8\"}", //
				"{\"标题\":\"注册\\n第二行\",\"计划日期\":\"2024-03-05T14:30\",\"工时\":\"0.5\"}", ""));
	}

	@Test
	void limitAndHeaderRowAndDelimiterOptions() throws IOException {
		Path file = Files.write(this.dir.resolve("a.txt"),
				"导出于 2024-03\nname;note\na;1,5\nb;2\nc;3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(run("preview", file.toString(), "--header-row", "2", "--delimiter", ";", "--encoding", "UTF-8",
				"--limit", "2"))
			.isZero();
		assertThat(this.out.toString()).isEqualTo(String.join("\n", //
				file + ": CSV, encoding UTF-8 (set), delimiter ';', 2 columns", //
				"line | name | note", //
				"-----+------+-----", //
				"3    | a    | 1,5", //
				"4    | b    | 2", //
				"2 rows shown; more follow (--limit 0 shows all)", ""));
	}

	@Test
	void malformedRowsAreShownInTheTableAndWarnedAboutWithJson() throws IOException {
		Path file = Files.write(this.dir.resolve("bad.csv"), "a,b\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8));
		assertThat(run("preview", file.toString())).isZero();
		assertThat(this.out.toString())
			.contains(
					"2    | (malformed) the line has 3 cells but the header has 2 names; column 3 ('3') has no header")
			.contains("3    | 4 | 5");
		this.out.getBuffer().setLength(0);
		assertThat(run("preview", file.toString(), "--json")).isZero();
		assertThat(this.out.toString()).isEqualTo("{\"a\":\"4\",\"b\":\"5\"}\n");
		assertThat(this.err.toString()).startsWith("warning: " + file + ", line 2: the line has 3 cells");
	}

	@Test
	void badFileIsOneErrorLineWithAHintAndExitCode3() throws IOException {
		Path file = workbook();
		assertThat(run("preview", file.toString(), "--sheet", "Missing")).isEqualTo(3);
		assertThat(this.err.toString()).isEqualTo(String.join("\n", //
				"error: " + file + ": there is no sheet 'Missing'; sheets: 'Sheet1', '数据'", //
				"hint: set source.sheet (or --sheet) to one of these names or to a 1-based index", ""));
		assertThat(this.out.toString()).isEmpty();
	}

	@Test
	void wideCharactersAreCountedTwiceAndLongCellsCut() {
		assertThat(TextWidth.of("登录ab")).isEqualTo(6);
		assertThat(TextWidth.cut("第一行\r\n第二行", 40)).isEqualTo("第一行↵第二行");
		assertThat(TextWidth.cut("abcdefghij", 5)).isEqualTo("abcd…");
		assertThat(TextWidth.cut("登录页改版", 6)).isEqualTo("登录…");
	}

	private Path workbook() throws IOException {
		Path file = this.dir.resolve("book.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream stream = Files.newOutputStream(file)) {
			workbook.createSheet("Sheet1");
			var sheet = workbook.createSheet("数据");
			var style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			var dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("标题");
			header.createCell(1).setCellValue("计划日期");
			header.createCell(2).setCellValue("工时");
			var first = sheet.createRow(1);
			first.createCell(0).setCellValue("登录");
			first.createCell(1).setCellValue(LocalDateTime.of(2024, 3, 5, 0, 0));
			first.getCell(1).setCellStyle(style);
			first.createCell(2).setCellValue(8);
			var second = sheet.createRow(2);
			second.createCell(0).setCellValue("注册\n第二行");
			second.createCell(1).setCellValue(LocalDateTime.of(2024, 3, 5, 14, 30));
			second.getCell(1).setCellStyle(dateTime);
			second.createCell(2).setCellValue(0.5);
			workbook.write(stream);
		}
		return file;
	}

	private int run(String... args) {
		return FpImport.run(args, Map.of(), this.dir, new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

}
