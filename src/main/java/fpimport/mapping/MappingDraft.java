package fpimport.mapping;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.PersonMatch;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.UserDirectory;
import fpimport.metadata.UserSource;
import fpimport.metadata.Workflow;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.translation.FieldKind;
import fpimport.translation.FieldKinds;
import fpimport.translation.FieldSettings;
import fpimport.translation.FieldValueTranslator;
import fpimport.translation.People;

/**
 * A starting mapping for {@code fpimport init-mapping}. Each header is paired with a
 * field or role: by the same name, by one half of a bilingual name ({@code 优先级} and
 * {@code 优先级 Priority}), or by the words trackers use for the name, the row key, the
 * description and a schedule. A Jira export (its headers {@code Summary},
 * {@code Issue key}, {@code Issue id} and {@code Issue Type}) is drafted the Jira way
 * ({@link JiraHeaders}). When the file's rows are given, the distinct values of every
 * option and people column that the space does not know yet are listed as {@code values:}
 * and {@code users.aliases:} lines to fill in. Unpaired headers, with commented candidate
 * lines where a field or role has a like name, and still-unmapped required fields are
 * listed as comments. Once its blanks are filled the text loads as a mapping.
 */
public final class MappingDraft {

	private static final Pattern PLAIN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_\\-./()（）]*");

	private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

	private static final int SHOWN_OPTIONS = 8;

	private static final int LISTED_OPTIONS = 30;

	private static final Set<String> OPTION_TYPES = Set.of("select", "radio", "multi_select", "tree_select",
			"tree_multi_select");

	private static final Set<String> PEOPLE_TYPES = Set.of("user", "multi_user");

	private final String yaml;

	private final List<String> unmatchedHeaders;

	private final List<String> unmappedRequired;

	private final int blanks;

	private final List<String> settingHeaders;

	private MappingDraft(String yaml, List<String> unmatchedHeaders, List<String> unmappedRequired, int blanks,
			List<String> settingHeaders) {
		this.yaml = yaml;
		this.settingHeaders = List.copyOf(settingHeaders);
		this.unmatchedHeaders = List.copyOf(unmatchedHeaders);
		this.unmappedRequired = List.copyOf(unmappedRequired);
		this.blanks = blanks;
	}

	/** The draft for a file's headers and a type, without a project. */
	public static String write(List<String> headers, SpaceCatalog catalog) {
		return write(headers, catalog, null);
	}

	/**
	 * The draft for a file's headers and a type.
	 * @param headers the file's header, in order
	 * @param catalog the type's metadata
	 * @param project the project_key to write, or {@code null} to leave it for
	 * {@code --project}
	 * @return the YAML text
	 */
	public static String write(List<String> headers, SpaceCatalog catalog, String project) {
		return of(headers, catalog, project, SourceSection.DEFAULT).yaml();
	}

	/**
	 * The draft for a file's headers and a type, from the headers alone.
	 * @param headers the file's header, in order
	 * @param catalog the type's metadata
	 * @param project the project_key to write, or {@code null} to leave it for
	 * {@code --project}
	 * @param source the reader settings to write under {@code source:} (those that are
	 * not {@code null})
	 * @return the draft
	 */
	public static MappingDraft of(List<String> headers, SpaceCatalog catalog, String project, SourceSection source) {
		Pairing pairing = Pairing.of(headers, catalog);
		return render(pairing, catalog, project, source, Map.of(), null, null, null);
	}

	/**
	 * The draft for a file and a type, from its headers and the values of its rows: every
	 * option and people column is read to its end (at most {@link DraftValues#MAX}
	 * distinct values kept per column) and the values the space does not know yet become
	 * lines to fill in.
	 * @param rows the open file; read to its end, not closed
	 * @param catalog the type's metadata
	 * @param users where the people the file names are looked up
	 * @param project the project_key to write, or {@code null}
	 * @param source the reader settings to write under {@code source:}
	 * @return the draft
	 */
	public static MappingDraft of(RowSource rows, SpaceCatalog catalog, UserSource users, String project,
			SourceSection source) {
		return of(rows, catalog, users, project, source, null);
	}

	/**
	 * Whether a draft of a file with these headers moves items to a state ({@code state:}
	 * from a Jira export's {@code Status}), so that the template's workflow helps draft
	 * its {@code values:}.
	 */
	public static boolean movesState(List<String> headers) {
		return JiraHeaders.recognises(headers)
				&& headers.stream().anyMatch((header) -> HeaderNames.key(header).equals(JiraHeaders.STATUS));
	}

	/**
	 * The draft for a file and a type, from its headers and the values of its rows; the
	 * file's states are paired with those of the workflow when a name matches.
	 * @param rows the open file; read to its end, not closed
	 * @param catalog the type's metadata
	 * @param users where the people the file names are looked up
	 * @param project the project_key to write, or {@code null}
	 * @param source the reader settings to write under {@code source:}
	 * @param workflow the workflow of the type's template, or {@code null} when not read
	 * @return the draft
	 */
	public static MappingDraft of(RowSource rows, SpaceCatalog catalog, UserSource users, String project,
			SourceSection source, Workflow workflow) {
		Pairing pairing = Pairing.of(rows.headers(), catalog);
		Map<String, Function<String, List<String>>> readers = new LinkedHashMap<>();
		pairing.fields.forEach((header, field) -> {
			if (OPTION_TYPES.contains(field.fieldTypeKey())) {
				FieldKind kind = FieldKinds.of(field.fieldTypeKey()).orElseThrow();
				readers.put(header, kind::items);
			}
			else if (PEOPLE_TYPES.contains(field.fieldTypeKey())) {
				readers.put(header, FieldValueTranslator.forField(field, settings(), People.none())::persons);
			}
		});
		pairing.roles.forEach((header, role) -> readers.put(header,
				FieldValueTranslator.forRole(role, settings(), People.none())::persons));
		Map<String, DraftValues> values = new LinkedHashMap<>();
		readers.keySet().forEach((header) -> values.put(header, new DraftValues()));
		Map<String, DraftValues> references = new LinkedHashMap<>();
		pairing.selfReferences.forEach((header) -> references.put(header, new DraftValues()));
		// the columns a reference may name rows by: the row key, the ids, the name
		Map<String, Set<String>> held = new LinkedHashMap<>();
		if (!references.isEmpty()) {
			List<String> named = new ArrayList<>();
			named.add(pairing.keyColumn);
			pairing.columns.keySet()
				.stream()
				.filter((header) -> Pairing.KEY_WORDS.contains(HeaderNames.key(header))
						|| HeaderNames.key(header).equals(JiraHeaders.ISSUE_ID))
				.forEach(named::add);
			named.add(pairing.nameColumn);
			named.stream()
				.filter((header) -> header != null && !references.containsKey(header))
				.forEach((header) -> held.putIfAbsent(header, new HashSet<>()));
		}
		DraftValues states = (pairing.stateColumn != null) ? new DraftValues() : null;
		if (!readers.isEmpty() || !references.isEmpty() || states != null) {
			for (SourceRow row = rows.next(); row != null; row = rows.next()) {
				if (row.problem() == null) {
					SourceRow read = row;
					readers.forEach((header, reader) -> {
						for (String column : pairing.columns.get(header)) {
							values.get(header).add(reader.apply(read.cell(column)));
						}
					});
					references.forEach((header, found) -> {
						FieldKind kind = FieldKinds.of(pairing.fields.get(header).fieldTypeKey()).orElseThrow();
						for (String column : pairing.columns.get(header)) {
							found.add(kind.items(read.cell(column)));
						}
					});
					held.forEach((header, cells) -> cells.add(read.cell(pairing.columns.get(header).get(0)).strip()));
					if (states != null) {
						states.add(List.of(read.cell(pairing.columns.get(pairing.stateColumn).get(0)).strip()));
					}
				}
			}
		}
		references.forEach((header, found) -> {
			List<String> named = found.values();
			held.entrySet()
				.stream()
				.filter((column) -> !named.isEmpty() && column.getValue().containsAll(named))
				.findFirst()
				.ifPresent((column) -> pairing.referenceBy.put(header, column.getKey()));
		});
		Set<String> persons = new LinkedHashSet<>();
		values.forEach((header, found) -> {
			if (!pairing.fields.containsKey(header)
					|| PEOPLE_TYPES.contains(pairing.fields.get(header).fieldTypeKey())) {
				persons.addAll(found.values());
			}
		});
		UserDirectory directory = persons.isEmpty() ? null
				: UserDirectory.lookUp(users, UserDirectory.DEFAULT_MATCH, Map.of(), persons);
		return render(pairing, catalog, project, source, values, directory, states, workflow);
	}

	/** The YAML text. */
	public String yaml() {
		return this.yaml;
	}

	/** The headers paired with nothing, or only with a field another header took. */
	public List<String> unmatchedHeaders() {
		return this.unmatchedHeaders;
	}

	/**
	 * The required fields without a default that no header fills, each as
	 * {@code key (name, type)}.
	 */
	public List<String> unmappedRequired() {
		return this.unmappedRequired;
	}

	/**
	 * The headers that settings other than fields and roles take, as listed (a Jira
	 * export's {@code Status}, {@code Comment ×2}, {@code Attachment}, and the
	 * {@code Issue id} its parent references name rows by).
	 */
	public List<String> settingHeaders() {
		return this.settingHeaders;
	}

	/**
	 * How many {@code values:} and {@code users.aliases:} lines are left blank to fill
	 * in.
	 */
	public int blanks() {
		return this.blanks;
	}

	private static FieldSettings settings() {
		return FieldSettings.plain(ZoneOffset.UTC);
	}

	private static MappingDraft render(Pairing pairing, SpaceCatalog catalog, String project, SourceSection source,
			Map<String, DraftValues> values, UserDirectory directory, DraftValues states, Workflow workflow) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# fpimport mapping for ")
			.append(catalog.type().name())
			.append(" (")
			.append(catalog.type().typeKey())
			.append("), drafted by init-mapping")
			.append(pairing.jira ? " from a Jira export" : "")
			.append(".\n");
		yaml.append(
				"# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml\n");
		if (project != null) {
			yaml.append("project: ").append(scalar(project)).append('\n');
		}
		else {
			yaml.append("# project: <project_key>    (or give --project)\n");
		}
		yaml.append("type: ").append(scalar(catalog.type().typeKey())).append('\n');
		if (pairing.keyColumn != null) {
			yaml.append("key: ")
				.append(scalar(pairing.keyColumn))
				.append("    # identifies a row across runs: a second import skips what the first created\n");
			if (pairing.keyField != null) {
				yaml.append("key_field: ")
					.append(scalar(pairing.keyField.fieldKey()))
					.append("    # ")
					.append(pairing.keyField.fieldName())
					.append(" (")
					.append(pairing.keyField.fieldTypeKey())
					.append(") receives the key, so a stopped run finds what it created\n");
			}
		}
		appendSource(yaml, (source != null) ? source : SourceSection.DEFAULT);
		if (pairing.nameColumn != null) {
			yaml.append("name: ").append(scalar(pairing.nameColumn)).append('\n');
		}
		int blanks = 0;
		List<String> fieldLines = new ArrayList<>();
		for (Map.Entry<String, FieldDefinition> entry : pairing.fields.entrySet()) {
			String header = entry.getKey();
			FieldDefinition field = entry.getValue();
			if (pairing.scheduleEnd != null && header.equals(pairing.scheduleEnd)) {
				continue;
			}
			if (header.equals(pairing.scheduleStart)) {
				fieldLines.add("  " + scalar(field.fieldKey()) + ": {columns: [" + scalar(header) + ", "
						+ scalar(pairing.scheduleEnd) + "]}    # " + describe(field));
				continue;
			}
			if (pairing.referenceBy.containsKey(header)) {
				String by = pairing.referenceBy.get(header);
				fieldLines.add("  " + scalar(field.fieldKey()) + ":    # " + describe(field));
				fieldLines.add("    column: " + scalar(header));
				fieldLines.add("    refers_to: {by: " + scalar(by) + "}    # "
						+ ((pairing.jira && JiraHeaders.parentBy(header) != null)
								? "Jira's " + header + " holds the parent's " + by
								: "the cells hold the " + by + " of rows of this file")
						+ "; parents are created first, rows of earlier runs are found too");
				continue;
			}
			DraftValues found = values.get(header);
			List<String> valueLines = new ArrayList<>();
			int blank = (found != null && OPTION_TYPES.contains(field.fieldTypeKey()))
					? valueLines(field, found, valueLines) : 0;
			String also = pairing.notes.containsKey(header) ? "; " + pairing.notes.get(header) : "";
			if (valueLines.isEmpty()) {
				fieldLines
					.add("  " + scalar(field.fieldKey()) + ": " + scalar(header) + "    # " + describe(field) + also);
				continue;
			}
			fieldLines.add("  " + scalar(field.fieldKey()) + ":    # " + describe(field) + also);
			fieldLines.add("    column: " + scalar(header));
			fieldLines.add("    values:    # the file's values the space does not know: fill in each with one of "
					+ optionList(field) + (found.cut() ? "; only the first " + DraftValues.MAX + " are listed" : ""));
			fieldLines.addAll(valueLines);
			blanks += blank;
		}
		for (Map.Entry<String, String> extra : pairing.extraText.entrySet()) {
			FieldDefinition field = pairing.extraTextFields.get(extra.getKey());
			fieldLines.add("  " + scalar(field.fieldKey()) + ": " + scalar(extra.getValue()) + "    # "
					+ describe(field) + ": the original text, kept as it is");
		}
		appendBlock(yaml, "fields", fieldLines, pairing.fieldCandidates);
		List<String> roleLines = new ArrayList<>();
		pairing.roles.forEach((header, role) -> {
			String key = (role.key() != null && !role.key().isBlank()) ? role.key() : role.id();
			roleLines.add("  " + scalar(key) + ": " + scalar(header) + "    # role " + role.name()
					+ (role.multi() ? ", several people" : ", one person"));
		});
		appendBlock(yaml, "roles", roleLines, pairing.roleCandidates);
		blanks += appendAfterCreate(yaml, pairing, states, workflow);
		if (directory != null) {
			List<String> aliasLines = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			values.forEach((header, found) -> {
				FieldDefinition field = pairing.fields.get(header);
				if (field != null && !PEOPLE_TYPES.contains(field.fieldTypeKey())) {
					return;
				}
				for (String person : found.values()) {
					PersonMatch match = directory.find(person);
					if (!match.found() && seen.add(HeaderNames.key(person))) {
						String problem = match.problem();
						int end = problem.indexOf("; ");
						aliasLines.add("    " + scalar(person) + ":    # "
								+ ((end > 0) ? problem.substring(0, end) : problem));
					}
				}
			});
			if (!aliasLines.isEmpty()) {
				yaml.append("users:\n");
				yaml.append("  aliases:    # people of the file the space does not know as written: "
						+ "fill in each with an e-mail, name or user_key (`fpimport meta --users` lists them)\n");
				aliasLines.forEach((line) -> yaml.append(line).append('\n'));
				blanks += aliasLines.size();
			}
		}
		if (!pairing.unmatched.isEmpty()) {
			yaml.append(pairing.jira ? "# Columns left unmapped (map them by hand or leave them out):\n"
					: "# Headers with no field or role of the same name (map them by hand or leave them out):\n");
			pairing.unmatched.forEach((header) -> yaml.append("#   ").append(header).append('\n'));
		}
		List<String> missing = new ArrayList<>();
		for (FieldDefinition field : catalog.fields()) {
			if (field.requirement() == Requirement.REQUIRED && field.defaultValue() == null
					&& !pairing.taken.contains(field.fieldKey())) {
				missing.add(field.fieldKey() + " (" + field.fieldName() + ", " + field.fieldTypeKey() + ")");
			}
		}
		if (!missing.isEmpty()) {
			yaml.append("# Required fields no column fills yet (add them under fields:, or name: for the name):\n");
			missing.forEach((field) -> yaml.append("#   ").append(field).append('\n'));
		}
		return new MappingDraft(yaml.toString(), pairing.unmatchedHeaders, missing, blanks, pairing.settingHeaders);
	}

	/**
	 * The {@code state:}, {@code comments:} and {@code attachments:} of a Jira export's
	 * columns. Answers how many state values are left blank.
	 */
	private static int appendAfterCreate(StringBuilder yaml, Pairing pairing, DraftValues states, Workflow workflow) {
		int blanks = 0;
		if (pairing.stateColumn != null) {
			String word = (workflow == null) ? "state or node" : workflow.nodeFlow() ? "node" : "state";
			yaml.append("state:    # after its create, each item is moved to the ")
				.append(word)
				.append(" its ")
				.append(pairing.stateColumn)
				.append(" names\n");
			yaml.append("  column: ").append(scalar(pairing.stateColumn)).append('\n');
			List<String> found = (states != null) ? states.values() : List.of();
			if (!found.isEmpty()) {
				yaml.append("  values:    # each ")
					.append(pairing.stateColumn)
					.append(" of the file to ")
					.append((workflow == null) ? "a state or node of the workflow, by name or key"
							: "one of the template's " + word + "s: " + String.join(", ", workflow.names())
									+ (workflow.nodeFlow() ? "; or abort" : ""))
					.append(states.cut() ? "; only the first " + DraftValues.MAX + " are listed" : "")
					.append('\n');
				for (String value : found) {
					String target = (workflow != null) ? stateNamed(workflow, value) : null;
					yaml.append("    ").append(scalar(value)).append(':');
					if (target != null) {
						yaml.append(' ').append(scalar(target));
					}
					else {
						blanks++;
					}
					yaml.append('\n');
				}
			}
		}
		if (!pairing.commentColumns.isEmpty()) {
			yaml.append("comments:    # one comment per non-empty cell, after the create; a Jira cell "
					+ "(date;author;body) keeps its date and author in the comment's first line\n");
			yaml.append("  ").append(columns(pairing.commentColumns)).append('\n');
		}
		if (!pairing.attachmentColumns.isEmpty()) {
			yaml.append("attachments:    # uploads the file each cell names; a Jira cell (date;author;file;url) "
					+ "names it by a URL that needs Jira's login, so download the files first\n");
			yaml.append("  ").append(columns(pairing.attachmentColumns)).append('\n');
			yaml.append("  # dir: FOLDER    the folder the files were downloaded to, where each cell's file name is "
					+ "looked up (relative to the imported file's folder, which is used without dir); "
					+ "a file not found makes its row invalid\n");
		}
		return blanks;
	}

	/**
	 * The name of the state or node a file's state names: by its own name or key, else by
	 * one half of a bilingual name ({@code Done} and {@code 已完成 Done}); {@code null} when
	 * none or several do.
	 */
	static String stateNamed(Workflow workflow, String value) {
		Optional<Workflow.State> same = workflow.state(value);
		if (same.isPresent()) {
			return same.get().name();
		}
		List<Workflow.State> named = workflow.states()
			.stream()
			.filter((state) -> HeaderNames.pair(value, state.name()))
			.toList();
		return (named.size() == 1) ? named.get(0).name() : null;
	}

	private static String columns(List<String> headers) {
		return (headers.size() == 1) ? "column: " + scalar(headers.get(0))
				: "columns: [" + String.join(", ", headers.stream().map(MappingDraft::scalar).toList()) + "]";
	}

	private static void appendBlock(StringBuilder yaml, String section, List<String> lines, List<String> candidates) {
		if (lines.isEmpty() && candidates.isEmpty()) {
			return;
		}
		yaml.append(lines.isEmpty() ? "# " : "").append(section).append(":\n");
		lines.forEach((line) -> yaml.append(line).append('\n'));
		candidates.forEach((line) -> yaml.append("  # ").append(line).append('\n'));
	}

	/**
	 * The lines under {@code values:} of an option field: each value the field does not
	 * take as it is, filled in when one option is named like it, else blank; and each
	 * value taken only as an option id. Answers how many are blank.
	 */
	private static int valueLines(FieldDefinition field, DraftValues found, List<String> lines) {
		FieldValueTranslator translator = FieldValueTranslator.forField(field, settings(), People.none());
		boolean tree = field.fieldTypeKey().startsWith("tree_");
		List<String> paths = new ArrayList<>();
		leaves(field.options(), "", paths);
		int blanks = 0;
		for (String value : found.values()) {
			var translation = translator.translate(value);
			if (translation.ok()) {
				FieldOption byId = tree ? null : byIdOnly(field, value);
				if (byId != null) {
					lines.add("      " + scalar(value) + ": " + scalar(byId.label()) + "    # the option whose id is "
							+ value + "; change it if the file means another");
				}
				continue;
			}
			List<String> named = new ArrayList<>();
			for (String path : paths) {
				String last = path.substring(path.lastIndexOf('/') + 1);
				if (HeaderNames.pair(value, last)) {
					named.add(path);
				}
			}
			if (named.size() == 1) {
				lines.add("      " + scalar(value) + ": " + scalar(named.get(0)));
			}
			else if (tree) {
				lines.add("      " + scalar(value) + ":    # " + translation.problems().get(0));
				blanks++;
			}
			else {
				lines.add("      " + scalar(value) + ":");
				blanks++;
			}
		}
		return blanks;
	}

	/**
	 * The option a value names by its id when no option is labelled like it: a number
	 * such as 1 is often another tracker's priority, not this space's option id 1.
	 */
	private static FieldOption byIdOnly(FieldDefinition field, String value) {
		FieldOption byId = null;
		for (FieldOption option : field.options()) {
			if (HeaderNames.pair(value, option.label())) {
				return null;
			}
			if (option.value().equals(value)) {
				byId = option;
			}
		}
		return byId;
	}

	/**
	 * The enabled options of a field, leaves as paths, at most {@value #LISTED_OPTIONS}.
	 */
	private static String optionList(FieldDefinition field) {
		List<String> labels = new ArrayList<>();
		leaves(field.options(), "", labels);
		String shown = String.join(", ", labels.subList(0, Math.min(LISTED_OPTIONS, labels.size())));
		return (labels.size() > LISTED_OPTIONS) ? shown + ", ..." : shown;
	}

	private static void leaves(List<FieldOption> options, String prefix, List<String> labels) {
		for (FieldOption option : options) {
			if (option.disabled()) {
				continue;
			}
			if (option.children().isEmpty()) {
				labels.add(prefix + option.label());
			}
			else {
				leaves(option.children(), prefix + option.label() + "/", labels);
			}
		}
	}

	private static void appendSource(StringBuilder yaml, SourceSection source) {
		List<String> lines = new ArrayList<>();
		if (source.sheet() != null) {
			lines.add("  sheet: " + scalar(source.sheet()));
		}
		if (source.headerRow() != null && source.headerRow() != 1) {
			lines.add("  header_row: " + source.headerRow());
		}
		if (source.encoding() != null) {
			lines.add("  encoding: " + scalar(source.encoding()));
		}
		if (source.delimiter() != null) {
			lines.add("  delimiter: " + scalar(source.delimiter()));
		}
		if (!lines.isEmpty()) {
			yaml.append("source:\n");
			lines.forEach((line) -> yaml.append(line).append('\n'));
		}
	}

	static String describe(FieldDefinition field) {
		StringBuilder text = new StringBuilder(field.fieldName()).append(", ").append(field.fieldTypeKey());
		if (field.requirement() == Requirement.REQUIRED) {
			text.append(", required");
		}
		List<String> labels = field.options()
			.stream()
			.filter((option) -> !option.disabled())
			.map(FieldOption::label)
			.toList();
		if (!labels.isEmpty()) {
			text.append(": ").append(String.join(", ", labels.subList(0, Math.min(SHOWN_OPTIONS, labels.size()))));
			if (labels.size() > SHOWN_OPTIONS) {
				text.append(", ...");
			}
		}
		return text.toString();
	}

	/**
	 * A YAML scalar: plain when that reads back as the same string, else double-quoted.
	 */
	static String scalar(String text) {
		if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
			return text;
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
