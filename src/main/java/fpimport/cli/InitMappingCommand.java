package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiSpace;
import fpimport.mapping.MappingDraft;
import fpimport.mapping.SourceSection;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.Workflow;
import fpimport.source.RowSource;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import fpimport.source.TitleRow;
import fpimport.failure.FpImportException.Reason;
import fpimport.failure.FpImportException;
import fpimport.workitem.ColumnKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport init-mapping}: a starting mapping that pairs a file's headers with the
 * fields and roles of the same name.
 */
@Command(name = "init-mapping", mixinStandardHelpOptions = true, description = {
		"Write a starting mapping for FILE (${bundle:format-extensions}): each header is paired with the field "
				+ "or role of the same name (ignoring spaces, case, width and either half of a bilingual name such as "
				+ "优先级 Priority); the values of option and people columns the space does not know are listed under "
				+ "values: and users.aliases: to fill in; a Jira export is drafted the Jira way; the other headers "
				+ "and the required fields still unmapped are listed as comments.",
		"Prints the YAML, or writes it to -o; says on stderr what is left to map." })
final class InitMappingCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Parameters(index = "0", paramLabel = "FILE", description = "the spreadsheet: ${bundle:format-extensions}")
	Path file;

	@Option(names = "--type", required = true, paramLabel = "TYPE",
			description = "the work item type: its key or its name (需求)")
	String type;

	@Option(names = { "-o", "--output" }, paramLabel = "M.yaml",
			description = "write the mapping to this file instead of printing it")
	Path output;

	@Option(names = "--force", description = "overwrite the -o file if it exists")
	boolean force;

	@Option(names = "--sheet", paramLabel = "S",
			description = "xlsx/xls: the sheet's name or its 1-based number (default the first sheet)")
	String sheet;

	@Option(names = "--header-row", paramLabel = "N", description = "the 1-based row of the column names (default 1)")
	Integer headerRow;

	private String typeName;

	private String typeKey;

	@Override
	public Integer call() {
		if (this.headerRow != null && this.headerRow < 1) {
			throw new FpImportException(Reason.USAGE, "--header-row must be 1 or more, got " + this.headerRow, null);
		}
		if (this.output != null && Files.exists(this.output) && !this.force) {
			throw new FpImportException(Reason.INVALID_INPUT, this.output + " exists already",
					"choose another -o, or add --force to overwrite it");
		}
		Integer headerRow = this.headerRow;
		if (headerRow == null) {
			// a title above the header: the draft reads the header below it
			OptionalInt below = TitleRow.headerBelow(this.file, SourceSettings.of(this.sheet, null, null, null));
			if (below.isPresent()) {
				headerRow = below.getAsInt();
				this.spec.commandLine()
					.getErr()
					.println("note: " + TitleRow.note(1, headerRow) + "; the draft reads it (source.header_row: "
							+ headerRow + ")");
			}
		}
		List<String> headers;
		MappingDraft draft;
		try (RowSource rows = Sources.open(this.file, SourceSettings.of(this.sheet, headerRow, null, null))) {
			headers = rows.headers();
			OpenApiClient client = new OpenApiClient(Connections.apiSettings(this.connection));
			OpenApiSpace space = new OpenApiSpace(client, Connections.project(this.connection));
			SpaceCatalog catalog = SpaceCatalog.load(space, this.type);
			// a Jira Status column: the template's states help draft state.values
			Workflow workflow = MappingDraft.movesState(headers) ? workflow(client, space.projectKey(), catalog) : null;
			// the sheet by name, so the mapping still reads it when sheets are reordered
			SourceSection source = new SourceSection((this.sheet != null) ? rows.sheet() : null, headerRow, null, null);
			draft = MappingDraft.of(rows, catalog, space, space.projectKey(), source, workflow);
			this.typeName = catalog.type().name() + " (" + catalog.type().typeKey() + ")";
			this.typeKey = catalog.type().typeKey();
		}
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		if (this.output != null) {
			write(draft.yaml());
			err.println("wrote " + this.output);
		}
		else {
			out.print(draft.yaml());
			out.flush();
		}
		long named = ColumnKeys.groups(headers).keySet().stream().filter((column) -> !column.isBlank()).count();
		List<String> settings = draft.settingHeaders();
		long matched = named - draft.unmatchedHeaders().size() - settings.size();
		err.println(matched + " of " + named + " headers matched a field or role of " + this.typeName
				+ (settings.isEmpty() ? ""
						: "; " + settings.size() + " went to state:, comments:, attachments: or refers_to.by ("
								+ String.join(", ", settings) + ")")
				+ (draft.unmatchedHeaders().isEmpty() ? ""
						: "; not matched: " + String.join(", ", draft.unmatchedHeaders())));
		if (draft.blanks() > 0) {
			err.println(draft.blanks() + " values of the file to fill in under values: and users.aliases: "
					+ "(the space does not know them as written)");
		}
		if (draft.unmappedRequired().isEmpty()) {
			err.println("every required field is mapped");
		}
		else {
			err.println("required fields still unmapped: " + String.join(", ", draft.unmappedRequired()));
			err.println("hint: map them under fields: (the name under name:) before importing; "
					+ "`fpimport meta --type " + this.typeKey + "` lists their options");
		}
		err.flush();
		return ExitCode.OK.code();
	}

	/** The workflow of the type's first enabled template, or {@code null} without one. */
	private static Workflow workflow(OpenApiClient client, String projectKey, SpaceCatalog catalog) {
		return catalog.templates()
			.stream()
			.filter((template) -> !template.disabled())
			.findFirst()
			.map((template) -> client.workflow(projectKey, template.id()))
			.orElse(null);
	}

	private void write(String yaml) {
		try {
			Path parent = this.output.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(this.output, yaml, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, "cannot write " + this.output + ": " + ex.getMessage(),
					"check the path and its permissions", ex);
		}
	}

}
