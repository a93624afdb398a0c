package fpimport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import fpimport.api.ApiSettings;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiException;
import fpimport.api.OpenApiSpace;
import fpimport.api.UserQuery;
import fpimport.api.WorkItemInfo;
import fpimport.job.ReconcileSearch;
import fpimport.mapping.FieldMapping;
import fpimport.mapping.InvalidMappingException;
import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.mapping.RowPlan;
import fpimport.mapping.RowPlanner;
import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.Template;
import fpimport.metadata.User;
import fpimport.metadata.WorkItemType;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import fpimport.workitem.FieldValuePair;
import fpimport.failure.FpImportException;
import fpimport.workitem.WorkItemDraft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport doctor}: a check of a space before the first import, one line per
 * check, PASS, WARN or FAIL with the fix. Read-only unless {@code --write-probe}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
		description = {
				"Check a space before the first import: credentials, the acting user, the project, the"
						+ " mapping (and the people and values of FILE), the search a resume will use, and the rate.",
				"Read-only unless --write-probe. Exit 0 when nothing FAILs, 3 when the mapping or the settings are"
						+ " wrong, 4 when the service refused." })
final class DoctorCommand implements Callable<Integer> {

	private static final DateTimeFormatter PROBE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** How long the write probe waits for search to find its item. */
	private static final Duration PROBE_PATIENCE = Duration.ofSeconds(60);

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
			description = "a file to import: its header, people and values are checked against the mapping")
	Path file;

	@Option(names = "--mapping", paramLabel = "MAPPING", description = "the mapping file the import will use")
	Path mapping;

	@Option(names = "--type", paramLabel = "TYPE",
			description = "without --mapping: the work item type to check and probe (default: the first enabled)")
	String type;

	@Mixin
	RateOption rate;

	@Option(names = "--search-lag", paramLabel = "TIME", defaultValue = "5s", converter = JobOptions.LagConverter.class,
			description = "the search lag the import will use (env FPIMPORT_SEARCH_LAG; default ${DEFAULT-VALUE})")
	Duration searchLag;

	@Option(names = "--write-probe",
			description = "also create one item 'fpimport doctor probe <time>', measure how long until search finds"
					+ " it, and delete it (never by default)")
	boolean writeProbe;

	private ExitCode worst = ExitCode.OK;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			check(out);
		}
		catch (Stop stop) {
			// the checks after a failed one would only fail alike
		}
		out.flush();
		return this.worst.code();
	}

	private void check(PrintWriter out) {
		ApiSettings settings;
		try {
			settings = Connections.apiSettings(this.connection).withQps(this.rate.qps);
		}
		catch (FpImportException ex) {
			throw fail(out, ExitCode.INVALID_INPUT, "settings", ex.getMessage(), ex.hint());
		}
		OpenApiClient client = new OpenApiClient(settings);
		String userKey = settings.userKey();

		// credentials and the acting user: one call fetches the token and asks for the
		// user
		List<User> users;
		try {
			users = client.queryUsers(UserQuery.userKeys(List.of(userKey)));
		}
		catch (OpenApiException ex) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "credentials", ex.getMessage(), ex.hint());
		}
		pass(out, "credentials", "plugin token issued for plugin " + settings.pluginId());
		Optional<User> user = users.stream().filter((found) -> userKey.equals(found.userKey())).findFirst();
		if (user.isEmpty()) {
			throw fail(out, ExitCode.INVALID_INPUT, "user", "no user with user_key " + userKey,
					"set --user-key to the user_key of an active member of the space (fpimport meta shows none;"
							+ " ask the space admin)");
		}
		if (!user.get().active()) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "user", "user " + userKey + " is " + user.get().status(),
					"items are created as this user; use the user_key of an active member of the space");
		}
		pass(out, "user", userKey + " (" + display(user.get()) + ") is active");

		MappingSpec spec = null;
		if (this.mapping != null) {
			try {
				spec = MappingLoader.load(this.mapping);
			}
			catch (FpImportException ex) {
				throw fail(out, ExitCode.INVALID_INPUT, "mapping", oneLine(ex), ex.hint());
			}
		}
		String project = (this.connection.project != null && !this.connection.project.isBlank())
				? this.connection.project.strip() : (spec != null) ? spec.project() : null;
		if (project == null || project.isBlank()) {
			throw fail(out, ExitCode.INVALID_INPUT, "project", "no project given",
					"pass --project, set FPIMPORT_PROJECT, or write 'project:' into the mapping");
		}
		OpenApiSpace space = new OpenApiSpace(client, project);
		List<WorkItemType> types;
		try {
			types = space.types();
		}
		catch (OpenApiException ex) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "project", ex.getMessage(), projectFix(ex));
		}
		pass(out, "project", project + " is readable: " + types.size() + " work item types");

		SpaceCatalog catalog;
		if (spec != null) {
			try {
				catalog = SpaceCatalog.load(space, spec.type());
			}
			catch (OpenApiException ex) {
				throw fail(out, ExitCode.REMOTE_REFUSED, "mapping", ex.getMessage(), projectFix(ex));
			}
			catch (FpImportException ex) {
				throw fail(out, ExitCode.INVALID_INPUT, "mapping", oneLine(ex), ex.hint());
			}
			bind(out, spec, catalog, space);
		}
		else {
			WorkItemType first = types.stream().filter((candidate) -> !candidate.disabled()).findFirst().orElse(null);
			if (this.type == null && first == null) {
				throw fail(out, ExitCode.INVALID_INPUT, "project", project + " has no enabled work item type",
						"enable a work item type in the space");
			}
			try {
				catalog = SpaceCatalog.load(space, (this.type != null) ? this.type : first.typeKey());
			}
			catch (OpenApiException ex) {
				throw fail(out, ExitCode.REMOTE_REFUSED, "type", ex.getMessage(), projectFix(ex));
			}
			catch (FpImportException ex) {
				throw fail(out, ExitCode.INVALID_INPUT, "type", oneLine(ex), ex.hint());
			}
			warn(out, "mapping", "none given: the mapping, the file and key_field are not checked",
					"run again with --mapping MAPPING [FILE]");
		}

		String keyField = (spec != null && spec.keyField() != null)
				? catalog.findFields(spec.keyField()).get(0).fieldKey() : null;
		String typeKey = catalog.type().typeKey();
		ReconcileSearch search = (keyField != null)
				? ReconcileSearch.byKeyField(typeKey, keyField, "fpimport-doctor-" + UUID.randomUUID())
				: ReconcileSearch.byName(typeKey, "fpimport doctor " + UUID.randomUUID(), Instant.now(), userKey);
		try {
			client.search(project, search.request());
		}
		catch (OpenApiException ex) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "reconcile search",
					search.describe() + " refused: " + ex.getMessage(),
					(keyField != null) ? "this space does not search this key field; set key_field to a text field"
							: "this space refuses the search by name and creation time; set key_field to a text"
									+ " field the row key is written into (docs/operations.md)");
		}
		pass(out, "reconcile search", "accepted: " + search.describe());
		if (keyField != null) {
			pass(out, "key_field", keyField + " is searchable: a resume finds lost creates by row key");
		}
		else if (spec != null) {
			warn(out, "key_field", "none: a resume finds lost creates by name and creation time only",
					"set key_field to a text field of your own that receives the row key (docs/operations.md)");
		}

		if (this.rate.qps > ApiSettings.DEFAULT_QPS) {
			warn(out, "rate",
					this.rate.qps + " requests per second per API, above the service's documented "
							+ ApiSettings.DEFAULT_QPS + ": expect 10429 and retries",
					"use --qps " + ApiSettings.DEFAULT_QPS + " or less");
		}
		else {
			pass(out, "rate", this.rate.qps + " requests per second per API (the service allows "
					+ ApiSettings.DEFAULT_QPS + " per token)");
		}

		if (this.writeProbe) {
			probe(out, client, project, catalog, keyField, userKey);
		}
	}

	/** Binds the mapping to the type, and checks FILE's rows when given. */
	private void bind(PrintWriter out, MappingSpec spec, SpaceCatalog catalog, OpenApiSpace space) {
		String fileName = (this.file != null) ? this.file.getFileName().toString() : "(no file)";
		if (this.file == null) {
			try {
				RowPlanner.prepare(spec, catalog, columns(spec), fileName, null);
				pass(out, "mapping", "binds to " + catalog.type().name() + " (" + catalog.type().typeKey()
						+ "): fields, options, roles and template");
				return;
			}
			catch (InvalidMappingException ex) {
				throw fail(out, ExitCode.INVALID_INPUT, "mapping", String.join("; ", ex.problems()),
						"fix the mapping; 'fpimport meta --type " + catalog.type().typeKey() + "' lists the fields");
			}
		}
		try (RowSource source = Sources.open(this.file, sourceSettings(spec))) {
			RowPlanner planner;
			try {
				planner = RowPlanner.prepare(spec, catalog, source.headers(), fileName, source.sheet());
			}
			catch (InvalidMappingException ex) {
				throw fail(out, ExitCode.INVALID_INPUT, "mapping", String.join("; ", ex.problems()),
						"fix the mapping or the file's header; 'fpimport meta --type " + catalog.type().typeKey()
								+ "' lists the fields");
			}
			pass(out, "mapping", "binds to " + catalog.type().name() + " (" + catalog.type().typeKey() + ") and the"
					+ " header of " + fileName);
			List<SourceRow> rows = new ArrayList<>();
			SourceRow row;
			while ((row = source.next()) != null) {
				rows.add(row);
			}
			planner.survey(rows, space);
			int invalid = 0;
			String first = null;
			for (SourceRow each : rows) {
				RowPlan plan = planner.plan(each);
				if (!plan.valid()) {
					invalid++;
					if (first == null) {
						first = plan.problems().get(0).describe();
					}
				}
			}
			if (invalid == 0) {
				pass(out, "rows", rows.size() + " rows of " + fileName + " plan: people, options and values found");
			}
			else {
				warn(out, "rows",
						invalid + " of " + rows.size() + " rows of " + fileName + " would be invalid; first " + first,
						"'fpimport validate " + this.file + " --mapping " + this.mapping + "' lists them all");
			}
		}
		catch (OpenApiException ex) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "rows", ex.getMessage(), ex.hint());
		}
		catch (FpImportException ex) {
			throw fail(out, ExitCode.INVALID_INPUT, "file", oneLine(ex), ex.hint());
		}
	}

	/**
	 * Creates one item, measures how long until the reconcile search finds it, and
	 * deletes it.
	 */
	private void probe(PrintWriter out, OpenApiClient client, String project, SpaceCatalog catalog, String keyField,
			String userKey) {
		String typeKey = catalog.type().typeKey();
		List<FieldValuePair> fields = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (FieldDefinition field : catalog.fields()) {
			if (field.requirement() != Requirement.REQUIRED || field.defaultValue() != null
					|| Set.of("name", "template", "template_id", "role_owners").contains(field.fieldKey())
					|| field.fieldKey().equals(keyField)) {
				continue;
			}
			Optional<Object> value = probeValue(field, userKey);
			if (value.isPresent()) {
				fields.add(new FieldValuePair(field.fieldKey(), value.get()));
			}
			else {
				missing.add(field.fieldKey() + " (" + field.fieldTypeKey() + ")");
			}
		}
		if (!missing.isEmpty()) {
			warn(out, "write probe", "not made: " + typeKey + " requires " + String.join(", ", missing),
					"nothing to fix for the import; the probe cannot fill these fields by itself");
			return;
		}
		Instant started = Instant.now();
		String name = "fpimport doctor probe " + PROBE_TIME.format(started);
		String probeKey = "fpimport-doctor-probe-" + UUID.randomUUID();
		List<Object> owners = new ArrayList<>();
		for (Role role : catalog.roles()) {
			if (role.required()) {
				owners.add(Map.of("role", role.id(), "owners", List.of(userKey)));
			}
		}
		if (!owners.isEmpty()) {
			fields.add(new FieldValuePair("role_owners", owners));
		}
		if (keyField != null) {
			fields.add(new FieldValuePair(keyField, probeKey));
		}
		Long templateId = catalog.templates()
			.stream()
			.filter((template) -> !template.disabled())
			.map(Template::id)
			.findFirst()
			.map(Long::valueOf)
			.orElse(null);
		long id;
		try {
			id = client.create(project, new WorkItemDraft(typeKey, templateId, name, fields), null);
		}
		catch (OpenApiException ex) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "write probe", "create refused: " + ex.getMessage(),
					(ex.hint() != null) ? ex.hint() : "check that --user-key may create " + typeKey + " items");
		}
		long createdAt = System.nanoTime();
		ReconcileSearch search = (keyField != null) ? ReconcileSearch.byKeyField(typeKey, keyField, probeKey)
				: ReconcileSearch.byName(typeKey, name, started, userKey);
		Duration lag = null;
		String searchFault = null;
		try {
			while (Duration.ofNanos(System.nanoTime() - createdAt).compareTo(PROBE_PATIENCE) < 0) {
				boolean found = client.search(project, search.request())
					.items()
					.stream()
					.filter(search::matches)
					.map(WorkItemInfo::id)
					.anyMatch((hit) -> hit == id);
				if (found) {
					lag = Duration.ofNanos(System.nanoTime() - createdAt);
					break;
				}
				Thread.sleep(200);
			}
		}
		catch (OpenApiException ex) {
			searchFault = ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			searchFault = "interrupted";
		}
		finally {
			deleteProbe(out, client, project, typeKey, id);
		}
		if (searchFault != null) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "write probe", "search failed: " + searchFault,
					"the reconcile search was accepted but failed for a new item; try again later");
		}
		if (lag == null) {
			warn(out, "write probe",
					"item " + id + " not found by search within " + PROBE_PATIENCE.toSeconds() + " s; deleted",
					"a resume could create such items twice: set --search-lag higher and retry");
		}
		else if (lag.compareTo(this.searchLag) > 0) {
			warn(out, "write probe",
					"item " + id + " found by search after " + lag.toMillis() + " ms, more than" + " the search lag of "
							+ this.searchLag.toMillis() + " ms; deleted",
					"set --search-lag (or FPIMPORT_SEARCH_LAG) to " + (lag.toSeconds() + 2) + "s or more");
		}
		else {
			pass(out, "write probe", "item " + id + " found by search after " + lag.toMillis() + " ms (search lag "
					+ this.searchLag.toMillis() + " ms); deleted");
		}
	}

	private void deleteProbe(PrintWriter out, OpenApiClient client, String project, String typeKey, long id) {
		try {
			client.delete(project, typeKey, id);
		}
		catch (OpenApiException ex) {
			throw fail(out, ExitCode.REMOTE_REFUSED, "write probe",
					"item " + id + " could not be deleted: " + ex.getMessage(),
					"delete the item 'fpimport doctor probe' by hand");
		}
	}

	/**
	 * A value a required field takes on the probe: the first enabled option (a leaf path
	 * for cascading fields), the acting user, now, zero, false or a text; empty for a
	 * type the probe cannot fill.
	 */
	private static Optional<Object> probeValue(FieldDefinition field, String userKey) {
		Optional<FieldOption> first = field.options().stream().filter((option) -> !option.disabled()).findFirst();
		return switch (field.fieldTypeKey()) {
			case "text", "multi_text" -> Optional.of("fpimport doctor probe");
			case "number" -> Optional.of(0);
			case "bool" -> Optional.of(false);
			case "date" -> Optional.of(System.currentTimeMillis());
			case "user" -> Optional.of(userKey);
			case "multi_user" -> Optional.of(List.of(userKey));
			case "select", "radio" -> first.map((option) -> Map.of("value", option.value()));
			case "multi_select" -> first.map((option) -> List.of(Map.of("value", option.value())));
			case "tree_select" -> first.map(DoctorCommand::path);
			case "tree_multi_select" -> first.map((option) -> List.of(path(option)));
			default -> Optional.empty();
		};
	}

	/** The option and its first enabled children down to a leaf, as a cascading value. */
	private static Object path(FieldOption option) {
		Map<String, Object> node = new java.util.LinkedHashMap<>();
		node.put("value", option.value());
		node.put("children",
				option.children()
					.stream()
					.filter((child) -> !child.disabled())
					.findFirst()
					.map(DoctorCommand::path)
					.orElse(null));
		return node;
	}

	/** The columns a mapping names, as the header of a file made for it. */
	private static List<String> columns(MappingSpec spec) {
		Set<String> columns = new LinkedHashSet<>(spec.key());
		List<FieldMapping> all = new ArrayList<>(spec.fields());
		all.addAll(spec.roles());
		if (spec.name() != null) {
			all.add(spec.name());
		}
		all.forEach((field) -> columns.addAll(field.columns()));
		return List.copyOf(columns);
	}

	private static SourceSettings sourceSettings(MappingSpec spec) {
		var source = spec.source();
		int headerRow = (source.headerRow() == null) ? 1 : source.headerRow();
		return new SourceSettings(source.sheet(), headerRow, source.encoding(), source.delimiter());
	}

	private static String projectFix(OpenApiException ex) {
		return switch (ex.errCode()) {
			case 10001 -> "10001 No Permission: install the plugin in the space and give --user-key access to it";
			case 10404 ->
				"10404 No Project Permission: check the project key, and that --user-key is a member of" + " the space";
			default -> ex.hint();
		};
	}

	private static String display(User user) {
		return (user.nameEn() != null && !user.nameEn().isBlank()) ? user.nameEn()
				: (user.nameCn() != null) ? user.nameCn() : user.userKey();
	}

	private static String oneLine(FpImportException ex) {
		return ex.getMessage().replaceAll("\\s*\\n\\s*", "; ");
	}

	private void pass(PrintWriter out, String check, String detail) {
		out.println("PASS " + check + ": " + detail);
	}

	private void warn(PrintWriter out, String check, String detail, String fix) {
		out.println("WARN " + check + ": " + detail + " -> fix: " + fix);
	}

	private Stop fail(PrintWriter out, ExitCode code, String check, String detail, String fix) {
		out.println("FAIL " + check + ": " + detail + ((fix != null) ? " -> fix: " + fix : ""));
		if (this.worst == ExitCode.OK || code == ExitCode.REMOTE_REFUSED) {
			this.worst = code;
		}
		return new Stop();
	}

	/** Ends the checks after a FAIL; the exit code is kept aside. */
	private static final class Stop extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Stop() {
			super(null, null, false, false);
		}

	}

}
