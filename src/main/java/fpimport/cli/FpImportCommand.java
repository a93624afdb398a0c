package fpimport.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top command: {@code fpimport}, with one subcommand per task ({@link #SUBCOMMANDS}).
 */
@Command(name = "fpimport", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Bulk-import spreadsheets (${bundle:formats}) into Feishu Project (Meegle) as work items.")
final class FpImportCommand {

	/**
	 * The subcommands' names, in the order of the help. Each command is built only when a
	 * command line needs it ({@link FpImport#commandLine}): picocli reads every option of
	 * a command it is given, which a short command such as {@code runs} need not wait
	 * for.
	 */
	static final List<String> SUBCOMMANDS = List.of("import", "validate", "retry", "resume", "runs", "report",
			"rollback", "preview", "meta", "init-mapping", "watch", "sandbox", "doctor", "help");

	/** A new subcommand of this name, one of {@link #SUBCOMMANDS}. */
	static Object subcommand(String name) {
		return switch (name) {
			case "import" -> new ImportCommand();
			case "validate" -> new ValidateCommand();
			case "retry" -> new RetryCommand();
			case "resume" -> new ResumeCommand();
			case "runs" -> new RunsCommand();
			case "report" -> new ReportCommand();
			case "rollback" -> new RollbackCommand();
			case "preview" -> new PreviewCommand();
			case "meta" -> new MetaCommand();
			case "init-mapping" -> new InitMappingCommand();
			case "watch" -> new WatchCommand();
			case "sandbox" -> new SandboxCommand();
			case "doctor" -> new DoctorCommand();
			case "help" -> new CommandLine.HelpCommand();
			default -> throw new IllegalArgumentException("no subcommand " + name);
		};
	}

	@Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces and debug logs")
	boolean verbose;

}
