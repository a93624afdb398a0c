package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fpimport.TestEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file imported a second time: its rows that the ledger knows are SKIPPED, kept by row
 * number and item alone (their cells are in the file), yet the run's report has each with
 * its cells, item id and link as the first run's report had them, the counts add them up,
 * {@code retry} leaves them alone, and {@code report RUN} writes them again from the
 * file, or, when the file changed, says so and still lists them with their item.
 */
class SkippedImportIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private StoryFiles stories;

	private List<String> firstReport;

	private List<String> secondReport;

	private CliRun second;

	@BeforeEach
	void importTwice() throws Exception {
		this.stories = StoryFiles.write(this.cli, "stories", //
				"S-1,登录页改版,新的登录页,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,未知优先级,,P5,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-3,支付超时,,紧急,优化 Improvement,交易 Trade/下单 Ordering,,2026-12-15,,\n", //
				"S-4,数据看板,\"看板, 图表\",中,技术债 Tech debt,交易 Trade/下单 Ordering/购物车 Cart,,,,\n");
		CliRun first = this.cli.runConnected(this.stories.command("import", "--report-format", "csv", "--report-dir",
				this.cli.path("first").toString()));
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		assertThat(first.out()).contains("created 3, updated 0, skipped 0, invalid 1, failed 0");
		this.firstReport = Files.readAllLines(this.cli.path("first/stories.report.csv"), StandardCharsets.UTF_8);

		this.second = this.cli.runConnected(this.stories.command("import", "--report-format", "csv", "--report-dir",
				this.cli.path("second").toString(), "--summary-json", this.cli.path("second.json").toString()));
		assertThat(this.second.exitCode()).as(this.second.toString()).isEqualTo(1);
		this.secondReport = Files.readAllLines(this.cli.path("second/stories.report.csv"), StandardCharsets.UTF_8);
	}

	@Test
	void theSecondRunSkipsTheRowsAndItsReportHasTheirCellsItemsAndLinks() throws Exception {
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);
		assertThat(this.second.out()).contains("created 0, updated 0, skipped 3, invalid 1, failed 0");
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("second.json").toFile());
		assertThat(summary.get("rows_total").asInt()).isEqualTo(4);
		assertThat(summary.get("skipped").asInt()).isEqualTo(3);
		assertThat(summary.get("invalid").asInt()).isEqualTo(1);

		assertThat(this.secondReport).hasSize(5);
		assertThat(this.secondReport.get(0)).isEqualTo(this.firstReport.get(0));
		for (int line : List.of(1, 3, 4)) {
			// the same cells, row, item and link as the row that created the item
			List<String> created = cells(this.firstReport.get(line));
			List<String> skipped = cells(this.secondReport.get(line));
			assertThat(created.get(11)).isEqualTo("CREATED");
			assertThat(skipped.get(11)).isEqualTo("SKIPPED");
			assertThat(skipped.subList(0, 11)).isEqualTo(created.subList(0, 11));
			long itemId = Long.parseLong(skipped.get(12));
			assertThat(skipped.get(12)).isEqualTo(created.get(12));
			assertThat(skipped.get(13)).isEqualTo(created.get(13)).endsWith("/detail/" + itemId);
			assertThat(this.cli.emulator().space().item(itemId)).isPresent();
		}
		assertThat(this.secondReport.get(4)).startsWith("S-4,数据看板,\"看板, 图表\",");
		assertThat(this.secondReport.get(2)).isEqualTo(this.firstReport.get(2)).contains(",3,INVALID,");
		assertThat(this.cli.path("second/stories.failed.xlsx")).exists();
	}

	@Test
	void runsCountsTheSkippedRowsAndRetryTakesTheInvalidRowAlone() throws Exception {
		CliRun runs = this.cli.run("runs", "2", "--json", "--db", this.cli.database());
		assertThat(runs.exitCode()).as(runs.toString()).isZero();
		JsonNode run = JsonMapper.builder().build().readTree(runs.out());
		assertThat(run.get("rows_total").asInt()).isEqualTo(4);
		assertThat(run.get("skipped").asInt()).isEqualTo(3);
		assertThat(run.get("invalid").asInt()).isEqualTo(1);

		CliRun retry = this.cli.runConnected("retry", "2", "--report-format", "csv", "--summary-json",
				this.cli.path("retry.json").toString());

		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(1);
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("retry.json").toFile());
		assertThat(summary.get("rows_total").asInt()).isEqualTo(1);
		assertThat(summary.get("invalid").asInt()).isEqualTo(1);
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);
		// the run's own rows are unchanged by its retry, and the latest outcomes count
		// the skipped rows
		CliRun after = this.cli.run("runs", "2", "--json", "--db", this.cli.database());
		JsonNode latest = JsonMapper.builder().build().readTree(after.out()).get("latest");
		assertThat(latest.get("SKIPPED").asInt()).isEqualTo(3);
		assertThat(latest.get("INVALID").asInt()).isEqualTo(1);
	}

	@Test
	void theReportWrittenAgainIsTheSameWhileTheFileIs() throws Exception {
		CliRun report = this.cli.run("report", "2", "--report-dir", this.cli.path("again").toString(),
				"--report-format", "csv", "--base-url", this.cli.emulator().baseUrl(), "--db", this.cli.database());

		assertThat(report.exitCode()).as(report.toString()).isZero();
		assertThat(Files.readAllLines(this.cli.path("again/stories.report.csv"), StandardCharsets.UTF_8))
			.isEqualTo(this.secondReport);
	}

	@Test
	void theReportWrittenAgainAfterTheFileChangedSaysSoAndKeepsTheItems() throws Exception {
		Path file = this.stories.file();
		Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("新的登录页", "改过的登录页"),
				StandardCharsets.UTF_8);

		CliRun report = this.cli.run("report", "2", "--report-dir", this.cli.path("again").toString(),
				"--report-format", "csv", "--base-url", this.cli.emulator().baseUrl(), "--db", this.cli.database());

		assertThat(report.exitCode()).as(report.toString()).isZero();
		List<String> lines = Files.readAllLines(this.cli.path("again/stories.report.csv"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(5);
		for (int line : List.of(1, 3, 4)) {
			List<String> skipped = cells(lines.get(line));
			List<String> before = cells(this.secondReport.get(line));
			assertThat(skipped.subList(0, 10)).as("line %d", line).allMatch(String::isEmpty);
			assertThat(skipped.subList(10, 14)).isEqualTo(before.subList(10, 14));
			assertThat(skipped.get(15)).contains(file + " changed since the run");
		}
		// the invalid row is stored whole: its cells as the run read them
		assertThat(lines.get(2)).isEqualTo(this.secondReport.get(2));
	}

	/** The cells of a line of the CSV report (quoted cells with commas kept whole). */
	private static List<String> cells(String line) {
		List<String> cells = new java.util.ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
