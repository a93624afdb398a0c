package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fpimport.TestEmulator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import whose every row the ledger knows, as a process of its own killed with SIGKILL
 * half-way through its rows, then resumed: the resumed run's report is whole, every row
 * SKIPPED in row order with its cells (read from the file again for the rows before the
 * kill, which are kept by number and item alone) and the item the ledger names, and the
 * counts add up to the file's rows.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SkippedResumeIT {

	private static final int ROWS = 30_000;

	/**
	 * The ledger's made-up items of rows 2 to {@link #ROWS}: this plus the row's number.
	 */
	private static final long ITEMS = 9_000_000_000L;

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void killedHalfWayTheResumedRunReportsEveryRowSkippedWithItsCellsAndItem() throws Exception {
		String rows = IntStream.rangeClosed(1, ROWS)
			.mapToObj((i) -> "S-" + i + ",需求 " + i + ",描述 " + i + ",高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n")
			.collect(Collectors.joining());
		StoryFiles stories = StoryFiles.write(this.cli, "big", rows);
		long seedItem = fillTheLedger(stories);

		Path log = this.cli.path("import.log");
		Process process = this.cli.start(log, stories.command("import", "--chunk-size", "1"));
		// the progress line comes ten seconds into the rows
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (process.isAlive() && !Files.readString(log, StandardCharsets.UTF_8).contains("progress: ")
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		boolean killed = process.isAlive();
		process.destroyForcibly();
		process.waitFor();
		String printed = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(killed).as(printed).isTrue();
		assertThat(printed).contains("progress: ");
		long runId = runIdOf(printed);
		CliRun runs = this.cli.run("runs", Long.toString(runId), "--json", "--db", this.cli.database());
		JsonNode before = JsonMapper.builder().build().readTree(runs.out());
		assertThat(before.get("status").asString()).as(runs.toString()).isEqualTo("RUNNING");
		assertThat(before.get("skipped").asInt()).as("rows skipped before the kill").isBetween(1, ROWS - 1);

		CliRun resumed = this.cli.runConnected("resume", Long.toString(runId), "--report-format", "csv",
				"--summary-json", this.cli.path("summary.json").toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("summary.json").toFile());
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("rows_total").asInt()).isEqualTo(ROWS);
		assertThat(summary.get("skipped").asInt()).isEqualTo(ROWS);
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(1);
		List<String> report = Files.readAllLines(this.cli.path("big.report.csv"), StandardCharsets.UTF_8);
		assertThat(report).hasSize(ROWS + 1);
		for (int i = 1; i <= ROWS; i++) {
			long item = (i == 1) ? seedItem : ITEMS + i;
			assertThat(report.get(i)).as("report line %d", i)
				.startsWith("S-" + i + ",需求 " + i + ",描述 " + i + ",高,")
				.contains("," + (i + 1) + ",SKIPPED," + item + ",")
				.contains("/detail/" + item + ",");
		}
	}

	/**
	 * Imports the first row alone (its item made by the space), then writes ledger
	 * entries for the other rows' keys, of made-up items: a row the ledger knows needs no
	 * call. Returns the first row's item.
	 */
	private long fillTheLedger(StoryFiles stories) throws SQLException, java.io.IOException {
		Path seed = this.cli.write("seed.csv",
				ImportCommandIT.HEADER + Files.readAllLines(stories.file(), StandardCharsets.UTF_8).get(1) + "\n");
		CliRun first = this.cli.runConnected("import", seed.toString(), "--mapping", stories.mapping().toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(this.cli.database());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			long item;
			try (ResultSet entry = statement.executeQuery("SELECT ROW_KEY, WORK_ITEM_ID FROM FPI_LEDGER")) {
				assertThat(entry.next()).isTrue();
				assertThat(entry.getString(1)).isEqualTo("S-1");
				item = entry.getLong(2);
			}
			statement.executeUpdate("INSERT INTO FPI_LEDGER (PROJECT_KEY, TYPE_KEY, ROW_KEY, WORK_ITEM_ID, RUN_ID, "
					+ "CREATED_AT) SELECT L.PROJECT_KEY, L.TYPE_KEY, 'S-' || X, " + ITEMS + " + X, L.RUN_ID, "
					+ "L.CREATED_AT FROM FPI_LEDGER L, SYSTEM_RANGE(2, " + ROWS + ")");
			return item;
		}
	}

	private static long runIdOf(String log) {
		Matcher matcher = Pattern.compile("INFO .* run (\\d+) started: import of ").matcher(log);
		assertThat(matcher.find()).as(log).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
