package fpimport.cli;

import fpimport.job.RunProgress;
import picocli.CommandLine.Model.CommandSpec;

/** What a command knows of the terminal it runs in. */
final class Consoles {

	private Consoles() {
	}

	/** A progress bar on a terminal, log lines elsewhere. */
	static RunProgress progress(CommandSpec spec) {
		return new ConsoleProgress(spec.commandLine().getErr(), System.console() != null);
	}

}
