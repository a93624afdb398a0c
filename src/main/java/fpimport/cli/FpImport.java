package fpimport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

/** The entry point of {@code fpimport.jar}. */
public final class FpImport {

	private static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";

	private FpImport() {
	}

	public static void main(String[] args) {
		// Spring's commons-logging goes to SLF4J, as it would find by itself, without
		// first
		// loading Log4j's API only to see that it leads to SLF4J too (a start-up cost of
		// runs)
		if (System.getProperty(COMMONS_LOGGING_FACTORY) == null) {
			System.setProperty(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.Slf4jLogFactory");
		}
		System.exit(run(args, System.getenv(), Path.of(""), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true)));
	}

	/**
	 * Runs one command line and returns its exit code; tests call this with their own
	 * environment, working directory and writers.
	 */
	public static int run(String[] args, Map<String, String> environment, Path workingDirectory, PrintWriter out,
			PrintWriter err) {
		return commandLine(environment, workingDirectory, out, err, subcommandsFor(args)).execute(args);
	}

	/**
	 * The subcommands a command line needs: the one it names first, none for
	 * {@code --version} alone, and all of them otherwise (the help lists them, and a
	 * mistyped name is answered with the nearest ones).
	 */
	static List<String> subcommandsFor(String[] args) {
		if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
			return List.of();
		}
		if (args.length > 0 && !args[0].equals("help") && FpImportCommand.SUBCOMMANDS.contains(args[0])) {
			return List.of(args[0]);
		}
		return FpImportCommand.SUBCOMMANDS;
	}

	/** Whether {@code --verbose} was given to the command or any of its subcommands. */
	static boolean verbose(CommandLine.ParseResult parseResult) {
		for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
			if (result.hasMatchedOption("--verbose")) {
				return true;
			}
		}
		return false;
	}

	/** The command line with every subcommand. */
	static CommandLine commandLine(Map<String, String> environment, Path workingDirectory, PrintWriter out,
			PrintWriter err) {
		return commandLine(environment, workingDirectory, out, err, FpImportCommand.SUBCOMMANDS);
	}

	private static CommandLine commandLine(Map<String, String> environment, Path workingDirectory, PrintWriter out,
			PrintWriter err, List<String> subcommands) {
		CommandLine commandLine = new CommandLine(new FpImportCommand());
		// before the settings below, which reach only the subcommands there already
		for (String name : subcommands) {
			commandLine.addSubcommand(name, FpImportCommand.subcommand(name));
		}
		// whatever a command prints, a cell's control characters reach no terminal
		commandLine.setOut(new PrintWriter(new PrintableWriter(out), true));
		commandLine.setErr(new PrintWriter(new PrintableWriter(err), true));
		commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
		commandLine.setResourceBundle(new FormatWords());
		commandLine.setDefaultValueProvider(new SettingsDefaults(environment, workingDirectory.toAbsolutePath()));
		ErrorHandler errors = new ErrorHandler();
		commandLine.setExecutionExceptionHandler(errors);
		commandLine.setParameterExceptionHandler(errors);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		// shared options these commands do not use stay out of their help: watch refuses
		// --summary-json with a hint, resume keeps the project of its run
		if (subcommands.contains("watch")) {
			hideOption(commandLine.getSubcommands().get("watch"), "--summary-json");
		}
		if (subcommands.contains("resume")) {
			hideOption(commandLine.getSubcommands().get("resume"), "--project");
		}
		commandLine.setExecutionStrategy((parseResult) -> {
			if (verbose(parseResult)) {
				((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("fpimport"))
					.setLevel(ch.qos.logback.classic.Level.DEBUG);
			}
			return new CommandLine.RunLast().execute(parseResult);
		});
		return commandLine;
	}

	/**
	 * Leaves an option a mixin brings out of a command's help and synopsis; it is still
	 * read, so the command can refuse it with a hint.
	 */
	static void hideOption(CommandLine command, String name) {
		CommandLine.Model.CommandSpec spec = command.getCommandSpec();
		CommandLine.Model.OptionSpec option = spec.findOption(name);
		if (option == null) {
			throw new IllegalArgumentException(spec.name() + " has no option " + name);
		}
		spec.remove(option);
		spec.addOption(option.toBuilder().hidden(true).build());
	}

}
