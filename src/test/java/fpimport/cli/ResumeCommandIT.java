package fpimport.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code resume RUN} after the service refused the run half-way (10001), once permission
 * is granted again; and {@code import} of the same file meanwhile, which points to
 * {@code resume}.
 */
class ResumeCommandIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private static final int ROWS = 120;

	@Test
	void runRefusedHalfWayResumesOncePermissionIsGrantedAndCreatesEachRowOnce() throws Exception {
		StringBuilder csv = new StringBuilder();
		for (int i = 1; i <= ROWS; i++) {
			csv.append("S-").append(i).append(",权限需求 ").append(i);
			csv.append(",,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		}
		StoryFiles stories = StoryFiles.write(this.cli, "perm", csv.toString());
		this.cli.emulator().faults().latency(Duration.ofMillis(20), Duration.ZERO);
		Thread revoker = new Thread(() -> {
			while (this.cli.emulator().space().itemCount() < 15) {
				Thread.onSpinWait();
			}
			this.cli.emulator().space().revokePermission();
		});
		revoker.start();

		CliRun refused = this.cli.runConnected(stories.command("import", "--chunk-size", "10", "--concurrency", "4"));
		revoker.join();

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		assertThat(refused.err()).contains("10001");
		long runId = runId(refused);
		int before = this.cli.emulator().space().itemCount();
		assertThat(before).isBetween(15, ROWS - 1);

		CliRun again = this.cli.runConnected(stories.command("import"));
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
		assertThat(again.err()).contains("run " + runId + " of perm.csv with this mapping is unfinished (stopped)")
			.contains("hint: run 'fpimport resume " + runId + "'");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(before);

		CliRun stillRefused = this.cli.runConnected("resume", Long.toString(runId));
		assertThat(stillRefused.exitCode()).as(stillRefused.toString()).isEqualTo(4);
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(before);

		String original = Files.readString(stories.file());
		Files.writeString(stories.file(), original + "S-999,后加的行,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		CliRun changed = this.cli.runConnected("resume", Long.toString(runId));
		assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(3);
		assertThat(changed.err())
			.contains("run " + runId + " cannot resume: " + stories.file() + " changed since the run started");
		Files.writeString(stories.file(), original);

		this.cli.emulator().space().grantPermission();
		CliRun resumed = this.cli.runConnected("resume", Long.toString(runId), "--summary-json",
				this.cli.path("s.json").toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("run " + runId + " ").contains("created " + ROWS + ", updated 0");
		List<String> names = this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
		assertThat(names).hasSize(ROWS).doesNotHaveDuplicates();
		assertThat(Files.readString(this.cli.path("s.json"))).contains("\"status\":\"COMPLETED\"")
			.contains("\"created\":" + ROWS);

		CliRun complete = this.cli.runConnected("resume", Long.toString(runId));
		assertThat(complete.exitCode()).as(complete.toString()).isEqualTo(3);
		assertThat(complete.err()).contains("run " + runId + " is complete");
	}

	@Test
	void rowWhoseCreateMayHaveBeenStoredIsFoundOnResumeAndNotCreatedAgain() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "maybe", //
				"S-1,可能已建,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,第二条,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-3,第三条,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		// the first create is stored but its answer is lost, and the token it was sent
		// with expires before the retry: the client cannot know whether the item exists
		this.cli.emulator().faults().droppedCreates(1.0);
		Thread expirer = new Thread(() -> {
			while (this.cli.emulator().space().droppedAnswers() == 0) {
				Thread.onSpinWait();
			}
			this.cli.emulator().faults().expireAllTokens().droppedCreates(0);
		});
		expirer.start();

		CliRun first = this.cli.runConnected(stories.command("import", "--concurrency", "1"));
		expirer.join();

		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		long runId = runId(first);
		assertThat(first.out()).contains("created 2").contains("unfinished 1 (run 'fpimport resume " + runId + "')");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);
		CliRun again = this.cli.runConnected(stories.command("import"));
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
		assertThat(again.err()).contains("hint: run 'fpimport resume " + runId + "'");

		CliRun resumed = this.cli.runConnected("resume", Long.toString(runId));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("created 3, updated 0, skipped 0, invalid 0, failed 0")
			.doesNotContain("unfinished");
		List<String> names = this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
		assertThat(names).containsExactlyInAnyOrder("可能已建", "第二条", "第三条");
	}

	@Test
	void retryRefusedHalfWayResumesWithTheSameRowsItChose() throws Exception {
		StringBuilder csv = new StringBuilder();
		for (int i = 1; i <= 40; i++) {
			csv.append("S-").append(i).append(",调研 ").append(i);
			csv.append(",,高,调研 Research,平台 Platform/账号 Account,,2026/12/1,,\n");
		}
		csv.append("S-41,坏关联,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,999999,\n");
		StoryFiles stories = StoryFiles.write(this.cli, "research", csv.toString());
		CliRun first = this.cli.runConnected(stories.command("import"));
		assertThat(first.out()).as(first.toString()).contains("created 0, updated 0, skipped 0, invalid 40, failed 1");
		long parentId = runId(first);
		this.cli.emulator().space().addOption("story", "field_5c1d2e", "option_5", "调研 Research");
		this.cli.emulator().faults().latency(Duration.ofMillis(20), Duration.ZERO);
		Thread revoker = new Thread(() -> {
			while (this.cli.emulator().space().itemCount() < 10) {
				Thread.onSpinWait();
			}
			this.cli.emulator().space().revokePermission();
		});
		revoker.start();

		CliRun refused = this.cli.runConnected("retry", Long.toString(parentId), "--only-status", "invalid",
				"--chunk-size", "5", "--concurrency", "2");
		revoker.join();

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		long retryId = runId(refused);
		assertThat(retryId).isNotEqualTo(parentId);
		assertThat(this.cli.emulator().space().itemCount()).isBetween(10, 39);
		CliRun second = this.cli.runConnected("retry", Long.toString(parentId));
		assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
		assertThat(second.err()).contains("retry run " + retryId + " of run " + parentId + " is unfinished")
			.contains("'fpimport resume " + retryId + "'");

		this.cli.emulator().space().grantPermission();
		CliRun resumed = this.cli.runConnected("resume", Long.toString(retryId));

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		// the stored filter still leaves out the failed row
		assertThat(resumed.out()).contains("40 rows").contains("created 40, updated 0, skipped 0, invalid 0, failed 0");
		List<String> names = this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
		assertThat(names).hasSize(40).doesNotHaveDuplicates().noneMatch("坏关联"::equals);
	}

	private static long runId(CliRun run) {
		Matcher matcher = Pattern.compile("run (\\d+) ").matcher(run.out());
		assertThat(matcher.find()).as(run.toString()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
