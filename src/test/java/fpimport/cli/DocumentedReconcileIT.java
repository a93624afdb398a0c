package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import fpimport.emulator.Unknowns;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume against an emulator as strict as the documents: {@code created_by} is refused
 * (20068), so a row whose create went through but whose process was killed before it
 * learnt the id is found by {@code name =} and {@code created_at >=}; and a space that
 * refuses the reconcile search stops the resume with exit 4 and sends nothing again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DocumentedReconcileIT {

	/** The demo mapping without key_field: the search goes by name and creation time. */
	private static final String MAPPING = ImportCommandIT.MAPPING.replace("key_field: field_c3d4e5\n", "");

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void createdByIsRefusedAndAResumeAfterAKillFindsTheItemByNameAndCreationTime() throws Exception {
		assertThat(MAPPING).doesNotContain("key_field");
		long runId = killedBetweenCreateAndOutcome();
		int createsBefore = this.cli.emulator().space().createCalls();

		CliRun resumed = cli("resume", Long.toString(runId), "--search-lag", "200ms");

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		List<String> names = this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
		assertThat(names).containsExactlyInAnyOrder("已建未知 1", "已建未知 2", "已建未知 3");
		// rows 2 and 3 only: the first was found, not sent again
		assertThat(this.cli.emulator().space().createCalls() - createsBefore).isEqualTo(2);
		// the old search by created_by would have been refused
		assertThat(this.cli.emulator().space().answers(20068)).isZero();
		assertThat(storedRows(runId)).extracting(RowRecord::status).containsOnly(RowStatus.CREATED);
	}

	@Test
	void aResumeBeforeTheServiceIndexedTheItemWaitsForTheSearchLagAndCreatesNothingTwice() throws Exception {
		long runId = killedBetweenCreateAndOutcome();
		int createsBefore = this.cli.emulator().space().createCalls();
		// the item becomes searchable 8 s from now: the resume's first search misses it
		StoredItem item = this.cli.emulator().space().items().get(0);
		long age = System.currentTimeMillis() - item.createdAt();
		this.cli.emulator().unknowns().searchLag(Duration.ofMillis(age + 8000));

		long started = System.nanoTime();
		CliRun resumed = cli("resume", Long.toString(runId), "--search-lag", "10s");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		// it waited: only a row not found on the first search makes it wait
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(this.cli.emulator().space().items()).extracting(StoredItem::name)
			.containsExactlyInAnyOrder("已建未知 1", "已建未知 2", "已建未知 3");
		assertThat(this.cli.emulator().space().createCalls() - createsBefore).isEqualTo(2);
		assertThat(storedRows(runId)).filteredOn((row) -> row.rowNumber() == 2)
			.extracting(RowRecord::workItemId)
			.containsExactly(item.id());
	}

	@Test
	void aSpaceThatRefusesTheReconcileSearchStopsTheResumeAndSendsNothingAgain() throws Exception {
		long runId = killedBetweenCreateAndOutcome();
		int createsBefore = this.cli.emulator().space().createCalls();
		int itemsBefore = this.cli.emulator().space().itemCount();
		this.cli.emulator().unknowns().refuseSearchParams(Set.of("name"));

		CliRun refused = cli("resume", Long.toString(runId));

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		List<String> errors = refused.err().lines().filter((line) -> line.startsWith("error: ")).toList();
		assertThat(errors).as(refused.err()).hasSize(1);
		assertThat(errors.get(0))
			.contains("the reconcile search (search/params on story: name = \"已建未知 1\" AND created_at >= ")
			.contains("err_code 20068");
		assertThat(refused.err()).contains("hint: no row was sent again")
			.contains("fpimport doctor")
			.contains("fpimport resume " + runId)
			.doesNotContain("\tat ");
		assertThat(this.cli.emulator().space().createCalls()).isEqualTo(createsBefore);
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(itemsBefore);
		assertThat(storedRows(runId)).filteredOn((row) -> row.rowNumber() == 2)
			.extracting(RowRecord::status)
			.containsExactly(RowStatus.IN_FLIGHT);

		// once the space accepts the search, a later resume settles the row
		this.cli.emulator().unknowns().reset();
		CliRun resumed = cli("resume", Long.toString(runId), "--search-lag", "0");
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(this.cli.emulator().space().items().stream().map(StoredItem::name).toList())
			.containsExactlyInAnyOrder("已建未知 1", "已建未知 2", "已建未知 3");
	}

	/**
	 * Imports three rows in a process of its own; the first create is stored but its
	 * answer lost, the service answers its retry with 10430, and the process is killed
	 * before it learns anything more: the row is in flight and its item exists.
	 */
	private long killedBetweenCreateAndOutcome() throws Exception {
		Path file = this.cli.write("unknown.csv", ImportCommandIT.HEADER //
				+ "S-1,已建未知 1,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-2,已建未知 2,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-3,已建未知 3,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		Path mapping = this.cli.write("unknown.yaml", MAPPING);
		this.cli.emulator().faults().droppedCreates(1.0);
		this.cli.emulator().unknowns().replay(Unknowns.Replay.CONFLICT);
		Thread stall = new Thread(() -> {
			while (this.cli.emulator().space().droppedAnswers() == 0) {
				Thread.onSpinWait();
			}
			// every later answer takes a minute: the process is killed meanwhile
			this.cli.emulator().faults().droppedCreates(0).latency(Duration.ofSeconds(60), Duration.ZERO);
		});
		stall.start();
		Path log = this.cli.path("killed.log");
		Process process = this.cli.start(log, "import", file.toString(), "--mapping", mapping.toString(),
				"--concurrency", "1", "--chunk-size", "1");
		stall.join(TimeUnit.SECONDS.toMillis(90));
		Thread.sleep(300);
		boolean alive = process.isAlive();
		process.destroyForcibly();
		process.waitFor();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(alive).as(output).isTrue();
		this.cli.emulator().faults().reset();
		this.cli.emulator().unknowns().reset();
		assertThat(this.cli.emulator().space().items()).extracting(StoredItem::name).containsExactly("已建未知 1");
		Matcher matcher = Pattern.compile("run (\\d+) started: import of ").matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		long runId = Long.parseLong(matcher.group(1));
		assertThat(storedRows(runId)).filteredOn((row) -> row.rowNumber() == 2)
			.extracting(RowRecord::status)
			.containsExactly(RowStatus.IN_FLIGHT);
		return runId;
	}

	private CliRun cli(String... args) {
		return this.cli.runConnected(args);
	}

	private List<RowRecord> storedRows(long runId) {
		List<RowRecord> rows = new ArrayList<>();
		this.cli.results().forEachRow(runId, rows::add);
		return rows;
	}

}
