package fpimport.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fpimport.api.ApiSettings;
import fpimport.api.Secret;
import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import fpimport.job.JobSettings;
import fpimport.job.OnExisting;
import fpimport.job.WatchedImports;
import fpimport.result.FileClaims;
import fpimport.watch.Schedule;
import fpimport.watch.WatchLog;
import fpimport.watch.Watcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fpimport watch} end to end: an inbox directory, the job repository (an H2 file
 * here, PostgreSQL in {@link WatchCommandPostgresIT}) and the emulator over HTTP.
 */
class WatchCommandIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(200));

	Path inbox;

	@BeforeEach
	void start() throws IOException {
		this.inbox = Files.createDirectories(this.cli.path("inbox"));
		this.cli.write("m.yaml", ImportCommandIT.MAPPING);
	}

	@Test
	void cumulativeExportsDroppedOneAfterAnotherCreateEachRowOnce() throws Exception {
		drop("export.csv", rows(1, 3));
		CliRun first = watchOnce();
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("export.csv: imported, run").contains("created 3, updated 0, skipped 0");

		drop("export.csv", rows(1, 5));
		CliRun second = watchOnce();
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("created 2, updated 0, skipped 3");

		drop("export.csv", rows(1, 8));
		CliRun third = watchOnce("--log-format", "json");
		assertThat(third.exitCode()).as(third.toString()).isZero();
		JsonNode line = fileLine(third.out(), "export.csv");
		assertThat(line.get("outcome").asString()).isEqualTo("imported");
		assertThat(line.get("created").asLong()).isEqualTo(3);
		assertThat(line.get("skipped").asLong()).isEqualTo(5);
		assertThat(line.get("status").asString()).isEqualTo("COMPLETED");
		// the report moved with its file, under the same (time-stamped) name
		assertThat(line.get("report").asString())
			.isEqualTo(line.get("moved_to").asString().replaceAll("\\.csv$", ".report.xlsx"));
		assertThat(Path.of(line.get("report").asString())).exists();

		assertThat(names()).hasSize(8).doesNotHaveDuplicates();
		assertThat(this.inbox.resolve("done/export.csv")).exists();
		assertThat(this.inbox.resolve("done/export.report.xlsx")).exists();
		assertThat(list(this.inbox.resolve("done"))).hasSize(6); // three files, three
																	// reports
		assertThat(list(this.inbox)).containsExactly("done");
		assertThat(count("SELECT COUNT(*) FROM FPI_RUN")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(3);
		// the run points at the file where it went
		assertThat(new JdbcTemplate(dataSource()).queryForObject(
				"SELECT REPORT_PATH FROM FPI_RUN WHERE RUN_ID = (SELECT MAX(RUN_ID) FROM FPI_RUN)", String.class))
			.startsWith(this.inbox.resolve("done").toString())
			.endsWith(".report.xlsx");

		// the same content again: not imported, moved to done/ beside the first
		drop("again.csv", rows(1, 8));
		CliRun again = watchOnce();
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("again.csv: already imported, run");
		assertThat(this.inbox.resolve("done/again.csv")).exists();
		assertThat(count("SELECT COUNT(*) FROM FPI_RUN")).isEqualTo(3);
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(8);
	}

	@Test
	void failedRowsAndUnreadableFilesGoToFailedWithTheirReasons() throws Exception {
		drop("bad-rows.csv", rows(1, 2) + "S-3,坏行,,P9,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		drop("not-ours.csv", "a,b\n1,2\n");
		CliRun run = watchOnce();

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.out()).contains("bad-rows.csv: imported with failed rows").contains("invalid 1");
		assertThat(run.out()).contains("not-ours.csv: rejected");
		assertThat(this.inbox.resolve("failed/bad-rows.csv")).exists();
		assertThat(this.inbox.resolve("failed/bad-rows.report.xlsx")).exists();
		assertThat(this.inbox.resolve("failed/bad-rows.failed.xlsx")).exists();
		assertThat(this.inbox.resolve("failed/not-ours.csv")).exists();
		assertThat(this.inbox.resolve("failed/not-ours.csv.error.txt")).content().contains("标题");
		assertThat(names()).hasSize(2);
	}

	@Test
	void halfWrittenFileIsNotPickedUpEarly() throws Exception {
		Path file = this.inbox.resolve("slow.csv");
		Watcher watcher = watcher(Duration.ofMillis(100), Duration.ofMillis(1500));
		ExecutorService threads = Executors.newSingleThreadExecutor();
		Future<?> watching = threads.submit(watcher::run);
		try {
			// written in pieces for about three seconds, each piece well within the
			// settle
			// time, some cut in the middle of a line
			String content = ImportCommandIT.HEADER + rows(1, 30);
			byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
			int pieces = 20;
			try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
				for (int i = 0; i < pieces; i++) {
					int from = bytes.length * i / pieces;
					int to = bytes.length * (i + 1) / pieces;
					out.write(bytes, from, to - from);
					out.flush();
					Thread.sleep(150);
					assertThat(this.cli.emulator().space().createCalls()).as("created while being written").isZero();
				}
			}
			waitFor(() -> Files.exists(this.inbox.resolve("done/slow.csv")), Duration.ofSeconds(60));
		}
		finally {
			watcher.stop();
			watching.get(60, TimeUnit.SECONDS);
			threads.shutdown();
		}
		assertThat(names()).hasSize(30).doesNotHaveDuplicates().allMatch((name) -> name.matches("需求 \\d+"));
		assertThat(count("SELECT COUNT(*) FROM FPI_RUN")).isEqualTo(1);
		assertThat(count("SELECT ROWS_TOTAL FROM FPI_RUN")).isEqualTo(30);
	}

	@Test
	void twoWatchersOnOneRepositoryImportEachFileOnce() throws Exception {
		for (int f = 0; f < 4; f++) {
			drop("part-" + f + ".csv", rows(f * 20 + 1, f * 20 + 20));
		}
		this.cli.emulator().faults().latency(Duration.ofMillis(20), Duration.ZERO);
		String[] args = this.cli.connected("watch", this.inbox.toString(), "--mapping",
				this.cli.path("m.yaml").toString(), "--once", "--settle", "300ms");
		List<Integer> exits = new ArrayList<>();
		if (this.cli.database().startsWith("jdbc:postgresql:")) {
			// two processes, as two hosts would be
			List<Process> processes = List.of(start(args, "a"), start(args, "b"));
			for (Process process : processes) {
				assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
				exits.add(process.exitValue());
			}
		}
		else {
			// an H2 file admits one process: two watchers in one JVM share it
			ExecutorService threads = Executors.newFixedThreadPool(2);
			List<Future<CliRun>> runs = threads
				.invokeAll(List.<Callable<CliRun>>of(() -> this.cli.run(args), () -> this.cli.run(args)));
			for (Future<CliRun> run : runs) {
				exits.add(run.get().exitCode());
				Files.writeString(this.cli.path("watcher-" + exits.size() + ".log"), run.get().toString());
			}
			threads.shutdown();
		}

		assertThat(exits).as(output()).containsExactly(0, 0);
		assertThat(names()).hasSize(80).doesNotHaveDuplicates();
		assertThat(this.cli.emulator().space().createCalls()).isEqualTo(80);
		assertThat(count("SELECT COUNT(*) FROM FPI_RUN")).isEqualTo(4);
		assertThat(count("SELECT COUNT(DISTINCT FILE_NAME) FROM FPI_WATCHED_FILE WHERE OUTCOME = 'imported'"))
			.isEqualTo(4);
		assertThat(count("SELECT COUNT(*) FROM FPI_FILE_CLAIM")).isZero();
		assertThat(list(this.inbox.resolve("done")).stream().filter((name) -> name.endsWith(".csv"))).hasSize(4);
	}

	@Test
	void claimIsExclusiveUntilItsHolderStopsRenewingIt() throws Exception {
		FileClaims.createSchema(dataSource());
		FileClaims claims = new FileClaims(dataSource());
		Duration ttl = Duration.ofSeconds(1);
		assertThat(claims.claim("k", "a", ttl)).isTrue();
		assertThat(claims.claim("k", "b", ttl)).isFalse();
		assertThat(claims.renew("k", "a", ttl)).isTrue();
		Thread.sleep(2100); // a died: it renews no more
		assertThat(claims.claim("k", "b", Duration.ofSeconds(30))).isTrue();
		assertThat(claims.renew("k", "a", ttl)).isFalse();
		claims.release("k", "a"); // not a's any more: no effect
		assertThat(claims.holders("k")).containsExactly("b");
		claims.release("k", "b");
		assertThat(claims.holders("k")).isEmpty();

		// eight racing for one key: one wins
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Callable<Boolean>> racers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String holder = "h" + i;
			racers.add(() -> claims.claim("race", holder, Duration.ofMinutes(1)));
		}
		long winners = threads.invokeAll(racers).stream().filter((result) -> {
			try {
				return result.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
		threads.shutdown();
		assertThat(winners).isEqualTo(1);
	}

	@Test
	void sigtermMidImportThenRestartFinishesWithoutDuplicates() throws Exception {
		drop("big.csv", rows(1, 60));
		this.cli.emulator().faults().latency(Duration.ofMillis(60), Duration.ZERO);
		String[] args = this.cli.connected("watch", this.inbox.toString(), "--mapping",
				this.cli.path("m.yaml").toString(), "--every", "1h", "--settle", "200ms", "--chunk-size", "5",
				"--concurrency", "2");
		Process watcher = start(args, "killed");
		waitFor(() -> this.cli.emulator().space().itemCount() >= 10, Duration.ofSeconds(90));
		watcher.destroy(); // SIGTERM
		assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).as(output()).isTrue();
		int created = this.cli.emulator().space().itemCount();
		assertThat(created).as(output()).isBetween(10, 59);
		assertThat(this.inbox.resolve("big.csv")).exists();
		assertThat(output()).contains("stopped on request");
		assertThat(new JdbcTemplate(dataSource()).queryForObject("SELECT STATUS FROM FPI_RUN", String.class))
			.isEqualTo("STOPPED");
		assertThat(count("SELECT COUNT(*) FROM FPI_FILE_CLAIM")).isZero();

		this.cli.emulator().faults().latency(Duration.ZERO, Duration.ZERO);
		CliRun restart = watchOnce();
		assertThat(restart.exitCode()).as(restart.toString()).isZero();
		// the run's counts cover both attempts; the space saw each create once
		assertThat(restart.out()).contains("big.csv: imported, run 1: rows 60, created 60");
		assertThat(names()).hasSize(60).doesNotHaveDuplicates();
		assertThat(this.cli.emulator().space().createCalls()).isEqualTo(60);
		assertThat(count("SELECT COUNT(*) FROM FPI_RUN")).isEqualTo(1);
		assertThat(this.inbox.resolve("done/big.csv")).exists();
	}

	@Test
	void killedWatcherLeavesItsClaimToExpireThenAnotherResumesItsRun() throws Exception {
		drop("big.csv", rows(1, 60));
		this.cli.emulator().faults().latency(Duration.ofMillis(60), Duration.ZERO);
		String[] args = this.cli.connected("watch", this.inbox.toString(), "--mapping",
				this.cli.path("m.yaml").toString(), "--every", "1h", "--settle", "200ms", "--chunk-size", "5",
				"--concurrency", "2", "--claim-ttl", "6s");
		Process watcher = start(args, "killed");
		waitFor(() -> this.cli.emulator().space().itemCount() >= 10, Duration.ofSeconds(90));
		watcher.destroyForcibly(); // SIGKILL: no chance to record or release anything
		assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).as(output()).isTrue();
		assertThat(count("SELECT COUNT(*) FROM FPI_FILE_CLAIM")).isOne();
		long unknownAtKill = count("SELECT COUNT(*) FROM FPI_ROW WHERE STATUS = 'IN_FLIGHT'");
		this.cli.emulator().faults().latency(Duration.ZERO, Duration.ZERO);

		CliRun tooEarly = watchOnce("--claim-ttl", "6s");
		assertThat(tooEarly.exitCode()).as(tooEarly.toString()).isZero();
		assertThat(tooEarly.out()).contains("big.csv: being imported by another watcher");
		assertThat(this.inbox.resolve("big.csv")).exists();

		Thread.sleep(6500); // the dead holder renews its claim no more
		CliRun takeover = watchOnce("--claim-ttl", "6s");
		assertThat(takeover.exitCode()).as(takeover.toString()).isZero();
		assertThat(takeover.out()).contains("big.csv: imported, run 1: rows 60, created 60");
		assertThat(names()).containsAll(rowNames(1, 60));
		// only a row whose create was in flight at the kill can exist twice, until resume
		// reconciles such rows with the space (docs/design.md#reconcile) before sending
		// them again
		assertThat(names().size() - 60L).isLessThanOrEqualTo(unknownAtKill);
		assertThat(count("SELECT COUNT(*) FROM FPI_ROW WHERE STATUS = 'CREATED'")).isEqualTo(60);
		assertThat(count("SELECT COUNT(*) FROM FPI_RUN")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM FPI_FILE_CLAIM")).isZero();
		assertThat(this.inbox.resolve("done/big.csv")).exists();
	}

	private Process start(String[] args, String name) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "fpimport.cli.FpImport"));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).directory(this.cli.directory().toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.cli.path("watcher-" + name + ".log").toFile())
			.start();
	}

	private String output() {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> logs = Files.list(this.cli.directory())) {
			for (Path log : logs.filter((p) -> p.getFileName().toString().startsWith("watcher-")).sorted().toList()) {
				text.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
			}
		}
		catch (IOException ex) {
			text.append(ex);
		}
		return text.toString();
	}

	private Watcher watcher(Duration every, Duration settle) {
		var fixture = this.cli.emulator().space().fixture();
		WatchedImports imports = WatchedImports.open(this.cli.database(), this.cli.path("m.yaml"),
				ApiSettings.of(this.cli.emulator().baseUrl(), fixture.plugin().id(),
						Secret.of(fixture.plugin().secret()), fixture.defaultUserKey()),
				JobSettings.defaults(this.cli.emulator().baseUrl()));
		Writer log = new java.io.StringWriter();
		return new Watcher(imports, this.inbox, Schedule.every(every),
				new Watcher.Options(OnExisting.SKIP, null, settle, Duration.ofMinutes(1)),
				new WatchLog(new java.io.PrintWriter(log, true), false, Clock.systemUTC()), Clock.systemUTC());
	}

	private CliRun watchOnce(String... more) {
		List<String> args = new ArrayList<>(List.of("watch", this.inbox.toString(), "--mapping",
				this.cli.path("m.yaml").toString(), "--once", "--settle", "100ms"));
		args.addAll(List.of(more));
		return this.cli.runConnected(args.toArray(String[]::new));
	}

	private static JsonNode fileLine(String out, String file) {
		JsonMapper json = JsonMapper.builder().build();
		return out.lines()
			.map(json::readTree)
			.filter((node) -> "file".equals(node.get("event").asString()) && file.equals(node.get("file").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line of " + file + " in\n" + out));
	}

	private void drop(String name, String rows) throws IOException {
		// written beside, then moved in: the file appears complete
		Path temporary = this.cli.path(name + ".tmp");
		String text = rows.startsWith("S-") ? ImportCommandIT.HEADER + rows : rows;
		Files.writeString(temporary, text, StandardCharsets.UTF_8);
		Files.move(temporary, this.inbox.resolve(name));
	}

	private static String rows(int from, int to) {
		StringBuilder csv = new StringBuilder();
		for (int i = from; i <= to; i++) {
			csv.append("S-")
				.append(i)
				.append(",需求 ")
				.append(i)
				.append(",,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		}
		return csv.toString();
	}

	private static List<String> rowNames(int from, int to) {
		List<String> names = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			names.add("需求 " + i);
		}
		return names;
	}

	private List<String> names() {
		return this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private DriverManagerDataSource dataSource() {
		return new DriverManagerDataSource(this.cli.database());
	}

	private long count(String sql) {
		return new JdbcTemplate(dataSource()).queryForObject(sql, Long.class);
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
