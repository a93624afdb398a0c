package fpimport.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import fpimport.job.ImportLauncher;
import fpimport.job.ImportRequest;
import fpimport.job.OnExisting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport import FILE --mapping M.yaml}: read, map, validate and create every
 * row.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import a ${bundle:formats} file as work items: every row's outcome is recorded and reported.")
class ImportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "the spreadsheet to import")
	Path file;

	@Option(names = { "-m", "--mapping" }, required = true, paramLabel = "M.yaml", description = "the mapping file")
	Path mapping;

	@Option(names = "--dry-run", description = "everything but creating: every problem of every row, in the report")
	boolean dryRun;

	@Option(names = "--on-existing", paramLabel = "skip|update", defaultValue = "skip",
			description = "rows imported before: skip them or update their items (default ${DEFAULT-VALUE})")
	OnExisting onExisting;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	DatabaseOption database;

	@Mixin
	JobOptions job;

	@Override
	public Integer call() {
		ImportLauncher launcher = this.job.launcher(this.connection, this.database, this.spec);
		return RunPrinter.finish(
				launcher.importFile(new ImportRequest(this.file, this.mapping, this.connection.project,
						this.dryRun || dryRunAlways(), this.onExisting)),
				this.spec.commandLine().getOut(), this.job.summaryJson);
	}

	/** Whether this command never creates ({@code validate}). */
	boolean dryRunAlways() {
		return false;
	}

}
