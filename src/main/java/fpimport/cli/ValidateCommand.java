package fpimport.cli;

import picocli.CommandLine.Command;

/** {@code fpimport validate FILE --mapping M.yaml}: an import with {@code --dry-run}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check every row of a file against the mapping and the space without creating anything.")
final class ValidateCommand extends ImportCommand {

	@Override
	boolean dryRunAlways() {
		return true;
	}

}
