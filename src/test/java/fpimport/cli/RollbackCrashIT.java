package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.result.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real command line as a process of its own, killed with SIGKILL while it deletes
 * (the emulator answers after 300 ms), then run again: every item is deleted once, the
 * deletes that were in flight settle without an error, and every row ends ROLLED_BACK.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RollbackCrashIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void aRollbackKilledWhileDeletingIsFinishedByRunningItAgain() throws Exception {
		int rows = 200;
		Path file = this.cli.write("crash.csv", RollbackCommandIT.csv(rows));
		Path mapping = this.cli.write("crash.yaml", ImportCommandIT.MAPPING);
		CliRun imported = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(), "--qps",
				"90");
		assertThat(imported.exitCode()).as(imported.toString()).isZero();
		Matcher run = Pattern.compile("run (\\d+) ").matcher(imported.out());
		assertThat(run.find()).isTrue();
		long runId = Long.parseLong(run.group(1));
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(rows);

		this.cli.emulator().faults().latency(Duration.ofMillis(300), Duration.ZERO);
		Path log = this.cli.path("rollback.log");
		Process cli = this.cli.start(log, "rollback", Long.toString(runId), "--yes", "--qps", "60", "--concurrency",
				"8");
		// kill it in the middle of a batch of deletes
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (cli.isAlive() && this.cli.emulator().space().deletions() < 70 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		boolean killed = cli.isAlive();
		cli.destroyForcibly();
		cli.waitFor();
		String killedLog = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(killed).as("the rollback ended before its kill: %s", killedLog).isTrue();
		// the dead process's last deletes still reach the space (300 ms latency)
		Thread.sleep(1000);
		int deletedBeforeRerun = this.cli.emulator().space().deletions();
		assertThat(deletedBeforeRerun).isBetween(70, rows - 1);
		Map<RowStatus, Long> afterKill = statuses(runId);
		assertThat(afterKill.getOrDefault(RowStatus.CREATED, 0L)).as("rows not reached yet: %s", afterKill)
			.isPositive();

		CliRun again = this.cli.runConnected("rollback", Long.toString(runId), "--yes", "--qps", "90");

		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.err()).doesNotContain("error");
		assertThat(again.out()).contains("0 kept");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
		// each item deleted exactly once: no delete ever met an item gone already
		assertThat(this.cli.emulator().space().deletions()).isEqualTo(rows);
		assertThat(this.cli.emulator().space().answers(30005)).isZero();
		assertThat(statuses(runId)).isEqualTo(Map.of(RowStatus.ROLLED_BACK, (long) rows));
		System.out.printf("rollback crash test: killed after %d deletes, rows then %s; the rerun said: %s%n",
				deletedBeforeRerun, afterKill, again.out().strip().replace('\n', ' '));
	}

	private Map<RowStatus, Long> statuses(long runId) {
		return this.cli.results().statusCounts(runId);
	}

}
