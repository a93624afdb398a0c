package fpimport.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: {@code fpimport}, with one subcommand per task. */
@Command(name = "fpimport", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Bulk-import spreadsheets (${bundle:formats}) into Feishu Project (Meegle) as work items.",
		subcommands = { ImportCommand.class, ValidateCommand.class, RetryCommand.class, ResumeCommand.class,
				RunsCommand.class, ReportCommand.class, RollbackCommand.class, PreviewCommand.class, MetaCommand.class,
				InitMappingCommand.class, WatchCommand.class, SandboxCommand.class, DoctorCommand.class,
				picocli.CommandLine.HelpCommand.class })
final class FpImportCommand {

	@Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces and debug logs")
	boolean verbose;

}
