package fpimport.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-world Jira header, as "CSV (all fields)" writes it: 15 {@code Labels} columns,
 * 19 {@code Comment} columns and {@code Custom field (Story Points)}, previewed,
 * validated and imported through the command line into the emulator.
 */
class JiraHeaderIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private static final int LABELS = 15;

	private static final int COMMENTS = 19;

	private static final String MAPPING = """
			project: demo
			type: 需求
			key: [Issue key]
			key_field: field_c3d4e5
			timezone: Asia/Shanghai
			name: Summary
			fields:
			  priority: {column: Priority, values: {Highest: P0, High: P1, Medium: P2, Low: P3}}
			  需求类型 Requirement type: {value: 功能 Feature}
			  field_7e8f9a: {value: 平台 Platform/账号 Account}
			  tags: Labels
			  field_44aa1b: Custom field (Story Points)
			  field_9f1e2d: Created
			  schedule: {columns: [Custom field (Start date), Due Date]}
			  description: Description
			""";

	private Path file;

	private Path mapping;

	@BeforeEach
	void writeTheExport() throws IOException {
		List<String> header = new ArrayList<>(List.of("Summary", "Issue key", "Issue id", "Issue Type", "Status",
				"Priority", "Assignee", "Reporter", "Created", "Updated"));
		header.addAll(repeat("Labels", LABELS));
		header.addAll(List.of("Description", "Custom field (Story Points)", "Custom field (Start date)", "Due Date"));
		header.addAll(repeat("Comment", COMMENTS));
		List<String[]> rows = new ArrayList<>();
		rows.add(header.toArray(String[]::new));
		rows.add(row(header, "Login page", "SHOP-1", "10001", "Story", "To Do", "High", "Li Na", "Wang Wu",
				"24/Jun/26 5:39 PM", "25/Jun/26 9:00 AM", labels(1, 15), "First line\nsecond; line", "5", "13/04/2026",
				"30/Apr/26 12:00 AM", comments(19)));
		rows.add(row(header, "Pay timeout", "SHOP-2", "10002", "Bug", "Done", "Highest", "", "Wang Wu",
				"19/Jan/2026 12:00 AM", "", labels(3, 1), "", "0.5", "03/04/2026", "06/Apr/26 12:00 AM", comments(1)));
		rows.add(row(header, "No labels", "SHOP-3", "10003", "Task", "To Do", "Low", "", "", "01/Dec/25 17:39", "",
				labels(0, 0), "", "", "", "", comments(0)));
		StringWriter text = new StringWriter();
		try (ICSVWriter writer = new CSVWriter(text)) {
			writer.writeAll(rows);
		}
		this.file = this.cli.write("jira-export.csv", text.toString());
		this.mapping = this.cli.write("jira.yaml", MAPPING);
		for (int i = 1; i <= LABELS; i++) {
			this.cli.emulator().space().addOption("story", "field_a1b2c3", optionId(i), label(i));
		}
	}

	@Test
	void previewShowsTheRepeatedColumnsOnceWithEveryValue() throws Exception {
		CliRun table = this.cli.run("preview", this.file.toString());
		assertThat(table.exitCode()).as(table.toString()).isZero();
		List<String> lines = table.out().lines().toList();
		assertThat(lines.get(0)).endsWith(", " + (14 + LABELS + COMMENTS) + " columns");
		assertThat(lines.get(1)).contains("| Labels ×15 ", "| Description", "| Custom field (Story Points) |",
				"| Comment ×19");
		assertThat(lines.get(3)).contains("| label-01 | label-02 | label-03");
		assertThat(lines.get(4)).startsWith("4    | Pay timeout").containsPattern("\\| label-03 +\\| +\\| 0\\.5 ");

		CliRun json = this.cli.run("preview", this.file.toString(), "--json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		List<JsonNode> objects = json.out().lines().map(JsonMapper.builder().build()::readTree).toList();
		assertThat(objects).hasSize(3);
		List<String> labels = new ArrayList<>();
		objects.get(0).get("Labels").forEach((label) -> labels.add(label.asString()));
		assertThat(labels).isEqualTo(labels(1, 15));
		assertThat(objects.get(0).get("Comment")).hasSize(COMMENTS);
		assertThat(objects.get(0).get("Custom field (Story Points)").asString()).isEqualTo("5");
		assertThat(objects.get(1).get("Comment")).hasSize(1);
		assertThat(objects.get(2).get("Labels")).isEmpty();
	}

	@Test
	void validateReadsEveryRowAndSaysHowItReadTheNumericDates() {
		CliRun run = this.cli.runConnected("validate", this.file.toString(), "--mapping", this.mapping.toString());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("valid 3, invalid 0, skipped 0")
			.contains(
					"  note: column Custom field (Start date), Due Date: dates read as day/month, proved by row 2 '13/04/2026'");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	@Test
	void importStoresEveryLabelInOrderAndTheJiraValues() {
		CliRun run = this.cli.runConnected("import", this.file.toString(), "--mapping", this.mapping.toString());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("created 3, updated 0, skipped 0, invalid 0, failed 0");

		StoredItem login = item("Login page");
		List<String> all = new ArrayList<>();
		for (int i = 1; i <= LABELS; i++) {
			all.add(optionId(i));
		}
		assertThat(login.optionValues("field_a1b2c3")).isEqualTo(all);
		assertThat(login.field("field_44aa1b").orElseThrow().decimalValue())
			.isEqualByComparingTo(BigDecimal.valueOf(5));
		assertThat(login.field("field_9f1e2d").orElseThrow().asLong()).isEqualTo(shanghai(2026, 6, 24, 17, 39));
		assertThat(login.field("schedule").orElseThrow().get("start_time").asLong())
			.isEqualTo(shanghai(2026, 4, 13, 0, 0));
		assertThat(login.field("schedule").orElseThrow().get("end_time").asLong())
			.isEqualTo(shanghai(2026, 4, 30, 0, 0));
		assertThat(login.field("description").orElseThrow().asString()).isEqualTo("First line\nsecond; line");
		assertThat(login.field("priority").orElseThrow().get("value").asString()).isEqualTo("1");
		assertThat(login.field("field_c3d4e5").orElseThrow().asString()).isEqualTo("SHOP-1");

		StoredItem pay = item("Pay timeout");
		assertThat(pay.optionValues("field_a1b2c3")).containsExactly(optionId(3));
		assertThat(pay.field("field_44aa1b").orElseThrow().decimalValue()).isEqualByComparingTo(new BigDecimal("0.5"));
		assertThat(pay.field("field_9f1e2d").orElseThrow().asLong()).isEqualTo(shanghai(2026, 1, 19, 0, 0));
		assertThat(pay.field("schedule").orElseThrow().get("start_time").asLong())
			.isEqualTo(shanghai(2026, 4, 3, 0, 0));

		StoredItem none = item("No labels");
		assertThat(none.field("field_a1b2c3")).isEmpty();
		assertThat(none.field("field_44aa1b")).isEmpty();
		assertThat(none.field("field_9f1e2d").orElseThrow().asLong()).isEqualTo(shanghai(2025, 12, 1, 17, 39));
	}

	@Test
	void initMappingDraftsTheNineteenCommentColumnsAsOneSettingAndPairsTheStatusesWithTheWorkflow() {
		CliRun draft = this.cli.runByEnvironment("init-mapping", this.file.toString(), "--type", "需求");
		assertThat(draft.exitCode()).as(draft.err()).isZero();
		assertThat(draft.out())
			.contains("state:    # after its create, each item is moved to the node its Status names\n"
					+ "  column: Status\n  values:    # each Status of the file to one of the template's nodes: 开始 Start, "
					+ "需求评审 Review, 开发中 Development, 测试中 Testing, 已完成 Done; or abort\n"
					+ "    \"To Do\":\n    Done: \"已完成 Done\"\ncomments:    # one comment per non-empty cell")
			.contains("\n  column: Comment\n")
			.doesNotContain("attachments:");
		assertThat(draft.err())
			.contains("; 2 went to state:, comments:, attachments: or refers_to.by (Status, Comment ×19); "
					+ "not matched: Issue id, Issue Type");
	}

	private StoredItem item(String name) {
		return this.cli.emulator().space().item("story", name).orElseThrow();
	}

	private static long shanghai(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute)
			.atZone(ZoneId.of("Asia/Shanghai"))
			.toInstant()
			.toEpochMilli();
	}

	private static String label(int i) {
		return String.format("label-%02d", i);
	}

	private static String optionId(int i) {
		return String.format("jira_label_%02d", i);
	}

	/** {@code count} labels from {@code first} on. */
	private static List<String> labels(int first, int count) {
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			labels.add(label(first + i));
		}
		return labels;
	}

	private static List<String> comments(int count) {
		List<String> comments = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			comments.add(i + "/Mar/26 2:11 PM;557058:abc-" + i + ";comment " + i + "; with a semicolon");
		}
		return comments;
	}

	private static List<String> repeat(String name, int times) {
		return new ArrayList<>(java.util.Collections.nCopies(times, name));
	}

	/**
	 * A row of the export: the given cells, where a list fills the repeated columns of
	 * its name from the first, leaving the rest empty as Jira does.
	 */
	private static String[] row(List<String> header, Object... cells) {
		String[] row = new String[header.size()];
		Arrays.fill(row, "");
		int column = 0;
		for (Object cell : cells) {
			if (cell instanceof List<?> values) {
				String name = header.get(column);
				int start = column;
				while (column < header.size() && header.get(column).equals(name)) {
					column++;
				}
				for (int i = 0; i < values.size(); i++) {
					row[start + i] = (String) values.get(i);
				}
			}
			else {
				row[column++] = (String) cell;
			}
		}
		return row;
	}

}
