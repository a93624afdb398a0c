package fpimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import fpimport.mapping.InvalidMappingException;
import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The exports of other trackers shipped under samples/, from preview to import into the
 * demo space, as docs/mapping.md ("Migrating from Jira, ZenTao, TAPD") walks through
 * them: the draft init-mapping writes (golden files under src/test/resources/drafts), the
 * finished mapping under mappings/, validate, and the values the space stores.
 */
class MigrationSamplesIT {

	private static final Pattern BLANK = Pattern.compile("(?m)^(    |      )(?!values:)(\\S.*?):( {4}#.*)?$");

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(0));

	@Test
	void zentaoStoryExportInGbkFromPreviewToImport() throws IOException {
		Path csv = sample("samples/zentao-stories.csv");

		CliRun preview = this.cli.runByEnvironment("preview", csv.toString(), "--limit", "1", "--json");
		assertThat(preview.exitCode()).as(preview.err()).isZero();
		assertThat(preview.out()).startsWith("{\"编号\":\"101\",\"所属产品\":\"商城(#1)\",\"所属模块\":\"/账号(#3)\"")
			.contains("\"描述\":\"接入运营商一键登录，\\n减少验证码短信费用。\"")
			.contains("\"关闭日期\":\"0000-00-00 00:00:00\"");

		String draft = drafted(csv, "zentao-stories.yaml", "8 of 34 headers matched");
		assertThat(draft)
			.contains("      \"1\": P1    # the option whose id is 1; change it if the file means another\n")
			.contains("      \"4\":\n");
		assertLoadsOnceFilled(draft,
				List.of("fields.field_7e8f9a.values./账号(#3)", "fields.field_7e8f9a.values./权限(#4)",
						"fields.field_7e8f9a.values./下单(#6)/购物车(#7)", "fields.priority.values.4", "users.aliases.郭涛",
						"users.aliases.王芳(深圳)", "users.aliases.钱多多"));

		Path mapping = sample("mappings/zentao-stories.yaml");
		CliRun validate = this.cli.runConnected("validate", csv.toString(), "--mapping", mapping.toString(),
				"--report-dir", this.cli.directory().toString(), "--project", "demo");
		assertThat(validate.exitCode()).as(validate.err()).isZero();
		assertThat(validate.out()).contains("valid 6, invalid 0, skipped 0");

		CliRun imported = this.cli.runConnected("import", csv.toString(), "--mapping", mapping.toString(),
				"--report-dir", this.cli.directory().toString(), "--project", "demo");
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("created 6, updated 0, skipped 0, invalid 0, failed 0");
		Map<String, StoredItem> items = byName();
		assertThat(items).hasSize(6);
		StoredItem first = items.get("手机号一键登录");
		assertThat(text(first, "field_c3d4e5")).isEqualTo("101");
		assertThat(text(first, "description")).isEqualTo("接入运营商一键登录，\n减少验证码短信费用。");
		assertThat(text(first, "field_77ab12")).isEqualTo("1. 三家运营商都能登录\n2. 失败时回退到短信验证码");
		assertThat(label(first, "priority")).isEqualTo("P0");
		assertThat(label(first, "field_5c1d2e")).isEqualTo("功能 Feature");
		assertThat(path(first, "field_7e8f9a")).isEqualTo("平台 Platform/账号 Account");
		assertThat(first.field("field_44aa1b").orElseThrow().asInt()).isEqualTo(8);
		assertThat(text(first, "field_3b5c7d")).isEqualTo("7351585340534063109");
		assertThat(people(first, "watchers")).containsExactly("7285521904468877312", "7358812034967152209");
		assertThat(owners(first, "rd")).containsExactly("7340018273645501234");
		StoredItem cart = items.get("购物车跨端同步");
		assertThat(label(cart, "priority")).isEqualTo("P2");
		assertThat(path(cart, "field_7e8f9a")).isEqualTo("交易 Trade/下单 Ordering/购物车 Cart");
		assertThat(text(cart, "field_3b5c7d")).isEqualTo("7355501928374650192");
		assertThat(text(items.get("权限按门店隔离"), "field_3b5c7d")).isEqualTo("7288475610293847561");
		assertThat(label(items.get("权限按门店隔离"), "field_5c1d2e")).isEqualTo("优化 Improvement");
		assertThat(text(items.get("密码强度校验"), "field_3b5c7d")).isEqualTo("7351585340534063109");
		assertThat(label(items.get("购物车商品上限调整为 200 件"), "priority")).isEqualTo("P3");
	}

	@Test
	void tapdStoryExportFromPreviewToImport() throws IOException {
		Path xlsx = sample("samples/tapd-stories.xlsx");

		CliRun preview = this.cli.runByEnvironment("preview", xlsx.toString(), "--limit", "1", "--json");
		assertThat(preview.exitCode()).as(preview.err()).isZero();
		assertThat(preview.out()).startsWith("{\"ID\":\"1120345601001000101\",\"标题\":\"消息中心改版\"")
			.contains("\"处理人\":\"杨帆;\"")
			.contains("\"规模\":\"5\"");

		String draft = drafted(xlsx, "tapd-stories.yaml", "12 of 23 headers matched");
		// 父需求 holds the ID of another row of the file
		assertThat(draft)
			.contains("    column: 父需求\n    refers_to: {by: ID}    # the cells hold the ID of rows of this file;")
			.contains("schedule: {columns: [预计开始, 预计结束]}")
			.contains("      后端: \"后端 Backend\"\n")
			.contains("  # field_7e8f9a: 模块    # a candidate: 所属模块 Module");
		assertLoadsOnceFilled(draft,
				List.of("fields.priority.values.高", "fields.priority.values.中", "fields.priority.values.低",
						"fields.priority.values.无关紧要", "fields.field_a1b2c3.values.前端|体验",
						"fields.field_a1b2c3.values.后端|数据", "fields.field_a1b2c3.values.后端|运维", "users.aliases.王芳",
						"users.aliases.Frank"));

		Path mapping = sample("mappings/tapd-stories.yaml");
		CliRun validate = this.cli.runConnected("validate", xlsx.toString(), "--mapping", mapping.toString(),
				"--report-dir", this.cli.directory().toString(), "--project", "demo");
		assertThat(validate.exitCode()).as(validate.err()).isZero();
		assertThat(validate.out()).contains("valid 5, invalid 0, skipped 0");

		CliRun imported = this.cli.runConnected("import", xlsx.toString(), "--mapping", mapping.toString(),
				"--report-dir", this.cli.directory().toString(), "--project", "demo");
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("created 5, updated 0, skipped 0, invalid 0, failed 0");
		Map<String, StoredItem> items = byName();
		StoredItem first = items.get("消息中心改版");
		assertThat(text(first, "field_c3d4e5")).isEqualTo("1120345601001000101");
		assertThat(label(first, "priority")).isEqualTo("P1");
		assertThat(labels(first, "field_a1b2c3")).containsExactly("前端 Frontend");
		// 2024-04-01 and 2024-04-12, midnight in Shanghai
		assertThat(first.field("schedule").orElseThrow().path("start_time").asLong()).isEqualTo(1711900800000L);
		assertThat(first.field("schedule").orElseThrow().path("end_time").asLong()).isEqualTo(1712851200000L);
		assertThat(first.field("field_44aa1b").orElseThrow().asInt()).isEqualTo(24);
		assertThat(people(first, "watchers")).containsExactly("7285521904468877312", "7358812034967152209");
		assertThat(owners(first, "rd")).containsExactly("7340018273645501234", "7301947562839104567");
		StoredItem export = items.get("订单列表增加导出");
		assertThat(labels(export, "field_a1b2c3")).containsExactly("后端 Backend", "数据 Data");
		assertThat(text(export, "field_3b5c7d")).isEqualTo("7312204958161301508");
		assertThat(path(export, "field_7e8f9a")).isEqualTo("交易 Trade/下单 Ordering");
		StoredItem alarm = items.get("搜索接口超时告警");
		assertThat(label(alarm, "field_5c1d2e")).isEqualTo("技术债 Tech debt");
		assertThat(text(alarm, "field_3b5c7d")).isEqualTo("7366102938475610011");
		// 父需求 1120345601001000103 is the ID of another row: its item is the parent
		assertThat(alarm.relatedIds("field_9f8e7d")).containsExactly(items.get("搜索结果排序优化").id());
		assertThat(first.relatedIds("field_9f8e7d")).isEmpty();
		assertThat(label(items.get("优惠券叠加规则"), "priority")).isEqualTo("P3");
	}

	@Test
	void jiraCsvAllFieldsExportFromPreviewToImport() throws IOException {
		Path csv = sample("samples/jira-export.csv");

		CliRun preview = this.cli.runByEnvironment("preview", csv.toString(), "--limit", "1");
		assertThat(preview.exitCode()).as(preview.err()).isZero();
		assertThat(preview.out()).startsWith(csv + ": CSV, encoding UTF-8 (byte order mark), delimiter ',', 40 columns")
			.contains("Labels ×3")
			.contains("Comment ×2");

		String draft = drafted(csv, "jira-export.yaml",
				"8 of 36 headers matched a field or role of 需求 (story); 4 went to state:, comments:, attachments: "
						+ "or refers_to.by (Issue id, Status, Attachment, Comment ×2); not matched: Issue Type, Project key");
		assertThat(draft).contains("drafted by init-mapping from a Jira export.\n")
			.contains("key: \"Issue key\"    #")
			.contains("key_field: field_c3d4e5    #")
			.contains("\nname: Summary\n")
			.contains("      frontend: \"前端 Frontend\"\n")
			.contains("  field_9f8e7d:    # 父需求 Parent story, work_item_related_select\n    column: \"Parent id\"\n"
					+ "    refers_to: {by: \"Issue id\"}    # Jira's Parent id holds the parent's Issue id;")
			.contains(
					"state:    # after its create, each item is moved to the node its Status names\n  column: Status\n")
			.contains("    Done: \"已完成 Done\"\n    \"In Progress\":\n")
			.contains("comments:    # one comment per non-empty cell, after the create;")
			.contains("\n  column: Comment\n")
			.contains("\n  column: Attachment\n  # dir: FOLDER    the folder the files were downloaded to")
			.doesNotContain("not built yet");
		assertLoadsOnceFilled(draft, List.of("fields.priority.values.High", "fields.priority.values.Medium",
				"fields.priority.values.Highest", "fields.priority.values.Low", "fields.priority.values.Lowest",
				"fields.field_a1b2c3.values.checkout", "fields.field_a1b2c3.values.api",
				"fields.field_a1b2c3.values.ux", "fields.field_a1b2c3.values.analytics", "users.aliases.Ingrid Holm",
				"state.values.In Progress", "state.values.To Do", "state.values.In Review"));

		Path mapping = sample("mappings/jira-export.yaml");
		CliRun validate = this.cli.runConnected("validate", csv.toString(), "--mapping", mapping.toString(),
				"--report-dir", this.cli.directory().toString(), "--project", "demo");
		assertThat(validate.exitCode()).as(validate.err()).isZero();
		assertThat(validate.out()).contains("valid 8, invalid 0, skipped 0");

		CliRun imported = this.cli.runConnected("import", csv.toString(), "--mapping", mapping.toString(),
				"--report-dir", this.cli.directory().toString(), "--project", "demo");
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("created 8, updated 0, skipped 0, invalid 0, failed 0");
		Map<String, StoredItem> items = byName();
		StoredItem guest = items.get("Guest checkout without an account");
		assertThat(text(guest, "field_c3d4e5")).isEqualTo("SHOP-101");
		assertThat(text(guest, "description"))
			.startsWith("As a first-time buyer I want to pay without creating an account,\n")
			.endsWith("* offer \"create an account\" after payment");
		assertThat(label(guest, "priority")).isEqualTo("P1");
		assertThat(label(guest, "field_5c1d2e")).isEqualTo("功能 Feature");
		assertThat(path(guest, "field_7e8f9a")).isEqualTo("交易 Trade/下单 Ordering/购物车 Cart");
		// three Labels columns, all kept: checkout and backend are one option
		assertThat(labels(guest, "field_a1b2c3")).containsExactly("后端 Backend", "前端 Frontend");
		// 29/Mar/24 12:00 AM is midnight in Shanghai, the mapping's zone
		assertThat(guest.field("field_9f1e2d").orElseThrow().asLong()).isEqualTo(1711641600000L);
		assertThat(text(guest, "field_3b5c7d")).isEqualTo("7351585340534063109");
		assertThat(people(guest, "watchers")).containsExactly("7285521904468877312", "7366102938475610011");
		assertThat(owners(guest, "rd")).containsExactly("7340018273645501234");
		StoredItem search = items.get("Faster product search");
		assertThat(labels(search, "field_a1b2c3")).containsExactly("后端 Backend", "数据 Data");
		assertThat(label(search, "priority")).isEqualTo("P0");
		assertThat(label(search, "field_5c1d2e")).isEqualTo("优化 Improvement");
		assertThat(path(search, "field_7e8f9a")).isEqualTo("交易 Trade/下单 Ordering");
		assertThat(owners(search, "rd")).containsExactly("7288475610293847561");
		assertThat(search.field("field_9f1e2d")).isEmpty();
		StoredItem sdk = items.get("Upgrade the payment SDK to v5");
		assertThat(text(sdk, "field_3b5c7d")).isEqualTo("7351585340534063109");
		assertThat(label(sdk, "field_5c1d2e")).isEqualTo("技术债 Tech debt");
		StoredItem staff = items.get("Role-based access for shop staff");
		assertThat(path(staff, "field_7e8f9a")).isEqualTo("平台 Platform/权限 Permission");
		assertThat(staff.field("field_a1b2c3")).isEmpty();
		assertThat(path(items.get("Export orders as CSV"), "field_7e8f9a")).isEqualTo("平台 Platform/账号 Account");
		// every row once; SHOP-105, a Sub-task whose Parent id is 10101, names SHOP-101's
		// item
		assertThat(items).hasSize(8);
		StoredItem subtask = this.cli.emulator().space().item("story", "Address form validation").orElseThrow();
		assertThat(subtask.relatedIds("field_9f8e7d")).containsExactly(guest.id());
		assertThat(guest.relatedIds("field_9f8e7d")).isEmpty();
		// the state after create, the abort of a Won't Do, the comments oldest first
		var space = this.cli.emulator().space();
		assertThat(space.currentStates(guest.id())).containsExactly("done");
		assertThat(space.currentStates(items.get("Save a card for later payments").id())).containsExactly("develop");
		assertThat(space.currentStates(items.get("Export orders as CSV").id())).containsExactly("testing");
		assertThat(space.currentStates(search.id())).containsExactly("started");
		assertThat(space.aborted(sdk.id())).isTrue();
		assertThat(space.aborted(guest.id())).isFalse();
		assertThat(space.comments(guest.id())).hasSize(2);
		assertThat(space.comments(guest.id()).get(0)).startsWith("2024-03-12 14:11 · ")
			.endsWith("\nAgreed with legal: no account; but keep the e-mail.");
		assertThat(space.comments(search.id())).isEmpty();
	}

	@Test
	void aJiraExportForBugsPairsItsPeopleAndCreationDateWithTheBugType() throws IOException {
		Path csv = this.cli
			.write("bugs.csv", "Summary,Issue key,Issue id,Issue Type,Priority,Assignee,Reporter,Created,"
					+ "Environment,Status,Comment,Comment\n"
					+ "Crash on pay,BUG-7,10207,Bug,Blocker,Yang Liu,Wei Zhang,12/Mar/24 10:20 AM,Production,Open,,\n");

		CliRun draft = this.cli.runByEnvironment("init-mapping", csv.toString(), "--type", "缺陷");

		assertThat(draft.exitCode()).as(draft.err()).isZero();
		assertThat(draft.out()).contains("\nname: Summary\n")
			.contains("      Blocker: \"致命 Blocker\"\n")
			.contains("  field_b4c5d6: Created    # 发现日期 Found on, date, required\n")
			.contains("  field_123abc:    # 环境 Environment, multi_select")
			.contains("      Production: \"生产 Production\"\n")
			.contains("roles:\n  operator: Assignee    # role 经办人 Assignee, one person\n"
					+ "  reporter: Reporter    # role 报告人 Reporter, one person\n")
			.contains("state:    # after its create, each item is moved to the state its Status names\n"
					+ "  column: Status\n  values:    # each Status of the file to one of the template's states: "
					+ "待处理 Open, 处理中 In progress, 已解决 Resolved, 已关闭 Closed, 已归档 Archived\n"
					+ "    Open: \"待处理 Open\"\n")
			.contains("comments:    # one comment per non-empty cell, after the create; a Jira cell (date;author;body) "
					+ "keeps its date and author in the comment's first line\n  column: Comment\n")
			.contains("# Columns left unmapped (map them by hand or leave them out):\n#   Issue id\n#   Issue Type\n")
			.doesNotContain("users:");
		assertThat(draft.err()).startsWith("7 of 11 headers matched a field or role of 缺陷 (issue); 2 went to state:, "
				+ "comments:, attachments: or refers_to.by (Status, Comment ×2); not matched: Issue id, Issue Type\n");
	}

	@Test
	void theBundledStoriesSheetPairsItsHeadersWithTheDemoSpace() throws IOException {
		CliRun draft = this.cli.runByEnvironment("init-mapping", sample("samples/stories.xlsx").toString(), "--type",
				"需求");

		assertThat(draft.exitCode()).as(draft.err()).isZero();
		Matcher matched = Pattern.compile("(\\d+) of 24 headers matched").matcher(draft.err());
		assertThat(matched.find()).as(draft.err()).isTrue();
		assertThat(Integer.parseInt(matched.group(1))).isGreaterThanOrEqualTo(20);
		assertThat(draft.out()).contains("key: 编号    #")
			.contains("key_field: field_c3d4e5    #")
			.contains("\nname: 标题\n")
			.contains("  schedule: {columns: [开始日期, 结束日期]}")
			.contains("  PM: 产品经理    # role 产品经理 PM, one person\n");
	}

	/** init-mapping's draft for the file, checked against its golden file. */
	private String drafted(Path file, String golden, String matched) throws IOException {
		CliRun draft = this.cli.runByEnvironment("init-mapping", file.toString(), "--type", "需求");
		assertThat(draft.exitCode()).as(draft.err()).isZero();
		assertThat(draft.err()).contains(matched);
		Path expected = Path.of("src/test/resources/drafts", golden);
		if (Boolean.getBoolean("fpimport.writeGolden")) {
			Files.writeString(expected, draft.out(), StandardCharsets.UTF_8);
		}
		assertThat(draft.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
		return draft.out();
	}

	/**
	 * The draft is refused for its blanks only, each named; with them filled it loads.
	 */
	private static void assertLoadsOnceFilled(String draft, List<String> blanks) {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> MappingLoader.parse(draft, "draft.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyElementsOf(blanks.stream()
				.map((path) -> path + ": empty; write what it stands for (an option, a person ...) or delete the line")
				.toList()));
		String filled = BLANK.matcher(draft).replaceAll("$1$2: filled$3");
		MappingSpec spec = MappingLoader.parse(filled, "draft.yaml");
		assertThat(spec.type()).isEqualTo("story");
	}

	private static Path sample(String name) {
		return Path.of(name).toAbsolutePath();
	}

	private Map<String, StoredItem> byName() {
		return this.cli.emulator().space().items().stream().collect(Collectors.toMap(StoredItem::name, (item) -> item));
	}

	private static String text(StoredItem item, String field) {
		return item.field(field).orElseThrow(() -> new AssertionError(item.name() + " has no " + field)).asString();
	}

	private static String label(StoredItem item, String field) {
		return item.field(field).orElseThrow().path("label").asString();
	}

	private static List<String> labels(StoredItem item, String field) {
		return item.field(field).orElseThrow().valueStream().map((node) -> node.path("label").asString()).toList();
	}

	private static String path(StoredItem item, String field) {
		StringBuilder path = new StringBuilder();
		for (JsonNode node = item.field(field).orElseThrow(); node != null && !node.isNull()
				&& !node.isMissingNode(); node = node.get("children")) {
			path.append((path.length() > 0) ? "/" : "").append(node.path("label").asString());
		}
		return path.toString();
	}

	private static List<String> people(StoredItem item, String field) {
		return item.field(field).orElseThrow().valueStream().map(JsonNode::asString).toList();
	}

	private static List<String> owners(StoredItem item, String role) {
		for (JsonNode entry : item.field("role_owners").orElseThrow()) {
			if (entry.path("role").asString().equals(role)) {
				return entry.path("owners").valueStream().map(JsonNode::asString).toList();
			}
		}
		throw new AssertionError(item.name() + " has no owners of role " + role);
	}

}
