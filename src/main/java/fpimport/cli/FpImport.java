package fpimport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine;

/** The entry point of {@code fpimport.jar}. */
public final class FpImport {

	private FpImport() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), Path.of(""), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true)));
	}

	/**
	 * Runs one command line and returns its exit code; tests call this with their own
	 * environment, working directory and writers.
	 */
	public static int run(String[] args, Map<String, String> environment, Path workingDirectory, PrintWriter out,
			PrintWriter err) {
		return commandLine(environment, workingDirectory, out, err).execute(args);
	}

	static CommandLine commandLine(Map<String, String> environment, Path workingDirectory, PrintWriter out,
			PrintWriter err) {
		CommandLine commandLine = new CommandLine(new FpImportCommand());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setDefaultValueProvider(new SettingsDefaults(environment, workingDirectory.toAbsolutePath()));
		ErrorHandler errors = new ErrorHandler(commandLine.getParameterExceptionHandler());
		commandLine.setExecutionExceptionHandler(errors);
		commandLine.setParameterExceptionHandler(errors);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		return commandLine;
	}

}
