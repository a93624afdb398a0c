package fpimport.cli;

import fpimport.job.RunProgress;
import picocli.CommandLine.Model.CommandSpec;

/** What a command knows of the terminal it runs in. */
final class Consoles {

	private Consoles() {
	}

	/**
	 * The terminal a person may answer a question on, or {@code null} when there is none
	 * (a script, a pipe, a scheduler).
	 */
	static Terminal terminal() {
		java.io.Console console = System.console();
		return (console == null) ? null : (question) -> console.readLine("%s", question);
	}

	/** Where a command asks a person before doing what cannot be undone. */
	@FunctionalInterface
	interface Terminal {

		/** Asks a question and answers the reply, or {@code null} at the end of input. */
		String ask(String question);

	}

	/** A progress bar on a terminal, log lines elsewhere. */
	static RunProgress progress(CommandSpec spec) {
		return new ConsoleProgress(spec.commandLine().getErr(), System.console() != null);
	}

}
