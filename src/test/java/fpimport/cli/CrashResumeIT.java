package fpimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real command line as a process of its own, killed with SIGKILL at random moments
 * while it creates items (the emulator answers after 300 ms and drops some answers after
 * storing the item), then resumed until done: every row ends CREATED exactly once, no row
 * is lost, and the run's counts match. A new process has a new token, and the emulator's
 * idempotency is per token: a create sent again after a kill would make a second item
 * unless resume finds the first one, which is what this proves.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CrashResumeIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private static final Pattern RECONCILED = Pattern
		.compile("(\\d+) rows had an unknown outcome: (\\d+) found in the ledger or the space, (\\d+) to send again");

	private static final Pattern FOUND_AFTER_LAG = Pattern.compile("(\\d+) found only on the second search");

	private List<String> searchLagOption = List.of();

	@Test
	void killedFiveTimesWithTheKeyInAFieldEveryRowIsCreatedOnce() throws Exception {
		Outcome outcome = crashAndResume(ImportCommandIT.MAPPING, 240, 5, 20261127L, Duration.ZERO);

		// the key field holds each row's key: the item of S-n is the row of S-n
		for (StoredItem item : this.cli.emulator().space().items()) {
			String number = item.name().substring(item.name().lastIndexOf(' ') + 1);
			assertThat(item.field("field_c3d4e5").orElseThrow().asString()).isEqualTo("S-" + number);
		}
		assertThat(outcome.kills()).hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void killedWithoutAKeyFieldItemsAreFoundByNameAndCreator() throws Exception {
		String mapping = ImportCommandIT.MAPPING.replace("key_field: field_c3d4e5\n", "");
		assertThat(mapping).doesNotContain("key_field");

		Outcome outcome = crashAndResume(mapping, 120, 3, 7L, Duration.ZERO);

		assertThat(outcome.kills()).hasSize(3).doesNotHaveDuplicates();
	}

	/**
	 * The service finds a new item by search only 3 s after its creation, and each
	 * process is killed right after creates: a resume that searched once would send again
	 * rows whose items exist; the search lag wait (the default 5 s) finds them.
	 */
	@Test
	void withA3SecondSearchLagAndTheKeyInAFieldEveryRowIsCreatedOnce() throws Exception {
		Outcome outcome = crashAndResume(ImportCommandIT.MAPPING, 120, 3, 11L, Duration.ofSeconds(3));

		assertThat(outcome.kills()).hasSize(3);
	}

	@Test
	void withA3SecondSearchLagByNameEveryRowIsCreatedOnce() throws Exception {
		String mapping = ImportCommandIT.MAPPING.replace("key_field: field_c3d4e5\n", "");
		assertThat(mapping).doesNotContain("key_field");

		Outcome outcome = crashAndResume(mapping, 120, 3, 13L, Duration.ofSeconds(3));

		assertThat(outcome.kills()).hasSize(3);
	}

	private Outcome crashAndResume(String mappingText, int rows, int kills, long seed, Duration searchLag)
			throws Exception {
		long started = System.nanoTime();
		Random random = new Random(seed);
		this.cli.emulator().faults().reseed(seed).latency(Duration.ofMillis(300), Duration.ZERO).droppedCreates(0.1);
		this.cli.emulator().unknowns().searchLag(searchLag);
		// where the service has no lag the wait is kept short; else the default applies
		this.searchLagOption = searchLag.isZero() ? List.of("--search-lag", "200ms") : List.of();
		Path file = this.cli.write("crash.csv", csv(rows));
		Path mapping = this.cli.write("crash.yaml", mappingText);
		List<Long> moments = new ArrayList<>();
		List<String> logs = new ArrayList<>();
		Long runId = null;
		int process = 0;
		while (moments.size() < kills) {
			process++;
			List<String> args = (runId == null) ? List.of("import", file.toString(), "--mapping", mapping.toString())
					: List.of("resume", Long.toString(runId));
			int createsBefore = this.cli.emulator().space().createCalls();
			Path log = this.cli.path("process-" + process + ".log");
			Process cli = start(args, log);
			// kill while it creates: a moment after its first create
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (cli.isAlive() && this.cli.emulator().space().createCalls() == createsBefore
					&& System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			long moment = 150 + random.nextInt(1350);
			cli.waitFor(moment, TimeUnit.MILLISECONDS);
			boolean killed = cli.isAlive();
			cli.destroyForcibly();
			cli.waitFor();
			logs.add(Files.readString(log, StandardCharsets.UTF_8));
			assertThat(killed)
				.as("process %d ended before its kill after %d ms: %s", process, moment, logs.get(logs.size() - 1))
				.isTrue();
			moments.add(moment);
			// the dead process's last requests still reach the space (300 ms latency)
			Thread.sleep(1000);
			if (runId == null) {
				runId = runIdOf(logs.get(0));
				// the killed run shows as running; looking leaves the database free for
				// the
				// next process
				CliRun runs = this.cli.run("runs", Long.toString(runId), "--db",
						"jdbc:h2:file:" + this.cli.path("fpimport"));
				assertThat(runs.out()).as(runs.toString()).contains("run " + runId + ": running");
			}
		}
		int beforeResume = this.cli.emulator().space().itemCount();
		assertThat(beforeResume).as("items before the last resume").isBetween(1, rows - 1);

		List<String> resume = new ArrayList<>(List.of("resume", Long.toString(runId), "--qps", "60", "--concurrency",
				"8", "--chunk-size", "20", "--summary-json", this.cli.path("summary.json").toString()));
		resume.addAll(this.searchLagOption);
		CliRun resumed = this.cli.runConnected(resume.toArray(String[]::new));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("summary.json").toFile());
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("rows_total").asInt()).isEqualTo(rows);
		assertThat(summary.get("created").asInt()).isEqualTo(rows);
		assertThat(summary.get("failed").asInt() + summary.get("invalid").asInt() + summary.get("skipped").asInt())
			.isZero();

		// exactly once in the space: one item per row, no name twice
		List<StoredItem> items = this.cli.emulator().space().items();
		assertThat(items).hasSize(rows);
		assertThat(items.stream().map(StoredItem::name).toList()).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, rows).mapToObj((i) -> "崩溃需求 " + i).toList());
		assertThat(this.cli.emulator().space().droppedAnswers()).as("dropped answers").isPositive();

		// and in the database: every row CREATED with the item of its own name
		Map<String, Long> itemIds = items.stream().collect(Collectors.toMap(StoredItem::name, StoredItem::id));
		List<RowRecord> stored = storedRows(runId);
		assertThat(stored).hasSize(rows).allMatch((row) -> row.status() == RowStatus.CREATED);
		for (RowRecord row : stored) {
			assertThat(row.workItemId()).as("row %d", row.rowNumber()).isEqualTo(itemIds.get(row.cells().get("标题")));
		}

		// the kills left rows with an unknown outcome, and resume settled them
		logs.add(resumed.err());
		int unknown = 0;
		int found = 0;
		int afterLag = 0;
		for (String log : logs) {
			Matcher matcher = RECONCILED.matcher(log);
			while (matcher.find()) {
				unknown += Integer.parseInt(matcher.group(1));
				found += Integer.parseInt(matcher.group(2));
			}
			Matcher late = FOUND_AFTER_LAG.matcher(log);
			while (late.find()) {
				afterLag += Integer.parseInt(late.group(1));
			}
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.printf(
				"crash test: %d rows, search lag %d ms, kills after %s ms, %d rows reconciled (%d found, %d only"
						+ " after the search lag), %d dropped answers, %d create calls, %d ms%n",
				rows, searchLag.toMillis(), moments, unknown, found, afterLag,
				this.cli.emulator().space().droppedAnswers(), this.cli.emulator().space().createCalls(), millis);
		return new Outcome(moments, unknown, found);
	}

	private record Outcome(List<Long> kills, int unknown, int found) {
	}

	/** The command line in a JVM of its own, killed by the test. */
	private Process start(List<String> args, Path log) throws IOException {
		List<String> all = new ArrayList<>(args);
		all.addAll(List.of("--qps", "60", "--concurrency", "8", "--chunk-size", "20"));
		all.addAll(this.searchLagOption);
		return this.cli.start(log, all.toArray(String[]::new));
	}

	/** The run the first process started, as it said on standard error. */
	private static long runIdOf(String log) {
		Matcher matcher = Pattern.compile("INFO .* run (\\d+) started: import of ").matcher(log);
		assertThat(matcher.find()).as(log).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private List<RowRecord> storedRows(long runId) {
		List<RowRecord> rows = new ArrayList<>();
		this.cli.results().forEachRow(runId, rows::add);
		return rows;
	}

	private static String csv(int rows) {
		StringBuilder csv = new StringBuilder(ImportCommandIT.HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("S-").append(i).append(",崩溃需求 ").append(i);
			csv.append(",,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		}
		return csv.toString();
	}

}
