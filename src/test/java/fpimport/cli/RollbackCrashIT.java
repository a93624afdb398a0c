package fpimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.OpenApiEmulator;
import fpimport.result.ResultStore;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real command line as a process of its own, killed with SIGKILL while it deletes
 * (the emulator answers after 300 ms), then run again: every item is deleted once, the
 * deletes that were in flight settle without an error, and every row ends ROLLED_BACK.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RollbackCrashIT {

	@TempDir
	Path directory;

	private OpenApiEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = OpenApiEmulator.start(EmulatorConfig.demo().withPort(0).withQps(100));
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void aRollbackKilledWhileDeletingIsFinishedByRunningItAgain() throws Exception {
		int rows = 200;
		Path file = write("crash.csv", RollbackCommandIT.csv(rows));
		Path mapping = write("crash.yaml", ImportCommandIT.MAPPING);
		CliRun imported = CliRun.run(this.directory, CliRun.against(this.emulator, this.directory, "import",
				file.toString(), "--mapping", mapping.toString(), "--qps", "90"));
		assertThat(imported.exitCode()).as(imported.toString()).isZero();
		Matcher run = Pattern.compile("run (\\d+) ").matcher(imported.out());
		assertThat(run.find()).isTrue();
		long runId = Long.parseLong(run.group(1));
		assertThat(this.emulator.space().itemCount()).isEqualTo(rows);

		this.emulator.faults().latency(Duration.ofMillis(300), Duration.ZERO);
		Path log = this.directory.resolve("rollback.log");
		Process cli = start(List.of("rollback", Long.toString(runId), "--yes"), log);
		// kill it in the middle of a batch of deletes
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (cli.isAlive() && this.emulator.space().deletions() < 70 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		boolean killed = cli.isAlive();
		cli.destroyForcibly();
		cli.waitFor();
		String killedLog = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(killed).as("the rollback ended before its kill: %s", killedLog).isTrue();
		// the dead process's last deletes still reach the space (300 ms latency)
		Thread.sleep(1000);
		int deletedBeforeRerun = this.emulator.space().deletions();
		assertThat(deletedBeforeRerun).isBetween(70, rows - 1);
		Map<RowStatus, Long> afterKill = statuses(runId);
		assertThat(afterKill.getOrDefault(RowStatus.CREATED, 0L)).as("rows not reached yet: %s", afterKill)
			.isPositive();

		CliRun again = CliRun.run(this.directory, CliRun.against(this.emulator, this.directory, "rollback",
				Long.toString(runId), "--yes", "--qps", "90"));

		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.err()).doesNotContain("error");
		assertThat(again.out()).contains("0 kept");
		assertThat(this.emulator.space().itemCount()).isZero();
		// each item deleted exactly once: no delete ever met an item gone already
		assertThat(this.emulator.space().deletions()).isEqualTo(rows);
		assertThat(this.emulator.space().answers(30005)).isZero();
		assertThat(statuses(runId)).isEqualTo(Map.of(RowStatus.ROLLED_BACK, (long) rows));
		System.out.printf("rollback crash test: killed after %d deletes, rows then %s; the rerun said: %s%n",
				deletedBeforeRerun, afterKill, again.out().strip().replace('\n', ' '));
	}

	/** The command line in a JVM of its own, on this test's classpath. */
	private Process start(List<String> args, Path log) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "fpimport.cli.FpImport"));
		command.addAll(List.of(CliRun.against(this.emulator, this.directory, args.toArray(String[]::new))));
		command.addAll(List.of("--qps", "60", "--concurrency", "8"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("FPIMPORT_"));
		return builder.start();
	}

	private Map<RowStatus, Long> statuses(long runId) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.directory.resolve("fpimport"));
		return new ResultStore(dataSource).statusCounts(runId);
	}

	private Path write(String name, String text) throws IOException {
		Path file = this.directory.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

}
