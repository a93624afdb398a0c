package fpimport.cli;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code runs --abandon RUN}: a stopped run the user will not resume is closed, no longer
 * blocks a new import of its file, and resume refuses it.
 */
class RunsAbandonIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void anAbandonedRunNoLongerBlocksANewImportAndIsNotResumed() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "abandon",
				"S-1,放弃的需求,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		this.cli.emulator().space().revokePermission();
		CliRun stopped = this.cli.runConnected(stories.command("import"));
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.REMOTE_REFUSED.code());
		assertThat(stopped.out()).contains("run 1 stopped");
		this.cli.emulator().space().grantPermission();
		CliRun blocked = this.cli.runConnected(stories.command("import"));
		assertThat(blocked.err()).as(blocked.toString())
			.contains("run 1 of abandon.csv with this mapping is unfinished");

		CliRun both = runs("1", "--abandon", "1");
		assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.code());
		CliRun abandoned = runs("--abandon", "1");
		assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();
		assertThat(abandoned.out())
			.isEqualTo("run 1 abandoned: it will not be resumed, and a new import of abandon.csv may start\n");
		assertThat(runs("1").out()).contains("run 1: abandoned")
			.contains("message: abandoned with 'fpimport runs --abandon'; it had stopped: ");
		assertThat(runs().out()).containsPattern("(?m)^1\\s+abandoned\\s+import");

		CliRun resume = this.cli.runConnected("resume", "1");
		assertThat(resume.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
		assertThat(resume.err()).contains("run 1 was abandoned ('fpimport runs --abandon'): it is not continued");
		assertThat(this.cli.emulator().space().itemCount()).isZero();

		CliRun fresh = this.cli.runConnected(stories.command("import"));
		assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
		assertThat(fresh.out()).contains("run 2 finished").contains("created 1,");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(1);

		CliRun completed = runs("--abandon", "2");
		assertThat(completed.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
		assertThat(completed.err()).contains("run 2 is completed: only a running or stopped run can be abandoned");
		assertThat(runs("--abandon", "1").err()).contains("run 1 is abandoned");
	}

	private CliRun runs(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "runs";
		System.arraycopy(args, 0, all, 1, args.length);
		all[args.length + 1] = "--db";
		all[args.length + 2] = this.cli.database();
		return this.cli.run(all);
	}

}
