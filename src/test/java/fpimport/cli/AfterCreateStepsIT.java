package fpimport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.EmulatedSpace;
import fpimport.emulator.StoredItem;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Jira-shaped export (statuses To Do, In Progress, Done, Won't Do; up to three comments
 * and two attachments a row) imported into the node-flow story type: every item ends in
 * its state, with every comment once, in order, under its author line, and every file
 * once.
 */
class AfterCreateStepsIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	static final String MAPPING = StoryFiles.JIRA_STORIES + """
			state:
			  column: Status
			  values: {To Do: 开始 Start, In Progress: 开发中 Development, Done: 已完成 Done, "Won't Do": abort}
			comments:
			  columns: [Comment]
			attachments:
			  column: Attachment
			  dir: files
			""";

	static final String HEADER = "Summary,Issue key,Status,Comment,Comment,Comment,Attachment,Attachment\n";

	/**
	 * Row n of a Jira export: status by n % 4, n % 4 comments (at most 3), n % 3 files,
	 * in repeated Comment and Attachment columns with Jira's dates.
	 */
	static String jiraCsv(int rows) {
		String[] statuses = { "To Do", "In Progress", "Done", "Won't Do" };
		StringBuilder csv = new StringBuilder(HEADER);
		for (int n = 1; n <= rows; n++) {
			List<String> cells = new ArrayList<>(List.of("Story " + n, "SHOP-" + n, statuses[n % 4]));
			for (int c = 1; c <= 3; c++) {
				cells.add((c <= n % 4) ? "\"1" + c + "/Mar/24 10:2" + c + " AM;Liu Yang;Comment " + c + " of SHOP-" + n
						+ "; with a semicolon\nand a second line\"" : "");
			}
			for (int f = 1; f <= 2; f++) {
				cells.add((f <= n % 3) ? "10/Mar/24 9:00 AM;wang.fang@example.com;shop-" + n + "-" + f
						+ ".txt;https://jira.example.com/secure/attachment/" + n + f : "");
			}
			csv.append(String.join(",", cells)).append('\n');
		}
		return csv.toString();
	}

	void writeFiles(int rows) {
		for (int n = 1; n <= rows; n++) {
			for (int f = 1; f <= n % 3; f++) {
				this.cli.write("files/shop-" + n + "-" + f + ".txt", "file " + f + " of SHOP-" + n);
			}
		}
	}

	@Test
	void everyItemEndsInItsStateWithItsCommentsAndFilesOnce() {
		int rows = 12;
		Path file = this.cli.write("jira.csv", jiraCsv(rows));
		Path mapping = this.cli.write("jira.yaml", MAPPING);
		writeFiles(rows);
		this.cli.emulator().faults().droppedSteps(0.2).reseed(5);
		CliRun run = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(this.cli.emulator().space().droppedAnswers()).as("answers dropped").isPositive();
		assertEveryRowDone(this.cli.emulator().space(), rows);
		// the report shows each step's outcome with its row (SHOP-1: one move, one
		// comment, one file)
		assertThat(this.cli.path("jira.report.csv")).content()
			.contains("steps: state complete started: done, state complete review: done, comment 1/1: done,"
					+ " file shop-1-1.txt: done");
	}

	static void assertEveryRowDone(EmulatedSpace space, int rows) {
		Map<String, StoredItem> byName = space.items()
			.stream()
			.collect(Collectors.toMap(StoredItem::name, (item) -> item));
		assertThat(byName).hasSize(rows);
		for (int n = 1; n <= rows; n++) {
			StoredItem item = byName.get("Story " + n);
			String expectedNode = switch (n % 4) {
				case 1 -> "develop";
				case 2 -> "done";
				default -> "started";
			};
			assertThat(space.currentStates(item.id())).as("SHOP-%d", n).containsExactly(expectedNode);
			assertThat(space.aborted(item.id())).as("SHOP-%d aborted", n).isEqualTo(n % 4 == 3);
			List<String> comments = new ArrayList<>();
			for (int c = 1; c <= n % 4; c++) {
				comments.add("2024-03-1" + c + " 10:2" + c + " · Liu Yang\nComment " + c + " of SHOP-" + n
						+ "; with a semicolon\nand a second line");
			}
			assertThat(space.comments(item.id())).as("SHOP-%d comments", n).containsExactlyElementsOf(comments);
			List<String> files = new ArrayList<>();
			for (int f = 1; f <= n % 3; f++) {
				files.add("shop-" + n + "-" + f + ".txt");
			}
			JsonNode stored = item.field("attachment").orElse(null);
			List<String> names = new ArrayList<>();
			if (stored != null) {
				stored.forEach((entry) -> names.add(entry.path("name").asString()));
			}
			assertThat(names).as("SHOP-%d files", n).containsExactlyElementsOf(files);
		}
	}

	@Test
	void aRefusedStepLeavesTheRowPartialAndRetryDoesOnlyTheMissingSteps() {
		int rows = 6;
		Path file = this.cli.write("jira.csv", jiraCsv(rows));
		Path mapping = this.cli.write("jira.yaml", MAPPING);
		writeFiles(rows);
		// the service takes no file over 5 bytes: every upload is refused (20024)
		this.cli.emulator().space().maxUploadBytes(5);
		CliRun first = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString());
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("run (\\d+) ").matcher(first.out() + first.err());
		assertThat(id.find()).as(first.toString()).isTrue();
		long runId = Long.parseLong(id.group(1));
		List<RowRecord> stored = new ArrayList<>();
		this.cli.results().forEachRow(runId, stored::add);
		// SHOP-1, 2, 4 and 5 name files, 3 and 6 do not; row numbers are lines, and
		// comment cells span two
		assertThat(stored).filteredOn((row) -> row.status() == RowStatus.PARTIAL)
			.extracting(RowRecord::rowNumber)
			.containsExactly(2L, 4L, 11L, 12L);
		assertThat(stored).filteredOn((row) -> row.status() == RowStatus.CREATED).hasSize(2);
		RowRecord partial = stored.stream().filter((row) -> row.rowNumber() == 4).findFirst().orElseThrow();
		assertThat(partial.errCode()).isEqualTo(20024);
		assertThat(partial.errMsg()).startsWith("step 7 (file shop-2-1.txt) refused: ");
		int commentsBefore = this.cli.emulator()
			.space()
			.items()
			.stream()
			.mapToInt((item) -> this.cli.emulator().space().comments(item.id()).size())
			.sum();
		int creates = this.cli.emulator().space().createCalls();

		this.cli.emulator().space().maxUploadBytes(100 * 1024 * 1024);
		CliRun retry = this.cli.runConnected("retry", Long.toString(runId));

		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(this.cli.emulator().space().createCalls()).as("no create again").isEqualTo(creates);
		assertEveryRowDone(this.cli.emulator().space(), rows);
		assertThat(this.cli.emulator()
			.space()
			.items()
			.stream()
			.mapToInt((item) -> this.cli.emulator().space().comments(item.id()).size())
			.sum()).as("no comment again").isEqualTo(commentsBefore);
	}

	@Test
	void validateFindsAnUnreachableStateAMissingTransitionFieldAndAMissingFile() {
		Path file = this.cli.write("bugs.csv", String.join("\n", "Summary,Status,Attachment",
				"Archived bug,已归档 Archived,", "Resolved bug,已解决 Resolved,", "Missing file,待处理 Open,nowhere.png", ""));
		Path mapping = this.cli.write("bugs.yaml", """
				project: demo
				type: issue
				name: Summary
				fields:
				  priority: {value: 一般 Major}
				  field_b4c5d6: {value: 2024-03-12}
				roles:
				  operator: {value: liu.yang@example.com}
				state: {column: Status}
				attachments: {column: Attachment, field: field_f1a2b3}
				""");
		CliRun run = this.cli.runConnected("validate", file.toString(), "--mapping", mapping.toString());
		assertThat(run.toString()).contains("cannot be reached from '待处理 Open'")
			.contains("needs field bug_classification, which state.fields does not give")
			.contains("file not found");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

}
