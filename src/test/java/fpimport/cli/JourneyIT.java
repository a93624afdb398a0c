package fpimport.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.SpaceFixture;
import fpimport.emulator.StoredItem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first hour, end to end: a product manager's own backlog (a merged title
 * above the header on row 2, Chinese headers, a misspelt person, an unknown label, a date
 * typed as words, "3天" in a number column) goes from preview to a clean re-import of the
 * fixed failed rows, in a small space of its own.
 */
class JourneyIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.of(EmulatorConfig.of(space())).withQps(100));

	static final List<String> HEADER = List.of("编号", "标题", "优先级", "标签", "提出人", "上线日期", "工时");

	static final String MAPPING = """
			project: backlog
			type: 需求
			key: [编号]
			key_field: field_c3d4e5
			timezone: Asia/Shanghai
			source:
			  sheet: Backlog
			  header_row: 2
			name: 标题
			fields:
			  %s: 优先级
			  tags: 标签
			  需求提出人: 提出人
			  期望上线日期: 上线日期
			  预估工时: 工时
			""";

	private static SpaceFixture space() {
		try {
			return SpaceFixture.load(Path.of(JourneyIT.class.getResource("/journey/space.yaml").toURI()));
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void fromPreviewToACleanReimportOfTheFixedRows() throws Exception {
		Path backlog = writeBacklog(this.cli.path("backlog.xlsx"));

		// preview names the header row below the title, and reads it when told
		CliRun preview = this.cli.run("preview", backlog.toString());
		assertThat(preview.exitCode()).as(preview.toString()).isZero();
		assertThat(preview.out()).as(preview.toString())
			.contains("note: row 1 looks like a title; the header seems to be row 2: --header-row 2");
		CliRun below = this.cli.run("preview", backlog.toString(), "--header-row", "2");
		assertThat(below.out()).as(below.toString())
			.contains("7 columns")
			.contains("编号")
			.contains("3天")
			.doesNotContain("looks like a title");

		// init-mapping reads the header below the title and says so
		Path draft = this.cli.path("draft.yaml");
		CliRun init = this.cli.runByEnvironment("init-mapping", backlog.toString(), "--type", "需求", "-o",
				draft.toString());
		assertThat(init.exitCode()).as(init.toString()).isZero();
		assertThat(init.err()).contains("row 1 looks like a title; the header seems to be row 2");
		assertThat(Files.readString(draft)).contains("header_row: 2");

		// a mapping typo: the field is suggested, and no run is left to resume
		Path typo = this.cli.write("typo.yaml", MAPPING.formatted("Priorty"));
		CliRun refused = this.cli.runConnected("import", backlog.toString(), "--mapping", typo.toString());
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INVALID_INPUT.code());
		assertThat(refused.err()).as(refused.toString())
			.contains("fields.Priorty: unknown field 'Priorty' for 需求 (story); did you mean 优先级 Priority (priority)?")
			.doesNotContain("resume");
		assertThat(refused.out()).contains("run 1 refused before its first row").doesNotContain("stopped");
		assertThat(runs().out()).as("runs").containsPattern("(?m)^1\\s+refused\\s+import");
		assertThat(runs("1").out()).contains("run 1: refused");
		CliRun resume = this.cli.runConnected("resume", "1");
		assertThat(resume.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
		assertThat(resume.err()).as(resume.toString())
			.contains("run 1 was refused before its first row")
			.doesNotContain("'fpimport resume");

		// the right mapping: exact counts, and each bad row says what to do
		Path mapping = this.cli.write("mapping.yaml", MAPPING.formatted("priority"));
		CliRun run = this.cli.runConnected("import", backlog.toString(), "--mapping", mapping.toString());
		Path failed = this.cli.path("backlog.failed.xlsx");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ROWS_FAILED.code());
		assertThat(run.out()).as(run.toString())
			.contains("run 2 finished: 8 rows")
			.contains("created 4, updated 0, skipped 0, invalid 4, failed 0")
			.contains("failed rows: " + failed);
		assertThat(itemsByName()).containsOnlyKeys("登录页改版", "支付重试", "报表导出", "帮助中心");

		List<List<String>> failedRows = read(failed);
		assertThat(failedRows.get(0)).as("the rows above the mapping's header row stay blank").isEmpty();
		assertThat(failedRows.get(1)).containsExactly("编号", "标题", "优先级", "标签", "提出人", "上线日期", "工时", "fpimport_reason");
		assertThat(failedRows.subList(2, failedRows.size())).extracting((row) -> row.get(0))
			.containsExactly("REQ-4", "REQ-5", "REQ-6", "REQ-7");
		assertThat(failedRows.get(2).get(7)).contains("'张玮'").contains("did you mean 张伟 <zhang.wei@example.com>?");
		assertThat(failedRows.get(3).get(7)).contains("'前段'").contains("did you mean 前端?");
		assertThat(failedRows.get(4).get(7)).contains("'4月底'").contains("use 2024-03-04");
		assertThat(failedRows.get(5).get(7)).contains("'3天'").contains("write digits");

		// the fixed failed rows import with the same mapping: exactly the 4 missing items
		fix(failed, Map.of("REQ-4", Map.of("提出人", "张伟"), "REQ-5", Map.of("标签", "前端"), "REQ-6",
				Map.of("上线日期", "2026-04-30"), "REQ-7", Map.of("工时", "3")));
		CliRun again = this.cli.runConnected("import", failed.toString(), "--mapping", mapping.toString());
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).as(again.toString())
			.contains("run 3 finished: 4 rows")
			.contains("created 4, updated 0, skipped 0, invalid 0, failed 0")
			.doesNotContain("failed rows:");
		Map<String, StoredItem> items = itemsByName();
		assertThat(items).hasSize(8).containsOnlyKeys("登录页改版", "支付重试", "报表导出", "消息推送", "订单搜索", "权限管理", "数据看板", "帮助中心");
		assertThat(items.get("消息推送").field("field_3b5c7d").orElseThrow().asString()).isEqualTo("7400000000000000001");
		assertThat(items.get("数据看板").field("field_44aa1b").orElseThrow().asLong()).isEqualTo(3);
		assertThat(items.get("订单搜索").field("field_a1b2c3").orElseThrow().findValues("value").get(0).asString())
			.isEqualTo("t_fe");
	}

	/** Changes cells of a failed-rows file, by row key and header, as a user would. */
	private static void fix(Path file, Map<String, Map<String, String>> changes) throws Exception {
		Workbook book;
		try (InputStream in = Files.newInputStream(file)) {
			book = new XSSFWorkbook(in);
		}
		try (book) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(1);
			Map<String, Integer> columns = new LinkedHashMap<>();
			for (Cell cell : header) {
				columns.put(cell.getStringCellValue(), cell.getColumnIndex());
			}
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				Map<String, String> change = changes.get(row.getCell(0).getStringCellValue());
				if (change != null) {
					// a new cell: POI would keep the old text of an inline string cell
					change.forEach((column, value) -> {
						row.removeCell(row.getCell(columns.get(column)));
						row.createCell(columns.get(column)).setCellValue(value);
					});
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				book.write(out);
			}
		}
	}

	private CliRun runs(String... args) {
		List<String> all = new ArrayList<>(List.of("runs"));
		all.addAll(List.of(args));
		all.addAll(List.of("--db", this.cli.database()));
		return this.cli.run(all.toArray(String[]::new));
	}

	static Path writeBacklog(Path file) throws Exception {
		try (Workbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("Backlog");
			sheet.createRow(0).createCell(0).setCellValue("2026 Q1 产品需求 Backlog");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
			row(sheet, 1, HEADER.toArray());
			row(sheet, 2, "REQ-1", "登录页改版", "P1", "前端", "张伟", "2026-03-01", 8);
			row(sheet, 3, "REQ-2", "支付重试", "P0", "后端", "李娜", "2026/3/15", 5);
			row(sheet, 4, "REQ-3", "报表导出", "P2", "数据", "陈静", "2026年3月20日", 13);
			row(sheet, 5, "REQ-4", "消息推送", "P1", "后端", "张玮", "2026-04-01", 3);
			row(sheet, 6, "REQ-5", "订单搜索", "P2", "前段", "李娜", "2026-04-10", 5);
			row(sheet, 7, "REQ-6", "权限管理", "P0", "后端", "陈静", "4月底", 8);
			row(sheet, 8, "REQ-7", "数据看板", "P1", "数据", "张伟", "2026-05-01", "3天");
			row(sheet, 9, "REQ-8", "帮助中心", "P2", "前端", "李娜", "2026-05-15", 2);
			book.write(out);
		}
		return file;
	}

	private static void row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i);
			if (values[i] instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else {
				cell.setCellValue((String) values[i]);
			}
		}
	}

	/** Every row of a workbook's first sheet as text, blank rows as empty lists. */
	static List<List<String>> read(Path file) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (InputStream in = Files.newInputStream(file); Workbook book = new XSSFWorkbook(in)) {
			Sheet sheet = book.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						Cell cell = row.getCell(c);
						cells.add((cell == null) ? "" : format.formatCellValue(cell));
					}
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	Map<String, StoredItem> itemsByName() {
		Map<String, StoredItem> items = new LinkedHashMap<>();
		for (StoredItem item : this.cli.emulator().space().items("story")) {
			items.put(item.name(), item);
		}
		return items;
	}

}
