package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import fpimport.result.ResultStore;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rollback RUN}: deletes what the run and its retries created and nothing else,
 * keeps items changed by hand unless forced, counts items gone already as rolled back,
 * and forgets the rows so that the file imports again.
 */
class RollbackCommandIT {

	private static final Pattern RUN_ID = Pattern.compile("run (\\d+) ");

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void itemsChangedByHandAreKeptUntilForcedAndTheFileImportsAgain() throws Exception {
		Path file = this.cli.write("two-hundred.csv", csv(200));
		Path mapping = this.cli.write("two-hundred.yaml", ImportCommandIT.MAPPING);
		CliRun imported = cli("import", file.toString(), "--mapping", mapping.toString(), "--qps", "90");
		assertThat(imported.exitCode()).as(imported.toString()).isZero();
		assertThat(imported.out()).contains("created 200, updated 0");
		long runId = runId(imported);
		List<StoredItem> items = this.cli.emulator().space().items();
		assertThat(items).hasSize(200);
		Set<Long> changed = Set.of(items.get(7).id(), items.get(99).id(), items.get(180).id());
		for (long id : changed) {
			this.cli.emulator().space().changeByHand(id, "ou_someone_else", null);
		}

		CliRun dryRun = cli("rollback", Long.toString(runId), "--dry-run", "--qps", "90");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("200 items to roll back: delete 197, keep 3")
			.contains("dry run: nothing deleted");
		for (StoredItem item : items) {
			String number = item.name().substring(item.name().lastIndexOf(' ') + 1);
			assertThat(dryRun.out()).as("item of row %s", number)
				.containsPattern("(delete|keep  ) item " + item.id() + " \\(run " + runId + ", row \\d+, key S-"
						+ number + "\\)");
		}
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(200);

		CliRun unconfirmed = cli("rollback", Long.toString(runId));
		assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(2);
		assertThat(unconfirmed.err()).contains("confirm with --yes").contains("hint: ");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(200);

		CliRun rolledBack = cli("rollback", Long.toString(runId), "--yes", "--qps", "90");
		assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isEqualTo(1);
		assertThat(rolledBack.out()).contains("run " + runId + " rolled back: 197 deleted, 0 gone already, 3 kept")
			.contains("kept 3 items:");
		for (long id : changed) {
			assertThat(rolledBack.out()).containsPattern("item " + id + " \\(run " + runId
					+ ", row \\d+, key S-\\d+\\): changed after the import: updated_at ");
		}
		assertThat(this.cli.emulator().space().items().stream().map(StoredItem::id).collect(Collectors.toSet()))
			.isEqualTo(changed);
		JsonNode details = runsJson(runId);
		assertThat(details.get("rolled_back").asInt()).isEqualTo(197);
		assertThat(details.get("kept").asInt()).isEqualTo(3);
		assertThat(details.get("created").asInt()).isZero();
		assertThat(runs(Long.toString(runId)).out()).contains("rollback: rolled back 197, kept 3, delete in flight 0");
		// the report of the run shows each row's new outcome
		String report = Files.readString(this.cli.path("report-dir").resolve("two-hundred.report.csv"),
				StandardCharsets.UTF_8);
		assertThat(report.lines().filter((line) -> line.contains(",ROLLED_BACK,")).count()).isEqualTo(197);
		assertThat(report.lines().filter((line) -> line.contains(",KEPT,")).count()).isEqualTo(3);

		CliRun forced = cli("rollback", Long.toString(runId), "--force", "--yes");
		assertThat(forced.exitCode()).as(forced.toString()).isZero();
		assertThat(forced.out()).contains("run " + runId + " rolled back: 3 deleted, 0 gone already, 0 kept");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
		assertThat(this.cli.emulator().space().deletions()).isEqualTo(200);
		assertThat(runsJson(runId).get("rolled_back").asInt()).isEqualTo(200);

		CliRun nothingLeft = cli("rollback", Long.toString(runId), "--yes");
		assertThat(nothingLeft.exitCode()).as(nothingLeft.toString()).isZero();
		assertThat(nothingLeft.out()).contains("nothing to roll back");
		assertThat(this.cli.emulator().space().deletions()).isEqualTo(200);

		CliRun again = cli("import", file.toString(), "--mapping", mapping.toString(), "--qps", "90");
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("created 200, updated 0, skipped 0");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(200);
	}

	@Test
	void onATerminalItAsksFirstAndDeletesOnlyOnYes() throws Exception {
		Path file = this.cli.write("ask.csv", csv(5));
		Path mapping = this.cli.write("ask.yaml", ImportCommandIT.MAPPING);
		long runId = runId(cli("import", file.toString(), "--mapping", mapping.toString()));
		List<String> questions = new ArrayList<>();

		CliRun declined = onTerminal("n", questions, "rollback", Long.toString(runId));
		assertThat(declined.exitCode()).as(declined.toString()).isZero();
		assertThat(declined.out()).contains("5 items to roll back: delete 5").contains("nothing deleted");
		assertThat(questions).containsExactly("delete 5 work items of run " + runId + "? [y/N] ");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(5);

		CliRun confirmed = onTerminal("y", questions, "rollback", Long.toString(runId));
		assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
		assertThat(confirmed.out()).contains("5 deleted");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	@Test
	void theRunRecordsWhenTheServiceAnsweredItsLastWriteToEachItem() throws Exception {
		Path file = this.cli.write("times.csv", csv(3));
		Path mapping = this.cli.write("times.yaml", ImportCommandIT.MAPPING);
		Instant before = Instant.now();
		long created = runId(cli("import", file.toString(), "--mapping", mapping.toString()));
		Instant between = Instant.now();
		long updated = runId(
				cli("import", file.toString(), "--mapping", mapping.toString(), "--on-existing", "update"));
		Instant after = Instant.now();

		ResultStore store = new ResultStore(new DriverManagerDataSource(this.cli.database()));
		List<RowRecord> createdRows = store.rowsWithStatus(created, Set.of(RowStatus.CREATED));
		List<RowRecord> updatedRows = store.rowsWithStatus(updated, Set.of(RowStatus.UPDATED));
		assertThat(createdRows).hasSize(3)
			.allSatisfy((row) -> assertThat(row.lastWriteAt()).isBetween(before, between));
		assertThat(updatedRows).hasSize(3).allSatisfy((row) -> assertThat(row.lastWriteAt()).isBetween(between, after));
		// no later than the service's own time of the write, on one machine's clock
		for (RowRecord row : createdRows) {
			StoredItem item = this.cli.emulator().space().item(row.workItemId()).orElseThrow();
			assertThat(row.lastWriteAt().toEpochMilli()).isGreaterThanOrEqualTo(item.createdAt());
		}
	}

	@Test
	void itemsOfTheRunsRetriesGoToo() throws Exception {
		Path file = this.cli.write("opts.csv", ImportCommandIT.HEADER //
				+ "S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-2,新类型需求,,高,调研 Research,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-3,另一需求,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		Path mapping = this.cli.write("opts.yaml", ImportCommandIT.MAPPING);
		CliRun first = cli("import", file.toString(), "--mapping", mapping.toString());
		assertThat(first.out()).as(first.toString()).contains("created 2, updated 0, skipped 0, invalid 1");
		long runId = runId(first);
		this.cli.emulator().space().addOption("story", "field_5c1d2e", "option_5", "调研 Research");
		CliRun retry = cli("retry", Long.toString(runId));
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		// an item of another run, which the rollback must leave alone
		Path other = this.cli.write("other.csv", ImportCommandIT.HEADER //
				+ "S-9,别的需求,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		assertThat(cli("import", other.toString(), "--mapping", mapping.toString()).exitCode()).isZero();
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(4);

		CliRun rolledBack = cli("rollback", Long.toString(runId), "--yes");

		assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
		assertThat(rolledBack.out()).contains("run " + runId + " and its 1 retries: 3 items to roll back")
			.contains("3 deleted, 0 gone already, 0 kept");
		assertThat(this.cli.emulator().space().items()).extracting(StoredItem::name).containsExactly("别的需求");
	}

	@Test
	void itemsGoneAlreadyCountAsRolledBackWithoutADelete() throws Exception {
		Path file = this.cli.write("gone.csv", csv(5));
		Path mapping = this.cli.write("gone.yaml", ImportCommandIT.MAPPING);
		long runId = runId(cli("import", file.toString(), "--mapping", mapping.toString()));
		this.cli.emulator().space().clearItems();

		CliRun rolledBack = cli("rollback", Long.toString(runId), "--yes");

		assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
		assertThat(rolledBack.out()).contains("rolled back: 0 deleted, 5 gone already, 0 kept");
		assertThat(this.cli.emulator().space().deletions()).isZero();
		assertThat(runsJson(runId).get("rolled_back").asInt()).isEqualTo(5);
	}

	@Test
	void itemsARunOnlyUpdatedAreNotItsToDelete() throws Exception {
		Path file = this.cli.write("upd.csv", csv(3));
		Path mapping = this.cli.write("upd.yaml", ImportCommandIT.MAPPING);
		long created = runId(cli("import", file.toString(), "--mapping", mapping.toString()));
		CliRun update = cli("import", file.toString(), "--mapping", mapping.toString(), "--on-existing", "update");
		assertThat(update.out()).as(update.toString()).contains("created 0, updated 3");
		long updated = runId(update);

		CliRun ofTheUpdate = cli("rollback", Long.toString(updated), "--yes");
		assertThat(ofTheUpdate.exitCode()).as(ofTheUpdate.toString()).isZero();
		assertThat(ofTheUpdate.out()).contains("nothing to roll back");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);

		// the later run's update is a change after the first run's last write
		CliRun ofTheCreate = cli("rollback", Long.toString(created), "--yes");
		assertThat(ofTheCreate.exitCode()).as(ofTheCreate.toString()).isEqualTo(1);
		assertThat(ofTheCreate.out()).contains("0 deleted, 0 gone already, 3 kept");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);
	}

	@Test
	void aRefusedRollbackDeletesNothingAndIsFinishedByRunningItAgain() throws Exception {
		Path file = this.cli.write("perm.csv", csv(4));
		Path mapping = this.cli.write("perm.yaml", ImportCommandIT.MAPPING);
		long runId = runId(cli("import", file.toString(), "--mapping", mapping.toString()));
		this.cli.emulator().space().revokePermission();

		CliRun refused = cli("rollback", Long.toString(runId), "--yes");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		assertThat(refused.err()).contains("10001");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(4);

		this.cli.emulator().space().grantPermission();
		CliRun rolledBack = cli("rollback", Long.toString(runId), "--yes");
		assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	@Test
	void aDryRunOrAnUnknownRunIsRefused() throws Exception {
		Path file = this.cli.write("dry.csv", csv(2));
		Path mapping = this.cli.write("dry.yaml", ImportCommandIT.MAPPING);
		long dryRun = runId(cli("import", file.toString(), "--mapping", mapping.toString(), "--dry-run"));

		CliRun ofADryRun = cli("rollback", Long.toString(dryRun), "--yes");
		assertThat(ofADryRun.exitCode()).as(ofADryRun.toString()).isEqualTo(3);
		assertThat(ofADryRun.err()).contains("run " + dryRun + " was a dry run");

		CliRun unknown = cli("rollback", "999", "--yes");
		assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
		assertThat(unknown.err()).contains("there is no run 999");
	}

	private CliRun cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (args[0].equals("import") || args[0].equals("retry")) {
			all.addAll(List.of("--report-dir", this.cli.path("report-dir").toString(), "--report-format", "csv"));
		}
		return this.cli.runConnected(all.toArray(String[]::new));
	}

	/** The command line in-process with a terminal that gives this reply. */
	private CliRun onTerminal(String reply, List<String> questions, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = FpImport.commandLine(Map.of(), this.cli.directory(), new PrintWriter(out, true),
				new PrintWriter(err, true));
		RollbackCommand command = commandLine.getSubcommands().get("rollback").getCommand();
		command.terminal = (question) -> {
			questions.add(question);
			return reply;
		};
		int code = commandLine.execute(this.cli.connected(args));
		return new CliRun(code, out.toString(), err.toString());
	}

	private CliRun runs(String... args) {
		List<String> all = new ArrayList<>(List.of("runs"));
		all.addAll(List.of(args));
		all.addAll(List.of("--db", this.cli.database()));
		CliRun run = this.cli.run(all.toArray(String[]::new));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		return run;
	}

	private JsonNode runsJson(long runId) {
		return JsonMapper.builder().build().readTree(runs(Long.toString(runId), "--json").out());
	}

	private static long runId(CliRun run) {
		Matcher matcher = RUN_ID.matcher(run.out());
		assertThat(matcher.find()).as(run.toString()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	static String csv(int rows) {
		StringBuilder csv = new StringBuilder(ImportCommandIT.HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("S-").append(i).append(",撤销需求 ").append(i);
			csv.append(",,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		}
		return csv.toString();
	}

}
