package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command end to end: CSV file, mapping, H2 file database, the emulator over
 * HTTP.
 */
class ImportCommandIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	static final String MAPPING = """
			project: demo
			type: 需求
			key: [编号]
			key_field: field_c3d4e5
			timezone: Asia/Shanghai
			name: 标题
			fields:
			  description: 描述
			  priority: {column: 优先级, values: {紧急: P0, 高: P1, 中: P2, 低: P3}}
			  需求类型 Requirement type: {column: 类型}
			  field_7e8f9a: {column: 模块, min_level: 2}
			  tags: {column: 标签}
			  field_9f1e2d: {column: 上线日期}
			  field_5d6e7f: {column: 关联需求}
			roles:
			  PM: 产品经理
			""";

	static final String HEADER = "编号,标题,描述,优先级,类型,模块,标签,上线日期,关联需求,产品经理\n";

	@Test
	void mixedFileEndsWithExactCountsItemsAndReport() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "stories", //
				"S-1,登录页改版,新的登录页,高,功能 Feature,平台 Platform/账号 Account,\"前端 Frontend, 后端 Backend\",2026/12/1,,zhang.wei@example.com\n", //
				"S-2,支付超时,,紧急,优化 Improvement,交易 Trade/下单 Ordering,后端 Backend,2026-12-15,,李娜\n", //
				"S-3,未知优先级,,P5,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-4,关联不存在,,低,功能 Feature,平台 Platform/权限 Permission,,2026/12/1,999999,\n", //
				"S-5,数据看板,看板,中,技术债 Tech debt,交易 Trade/下单 Ordering/购物车 Cart,数据 Data,,,\n");

		CliRun run = this.cli
			.runConnected(stories.command("import", "--summary-json", this.cli.path("summary.json").toString()));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("created 3, updated 0, skipped 0, invalid 1, failed 1")
			.contains("report: " + this.cli.path("stories.report.xlsx"));
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("summary.json").toFile());
		assertThat(summary.get("created").asInt()).isEqualTo(3);
		assertThat(summary.get("invalid").asInt()).isEqualTo(1);
		assertThat(summary.get("failed").asInt()).isEqualTo(1);
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");

		Map<String, StoredItem> items = itemsByName();
		assertThat(items).containsOnlyKeys("登录页改版", "支付超时", "数据看板");
		StoredItem login = items.get("登录页改版");
		assertThat(login.field("priority").orElseThrow().get("value").asString()).isEqualTo("1");
		assertThat(login.field("field_c3d4e5").orElseThrow().asString()).isEqualTo("S-1");
		assertThat(login.field("description").orElseThrow().asString()).isEqualTo("新的登录页");
		assertThat(login.field("field_a1b2c3").orElseThrow().findValues("value").stream().map(JsonNode::asString))
			.containsExactly("q4xi0i9dq", "7r2kd81mx");
		assertThat(login.field("field_9f1e2d").orElseThrow().asLong()).isEqualTo(1796054400000L);
		assertThat(items.get("支付超时").field("priority").orElseThrow().get("value").asString()).isEqualTo("0");

		try (XSSFWorkbook report = new XSSFWorkbook(this.cli.path("stories.report.xlsx").toFile())) {
			var sheet = report.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(5);
			assertThat(sheet.getRow(3).getCell(11).getStringCellValue()).isEqualTo("INVALID");
			assertThat(sheet.getRow(3).getCell(15).getStringCellValue()).contains("P5");
			assertThat(sheet.getRow(4).getCell(11).getStringCellValue()).isEqualTo("FAILED");
			assertThat(sheet.getRow(4).getCell(14).getNumericCellValue()).as("a number, as the report writes numbers")
				.isEqualTo(30005.0);
			assertThat(sheet.getRow(4).getCell(15).getStringCellValue()).as("the refusal names the field and value")
				.startsWith("Work Item Not Found: ")
				.contains("(field_5d6e7f) = 999999");
		}
		assertThat(this.cli.path("stories.failed.xlsx")).exists();
	}

	@Test
	void secondImportOfTheSameRowsCreatesNothingAndUpdateUpdates() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "a", //
				"S-1,登录页改版,旧描述,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,支付超时,,紧急,优化 Improvement,交易 Trade/下单 Ordering,,2026/12/1,,\n");
		CliRun first = this.cli.runConnected(stories.command("import"));
		assertThat(first.exitCode()).as(first.toString()).isZero();

		Path again = this.cli.write("b.csv", HEADER + "S-1,登录页改版,新描述,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-2,支付超时,,紧急,优化 Improvement,交易 Trade/下单 Ordering,,2026/12/1,,\n");
		CliRun second = this.cli.runConnected("import", again.toString(), "--mapping", stories.mapping().toString());
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("created 0, updated 0, skipped 2");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(2);
		assertThat(itemsByName().get("登录页改版").field("description").orElseThrow().asString()).isEqualTo("旧描述");

		Path third = this.cli.write("c.csv", Files.readString(again, StandardCharsets.UTF_8));
		CliRun update = this.cli.runConnected("import", third.toString(), "--mapping", stories.mapping().toString(),
				"--on-existing", "update");
		assertThat(update.exitCode()).as(update.toString()).isZero();
		assertThat(update.out()).contains("created 0, updated 2, skipped 0");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(2);
		assertThat(itemsByName().get("登录页改版").field("description").orElseThrow().asString()).isEqualTo("新描述");
	}

	@Test
	void dryRunCreatesNothingAndReportsEveryProblem() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "d", //
				"S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,坏行,,P9,不存在,平台,运维 Ops,2026/13/45,,郭涛\n");

		CliRun run = this.cli.runConnected(stories.command("validate"));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("dry run").contains("valid 1, invalid 1");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
		assertThat(this.cli.emulator().space().createCalls()).isZero();
		try (XSSFWorkbook report = new XSSFWorkbook(this.cli.path("d.report.xlsx").toFile())) {
			String message = report.getSheetAt(0).getRow(2).getCell(15).getStringCellValue();
			assertThat(message).contains("P9").contains("不存在").contains("运维").contains("2026/13/45").contains("郭涛");
		}
	}

	@Test
	void aValidateAfterAnImportSaysWhichRowsTheLedgerKnows() throws Exception {
		StoryFiles first = StoryFiles.write(this.cli, "g", //
				"S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		CliRun validated = this.cli.runConnected(first.command("validate"));
		assertThat(validated.out()).as(validated.toString()).contains("valid 1, invalid 0, skipped 0");
		CliRun imported = this.cli.runConnected(first.command("import"));
		assertThat(imported.exitCode()).as(imported.toString()).isZero();

		StoryFiles again = StoryFiles.write(this.cli, "h", //
				"S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n",
				"S-2,支付,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		CliRun run = this.cli.runConnected(again.command("validate"));

		assertThat(run.out()).as(run.toString()).contains("valid 1, invalid 0, skipped 1");
	}

	@Test
	void permissionRefusedStopsWithExitFourAndOneLine() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "e", //
				"S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		this.cli.emulator().space().revokePermission();

		CliRun run = this.cli.runConnected(stories.command("import"));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
		assertThat(run.err()).contains("error: ").contains("10001").doesNotContain("\tat ");
		assertThat(run.err().lines().filter((line) -> line.startsWith("error: "))).hasSize(1);
	}

	@Test
	void flakyServiceStillEndsWithEveryRowOnce() throws Exception {
		StringBuilder csv = new StringBuilder();
		for (int i = 1; i <= 500; i++) {
			csv.append("S-")
				.append(i)
				.append(",需求 ")
				.append(i)
				.append(",,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		}
		StoryFiles stories = StoryFiles.write(this.cli, "many", csv.toString());
		this.cli.emulator().faults().reseed(7).droppedCreates(0.05).serverErrors(0.05);

		CliRun run = this.cli.runConnected(stories.command("import", "--qps", "60", "--concurrency", "8"));

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("created 500");
		assertThat(this.cli.emulator().space().droppedAnswers()).isPositive();
		List<String> names = this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
		assertThat(names).hasSize(500).doesNotHaveDuplicates();
	}

	private Map<String, StoredItem> itemsByName() {
		return this.cli.emulator().space().items().stream().collect(Collectors.toMap(StoredItem::name, (item) -> item));
	}

}
