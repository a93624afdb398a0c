package fpimport.cli;

import java.util.concurrent.Callable;

import fpimport.job.ImportLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport resume RUN}: continue a run that stopped, never creating anything
 * twice.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
		description = "Continue a run that stopped (killed, crashed, refused) without creating anything twice.")
final class ResumeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "RUN", description = "the run id")
	long runId;

	@Option(names = "--force",
			description = "resume although the run's last checkpoint is recent: its process is known to be gone "
					+ "(matters on a database several processes share, such as PostgreSQL)")
	boolean force;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	DatabaseOption database;

	@Mixin
	JobOptions job;

	@Override
	public Integer call() {
		ImportLauncher launcher = this.job.launcher(this.connection, this.database, this.spec);
		return RunPrinter.finish(launcher.resume(this.runId, this.force), this.spec.commandLine().getOut(),
				this.job.summaryJson);
	}

}
