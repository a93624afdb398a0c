package fpimport.source;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Files written by other programs than POI (see src/test/resources/source/README.md). */
class FixturesTest {

	@Test
	void xlsxWrittenByExceljs() throws URISyntaxException {
		Path file = fixture("exceljs.xlsx");
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withSheet("需求"))) {
			assertThat(source.description()).isEqualTo("XLSX, sheet '需求' (2 of 2)");
			assertThat(source.headers()).containsExactly("编号", "标题", "计划日期", "开始时间", "工时", "完成", "合计", "负责人");
			assertThat(Rows.texts(List.of(source.next(), source.next(), source.next()))).containsExactly(
					List.of("2", "123456789012345678", "登录页改版", "2024-03-05", "2024-03-05T14:30", "8", "true", "16",
							"张三"),
					List.of("3", "7", "导出报表", "2024-12-31", "", "2.5", "false", "导出报表!", "李四"),
					// row 4 is blank; B5:D5 are merged, their value in B5 only
					List.of("5", "9", "合并的单元格", "", "", "1234567", "", "", "王五"));
			assertThat(source.next()).isNull();
		}
		try (RowSource first = Sources.open(file, SourceSettings.defaults())) {
			assertThat(first.sheet()).isEqualTo("说明");
			assertThat(first.headers()).containsExactly("这一页不是数据");
			assertThat(first.next()).isNull();
		}
	}

	@Test
	void xlsWrittenBySheetjs() throws URISyntaxException {
		Path file = fixture("sheetjs.xls");
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.description()).isEqualTo("XLS, sheet '数据' (1 of 1)");
			assertThat(source.headers()).containsExactly("编号", "标题", "计划日期", "工时", "完成");
			assertThat(Rows.texts(List.of(source.next(), source.next()))).containsExactly(
					List.of("2", "1", "登录页改版", "2024-03-05", "8", "true"),
					List.of("3", "2", "导出报表", "2024-12-31", "0.5", "false"));
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void xlsxWrittenByLibreOffice() throws URISyntaxException {
		try (RowSource source = Sources.open(fixture("libreoffice.xlsx"), SourceSettings.defaults())) {
			assertThat(source.description()).isEqualTo("XLSX, sheet '任务' (1 of 1)");
			assertThat(source.headers()).containsExactly("编号", "标题", "计划日期", "开始", "时长", "金额", "完成", "合计");
			assertThat(Rows.texts(List.of(source.next(), source.next()))).containsExactly(
					List.of("2", "00123", "登录页改版\n第二行", "2024-03-05", "2024-03-05T14:30", "01:45", "1234.5", "true",
							"2469"),
					// C3 is covered by the merge B3:C3: the file holds text there, Excel
					// shows none
					List.of("3", "123456789012345", "合并的单元格", "", "", "", "-0.1", "false", "合并的单元格!"));
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void xlsWrittenByLibreOffice() throws URISyntaxException {
		try (RowSource source = Sources.open(fixture("libreoffice.xls"), SourceSettings.defaults())) {
			assertThat(source.description()).isEqualTo("XLS, sheet '任务' (1 of 1)");
			assertThat(Rows.texts(List.of(source.next(), source.next()))).containsExactly(
					List.of("2", "00123", "登录页改版\n第二行", "2024-03-05", "2024-03-05T14:30", "01:45", "1234.5", "true",
							"2469"),
					// LibreOffice stored no text result for H3's formula in the .xls: its
					// cached
					// value is 0, and nothing is recalculated
					List.of("3", "123456789012345", "合并的单元格", "", "", "", "-0.1", "false", "0"));
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void gbkCsvWrittenByLibreOffice() throws URISyntaxException {
		try (RowSource source = Sources.open(fixture("libreoffice-gbk.csv"), SourceSettings.defaults())) {
			assertThat(source.description()).isEqualTo("CSV, encoding GB18030 (detected), delimiter ','");
			assertThat(source.headers()).containsExactly("编号", "标题", "计划日期", "开始", "时长", "金额", "完成", "合计");
			assertThat(Rows.texts(List.of(source.next(), source.next()))).containsExactly(
					List.of("2", "00123", "登录页改版\n第二行", "2024-03-05", "2024/3/5 14:30", "01:45", "1,234.50", "TRUE",
							"2469"),
					// the record of line 2 spans two lines; CSV has no merges, so C3's
					// text is there
					List.of("4", "123456789012345", "合并的单元格", "被合并隐藏", "", "", "-0.1", "FALSE", "合并的单元格!"));
			assertThat(source.next()).isNull();
		}
	}

	static Path fixture(String name) throws URISyntaxException {
		return Path.of(FixturesTest.class.getResource("/source/" + name).toURI());
	}

}
