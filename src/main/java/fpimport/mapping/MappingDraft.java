package fpimport.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.translation.FieldKinds;

/**
 * A starting mapping for {@code fpimport init-mapping}: each header paired with the field
 * or role of the same name, unmatched headers and still-unmapped required fields listed
 * as comments. When every header matched, the text loads without problems.
 */
public final class MappingDraft {

	private static final Pattern PLAIN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_\\-./()（）]*");

	private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

	private static final int SHOWN_OPTIONS = 8;

	private final String yaml;

	private final List<String> unmatchedHeaders;

	private final List<String> unmappedRequired;

	private MappingDraft(String yaml, List<String> unmatchedHeaders, List<String> unmappedRequired) {
		this.yaml = yaml;
		this.unmatchedHeaders = List.copyOf(unmatchedHeaders);
		this.unmappedRequired = List.copyOf(unmappedRequired);
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
	 * The draft for a file's headers and a type, with what it could not map.
	 * @param headers the file's header, in order
	 * @param catalog the type's metadata
	 * @param project the project_key to write, or {@code null} to leave it for
	 * {@code --project}
	 * @param source the reader settings to write under {@code source:} (those that are
	 * not {@code null})
	 * @return the draft
	 */
	public static MappingDraft of(List<String> headers, SpaceCatalog catalog, String project, SourceSection source) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# fpimport mapping for ")
			.append(catalog.type().name())
			.append(" (")
			.append(catalog.type().typeKey())
			.append("), drafted by init-mapping.\n");
		yaml.append(
				"# Every setting is described in docs/mapping.md; check it with: fpimport validate FILE --mapping THIS.yaml\n");
		if (project != null) {
			yaml.append("project: ").append(scalar(project)).append('\n');
		}
		else {
			yaml.append("# project: <project_key>    (or give --project)\n");
		}
		yaml.append("type: ").append(scalar(catalog.type().typeKey())).append('\n');
		appendSource(yaml, (source != null) ? source : SourceSection.DEFAULT);
		Set<String> mapped = new HashSet<>();
		List<String> fieldLines = new ArrayList<>();
		List<String> roleLines = new ArrayList<>();
		List<String> unmatched = new ArrayList<>();
		List<String> unmatchedHeaders = new ArrayList<>();
		String nameColumn = null;
		for (String header : headers) {
			if (header.isBlank()) {
				continue;
			}
			FieldDefinition field = field(catalog, header);
			if (field != null && field.fieldKey().equals("name") && nameColumn == null) {
				nameColumn = header;
				mapped.add("name");
				continue;
			}
			if (field != null && mapped.add(field.fieldKey())) {
				fieldLines.add("  " + scalar(field.fieldKey()) + ": " + scalar(header) + "    # " + describe(field));
				continue;
			}
			List<Role> roles = catalog.findRoles(header);
			if (field == null && roles.size() == 1 && mapped.add("role " + roles.get(0).id())) {
				Role role = roles.get(0);
				String key = (role.key() != null && !role.key().isBlank()) ? role.key() : role.id();
				roleLines.add("  " + scalar(key) + ": " + scalar(header) + "    # role " + role.name()
						+ (role.multi() ? ", several people" : ", one person"));
				continue;
			}
			unmatched.add(header + ((field != null) ? "    (" + field.fieldKey() + " is already mapped)" : ""));
			unmatchedHeaders.add(header);
		}
		if (nameColumn != null) {
			yaml.append("name: ").append(scalar(nameColumn)).append('\n');
		}
		if (!fieldLines.isEmpty()) {
			yaml.append("fields:\n");
			fieldLines.forEach((line) -> yaml.append(line).append('\n'));
		}
		if (!roleLines.isEmpty()) {
			yaml.append("roles:\n");
			roleLines.forEach((line) -> yaml.append(line).append('\n'));
		}
		if (!unmatched.isEmpty()) {
			yaml.append("# Headers with no field or role of the same name (map them by hand or leave them out):\n");
			unmatched.forEach((header) -> yaml.append("#   ").append(header).append('\n'));
		}
		List<String> missing = new ArrayList<>();
		for (FieldDefinition field : catalog.fields()) {
			if (field.requirement() == Requirement.REQUIRED && field.defaultValue() == null
					&& !mapped.contains(field.fieldKey())) {
				missing.add(field.fieldKey() + " (" + field.fieldName() + ", " + field.fieldTypeKey() + ")");
			}
		}
		if (!missing.isEmpty()) {
			yaml.append("# Required fields no column fills yet (add them under fields:, or name: for the name):\n");
			missing.forEach((field) -> yaml.append("#   ").append(field).append('\n'));
		}
		return new MappingDraft(yaml.toString(), unmatchedHeaders, missing);
	}

	/** The YAML text. */
	public String yaml() {
		return this.yaml;
	}

	/** The headers that matched no field or role, or only one already mapped. */
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

	/** The one writable field named like the header, or {@code null}. */
	private static FieldDefinition field(SpaceCatalog catalog, String header) {
		List<FieldDefinition> found = catalog.findFields(header);
		if (found.size() != 1) {
			return null;
		}
		FieldDefinition field = found.get(0);
		boolean writable = field.fieldKey().equals("name") || FieldKinds.writable(field.fieldTypeKey());
		return writable ? field : null;
	}

	private static String describe(FieldDefinition field) {
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
