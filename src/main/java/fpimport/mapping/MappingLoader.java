package fpimport.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fpimport.metadata.PersonForm;
import fpimport.translation.FieldSettings;
import fpimport.failure.FpImportException;
import fpimport.workitem.Printable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a mapping file into a {@link MappingSpec}, reporting every problem at once, each
 * with its YAML path, as one {@link InvalidMappingException}.
 */
public final class MappingLoader {

	static final List<String> TOP = List.of("project", "type", "template", "key", "key_field", "timezone", "source",
			"name", "fields", "roles", "users", "state", "comments", "attachments");

	static final List<String> STATE = List.of("column", "value", "values", "fields", "abort");

	static final List<String> ABORT = List.of("column", "values");

	static final List<String> COMMENTS = List.of("column", "columns");

	static final List<String> ATTACHMENTS = List.of("column", "columns", "dir", "field");

	static final List<String> FIELD = List.of("column", "columns", "value", "default", "values", "split", "format",
			"min_level", "join", "refers_to");

	static final List<String> REFERS_TO = List.of("by", "type", "key_field", "later");

	static final List<String> ROLE = List.of("column", "value", "default", "values", "split");

	static final List<String> NAME = List.of("column", "value", "default");

	static final List<String> SOURCE = List.of("sheet", "header_row", "encoding", "delimiter");

	static final List<String> USERS = List.of("match", "aliases");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final List<String> problems = new ArrayList<>();

	private MappingLoader() {
	}

	/**
	 * Reads and checks a mapping file, as {@link MappingFile#read} does.
	 * @throws InvalidMappingException listing every problem of the mapping
	 * @throws FpImportException ({@code INVALID_INPUT}) when the file cannot be read
	 */
	public static MappingSpec load(Path yaml) {
		return MappingFile.read(yaml).spec();
	}

	/** The largest mapping file read: a real one is a few kilobytes. */
	public static final long MAX_BYTES = 1024 * 1024;

	/**
	 * Refuses a mapping file larger than {@link #MAX_BYTES} before it is read, so that no
	 * file can exhaust the memory; a file that does not exist passes, for its reader to
	 * say so.
	 * @throws FpImportException ({@code INVALID_INPUT}) naming the file and the limit
	 */
	public static void checkSize(Path yaml) {
		long size;
		try {
			size = Files.size(yaml);
		}
		catch (IOException ex) {
			return;
		}
		if (size > MAX_BYTES) {
			throw new FpImportException(FpImportException.Reason.INVALID_INPUT,
					yaml + ": " + size + " bytes is too large for a mapping (at most " + MAX_BYTES + " bytes)",
					"check the path given to --mapping: it names the mapping YAML, not the data file");
		}
	}

	/**
	 * Reads and checks the text of a mapping.
	 * @param yaml the YAML text
	 * @param name the file name used in messages
	 * @throws InvalidMappingException listing every problem of the mapping
	 */
	public static MappingSpec parse(String yaml, String name) {
		MappingLoader loader = new MappingLoader();
		JsonNode root;
		try {
			root = YAML.readTree(yaml);
		}
		catch (JacksonException ex) {
			throw new InvalidMappingException("mapping " + name, List.of(yamlProblem(yaml, ex)));
		}
		MappingSpec spec = loader.spec(root);
		if (!loader.problems.isEmpty()) {
			throw new InvalidMappingException("mapping " + name, loader.problems);
		}
		return spec;
	}

	private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("line (\\d+), column (\\d+):");

	/**
	 * A YAML syntax error in one line: the place the YAML parser marks (the place of the
	 * last token, which Jackson reports, may be lines before it), its words, and the line
	 * quoted.
	 */
	static String yamlProblem(String yaml, JacksonException ex) {
		String original = String.valueOf(ex.getOriginalMessage());
		int line = 0;
		int column = 0;
		java.util.regex.Matcher mark = MARK.matcher(original);
		while (mark.find()) {
			line = Integer.parseInt(mark.group(1));
			column = Integer.parseInt(mark.group(2));
		}
		TokenStreamLocation at = ex.getLocation();
		if (line == 0 && at != null && at.getLineNr() > 0) {
			line = at.getLineNr();
			column = at.getColumnNr();
		}
		StringBuilder words = new StringBuilder();
		for (String part : original.split("\n")) {
			if (part.startsWith(" in ") || part.startsWith("    ") || part.isBlank()) {
				continue;
			}
			words.append((words.length() > 0) ? " " : "").append(part.strip());
		}
		if (line == 0) {
			return "YAML: not valid YAML: " + words;
		}
		String[] lines = yaml.split("\r?\n", -1);
		String quoted = (line <= lines.length) ? "; the line reads '" + Printable.line(lines[line - 1]) + "'" : "";
		return "line " + line + ", column " + column + ": not valid YAML: " + words + quoted;
	}

	private MappingSpec spec(JsonNode root) {
		if (root == null || root.isMissingNode() || root.isNull()) {
			this.problems.add("(top): the mapping is empty; it needs at least type: and fields:");
			return null;
		}
		if (!root.isObject()) {
			this.problems.add("(top): the mapping must be a YAML mapping of settings such as type: and fields:");
			return null;
		}
		unknownKeys(root, "", TOP);
		String project = scalar(root, "project", "project");
		String type = scalar(root, "type", "type");
		if (type == null && (root.get("type") == null || root.get("type").isNull())) {
			this.problems.add("type: missing; write the work item type key or name, such as type: story");
		}
		String template = scalar(root, "template", "template");
		List<String> key = stringList(root.get("key"), "key");
		String keyField = scalar(root, "key_field", "key_field");
		ZoneId zone = zone(root);
		SourceSection source = source(root.get("source"));
		FieldMapping name = nameMapping(root.get("name"));
		List<FieldMapping> fields = entries(root.get("fields"), "fields", FIELD);
		List<FieldMapping> roles = entries(root.get("roles"), "roles", ROLE);
		UserSettings users = users(root.get("users"));
		AfterCreateSpec after = afterCreate(root);
		if (root.has("fields") && fields.isEmpty() && roles.isEmpty() && name == null) {
			this.problems.add("fields: maps nothing; map at least one column");
		}
		for (FieldMapping field : fields) {
			String target = field.target().strip();
			// the binder checks again with the field the space has under this name
			addProblem(TargetRules.asField(field.path(), target, null, name != null));
			if (target.equals(keyField)) {
				this.problems.add(TargetRules.keyFieldAlsoMapped(keyField, field.path()));
			}
		}
		if (keyField != null) {
			addProblem(TargetRules.keyFieldReserved(keyField));
		}
		if (!this.problems.isEmpty()) {
			return null;
		}
		return new MappingSpec(project, type, template, key, keyField, zone, source, name, fields, roles, users, after);
	}

	private AfterCreateSpec afterCreate(JsonNode root) {
		AfterCreateSpec.StateSpec state = null;
		JsonNode node = root.get("state");
		if (node != null && !node.isNull()) {
			if (!node.isObject()) {
				this.problems.add("state: write column: (with values:) or value:");
			}
			else {
				unknownKeys(node, "state.", STATE);
				String column = scalar(node, "column", "state.column");
				String value = scalar(node, "value", "state.value");
				if ((column == null) == (value == null)) {
					this.problems.add("state: give one of column: and value:");
				}
				Map<String, String> values = stringMap(node.get("values"), "state.values");
				List<FieldMapping> fields = entries(node.get("fields"), "state.fields", FIELD);
				String abortColumn = null;
				List<String> abortValues = List.of();
				JsonNode abort = node.get("abort");
				if (abort != null && !abort.isNull()) {
					if (!abort.isObject()) {
						this.problems.add("state.abort: write column: and values:");
					}
					else {
						unknownKeys(abort, "state.abort.", ABORT);
						abortColumn = scalar(abort, "column", "state.abort.column");
						abortValues = stringList(abort.get("values"), "state.abort.values");
						if (abortColumn == null || abortValues.isEmpty()) {
							this.problems.add("state.abort: give column: and the values: that abort the item");
						}
					}
				}
				state = new AfterCreateSpec.StateSpec(column, value, values, fields, abortColumn, abortValues);
			}
		}
		List<String> comments = columns(root.get("comments"), "comments", COMMENTS);
		AfterCreateSpec.AttachmentSpec attachments = null;
		JsonNode files = root.get("attachments");
		if (files != null && !files.isNull()) {
			List<String> columns = columns(files, "attachments", ATTACHMENTS);
			String dir = files.isObject() ? scalar(files, "dir", "attachments.dir") : null;
			String field = files.isObject() ? scalar(files, "field", "attachments.field") : null;
			attachments = new AfterCreateSpec.AttachmentSpec(columns, dir, field);
		}
		return new AfterCreateSpec(state, comments, attachments);
	}

	/** The columns of {@code comments:} or {@code attachments:}: column: or columns:. */
	private List<String> columns(JsonNode node, String path, List<String> allowed) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (node.isValueNode()) {
			return List.of(node.asString());
		}
		if (!node.isObject()) {
			this.problems.add(path + ": write column: or columns:");
			return List.of();
		}
		unknownKeys(node, path + ".", allowed);
		List<String> columns = new ArrayList<>();
		String column = scalar(node, "column", path + ".column");
		if (column != null) {
			columns.add(column);
		}
		columns.addAll(stringList(node.get("columns"), path + ".columns"));
		if (columns.isEmpty()) {
			this.problems.add(path + ": give column: or columns:");
		}
		return columns;
	}

	private void addProblem(String problem) {
		if (problem != null) {
			this.problems.add(problem);
		}
	}

	private ZoneId zone(JsonNode root) {
		String text = scalar(root, "timezone", "timezone");
		if (text == null) {
			return null;
		}
		try {
			return ZoneId.of(text.strip());
		}
		catch (DateTimeException ex) {
			this.problems.add("timezone: unknown time zone '" + text + "'; write a zone such as Asia/Shanghai or UTC");
			return null;
		}
	}

	private SourceSection source(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			this.problems.add("source: must hold settings such as sheet: and header_row:");
			return null;
		}
		unknownKeys(node, "source.", SOURCE);
		Integer headerRow = null;
		JsonNode row = node.get("header_row");
		if (row != null) {
			if (row.isIntegralNumber() && row.asInt() >= 1) {
				headerRow = row.asInt();
			}
			else {
				this.problems.add("source.header_row: must be a row number, 1 or more; got '" + row.asString() + "'");
			}
		}
		return new SourceSection(scalar(node, "sheet", "source.sheet"), headerRow,
				scalar(node, "encoding", "source.encoding"), scalar(node, "delimiter", "source.delimiter"));
	}

	private FieldMapping nameMapping(JsonNode node) {
		if (node == null) {
			return null;
		}
		return entry("name", "name", node, NAME);
	}

	private List<FieldMapping> entries(JsonNode node, String section, List<String> allowed) {
		List<FieldMapping> entries = new ArrayList<>();
		if (node == null || node.isNull()) {
			return entries;
		}
		if (!node.isObject()) {
			this.problems.add(section + ": must map each target to a column or to settings");
			return entries;
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			FieldMapping entry = entry(property.getKey(), section + "." + property.getKey(), property.getValue(),
					allowed);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries;
	}

	private FieldMapping entry(String target, String path, JsonNode node, List<String> allowed) {
		if (node == null || node.isNull()) {
			this.problems.add(path + ": empty; write the column, or settings such as column:");
			return null;
		}
		if (node.isValueNode()) {
			String column = node.asString();
			if (column.isBlank()) {
				this.problems.add(path + ": empty; write the column, or settings such as column:");
				return null;
			}
			return FieldMapping.column(target, path, column);
		}
		if (!node.isObject()) {
			this.problems.add(path + ": write the column, or settings such as column:");
			return null;
		}
		int before = this.problems.size();
		unknownKeys(node, path + ".", allowed);
		String column = scalar(node, "column", path + ".column");
		if (column != null && column.isBlank()) {
			this.problems.add(path + ".column: empty; write the column's header");
		}
		List<String> columns = new ArrayList<>();
		if (node.has("columns")) {
			columns = stringList(node.get("columns"), path + ".columns");
			if (columns.size() != 2 && this.problems.size() == before) {
				this.problems.add(path + ".columns: give two columns, the start and the end of a schedule");
			}
		}
		String value = scalar(node, "value", path + ".value");
		String defaultValue = scalar(node, "default", path + ".default");
		int sources = (node.has("column") ? 1 : 0) + (node.has("columns") ? 1 : 0) + (node.has("value") ? 1 : 0);
		if (sources == 0) {
			this.problems.add(path + ": give column:, columns: or value:");
		}
		else if (sources > 1) {
			this.problems.add(path + ": give only one of column:, columns: and value:");
		}
		if (node.has("value") && node.has("default")) {
			this.problems.add(path + ".default: a constant value: needs no default");
		}
		Map<String, String> values = stringMap(node.get("values"), path + ".values");
		String split = scalar(node, "split", path + ".split");
		if (split != null && split.isEmpty()) {
			this.problems.add(path + ".split: empty; write the separator, such as \",\"");
		}
		String format = scalar(node, "format", path + ".format");
		if (format != null) {
			String problem = FieldSettings.formatProblem(format);
			if (problem != null) {
				this.problems.add(path + ".format: " + problem);
			}
		}
		String join = scalar(node, "join", path + ".join");
		Integer minLevel = null;
		JsonNode level = node.get("min_level");
		if (level != null) {
			if (level.isIntegralNumber() && level.asInt() >= 1) {
				minLevel = level.asInt();
			}
			else {
				this.problems
					.add(path + ".min_level: must be a level number, 1 or more; got '" + level.asString() + "'");
			}
		}
		RefersTo refersTo = refersTo(node.get("refers_to"), path + ".refers_to");
		if (this.problems.size() > before) {
			return null;
		}
		List<String> sourceColumns = (column != null) ? List.of(column) : columns;
		return new FieldMapping(target, path, sourceColumns, value, defaultValue, values, split, format, minLevel, join,
				refersTo);
	}

	/** A relation field's {@code refers_to:}, or {@code null} when absent. */
	private RefersTo refersTo(JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			this.problems.add(path + ": write settings such as by: (the column of the rows it names)");
			return null;
		}
		unknownKeys(node, path + ".", REFERS_TO);
		String by = scalar(node, "by", path + ".by");
		String type = scalar(node, "type", path + ".type");
		String keyField = scalar(node, "key_field", path + ".key_field");
		for (String[] setting : new String[][] { { "by", by }, { "type", type }, { "key_field", keyField } }) {
			if (setting[1] != null && setting[1].isBlank()) {
				this.problems.add(path + "." + setting[0] + ": empty; remove it or write a value");
			}
		}
		boolean later = false;
		JsonNode laterNode = node.get("later");
		if (laterNode != null && !laterNode.isNull()) {
			if (!laterNode.isBoolean()) {
				this.problems.add(path + ".later: must be true or false; got '" + laterNode.asString() + "'");
			}
			else {
				later = laterNode.asBoolean();
			}
		}
		return new RefersTo((by == null) ? null : by.strip(), (type == null) ? null : type.strip(),
				(keyField == null) ? null : keyField.strip(), later);
	}

	private UserSettings users(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			this.problems.add("users: must hold match: and/or aliases:");
			return null;
		}
		unknownKeys(node, "users.", USERS);
		List<PersonForm> match = new ArrayList<>();
		if (node.has("match")) {
			List<String> words = stringList(node.get("match"), "users.match");
			for (int i = 0; i < words.size(); i++) {
				Optional<PersonForm> form = PersonForm.of(words.get(i).strip());
				if (form.isEmpty()) {
					this.problems.add("users.match[" + i + "]: unknown form '" + words.get(i)
							+ "'; use email, name and user_key, in the order to try them");
				}
				else if (match.contains(form.get())) {
					this.problems.add("users.match[" + i + "]: " + words.get(i) + " is listed twice");
				}
				else {
					match.add(form.get());
				}
			}
			if (words.isEmpty() && node.get("match") != null && node.get("match").isArray()) {
				this.problems.add("users.match: empty; list email, name and/or user_key");
			}
		}
		Map<String, String> aliases = stringMap(node.get("aliases"), "users.aliases");
		if (match.isEmpty()) {
			match = UserSettings.DEFAULT.match();
		}
		return new UserSettings(match, aliases);
	}

	private void unknownKeys(JsonNode node, String prefix, List<String> allowed) {
		Set<String> known = Set.copyOf(allowed);
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				this.problems.add(prefix + name + ": unknown setting; settings here: " + String.join(", ", allowed));
			}
		}
	}

	/**
	 * A scalar's text, or {@code null} when absent; a problem when it is not a scalar.
	 */
	private String scalar(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isValueNode()) {
			this.problems.add(path + ": must be a single value, not a list or mapping");
			return null;
		}
		return node.asString();
	}

	private List<String> stringList(JsonNode node, String path) {
		List<String> list = new ArrayList<>();
		if (node == null || node.isNull()) {
			return list;
		}
		if (node.isValueNode()) {
			list.add(node.asString());
			return list;
		}
		if (!node.isArray()) {
			this.problems.add(path + ": must be a value or a list of values");
			return list;
		}
		int i = 0;
		for (JsonNode item : node.values()) {
			if (!item.isValueNode() || item.isNull() || item.asString().isBlank()) {
				this.problems.add(path + "[" + i + "]: must be a non-empty value");
			}
			else {
				list.add(item.asString());
			}
			i++;
		}
		return list;
	}

	private Map<String, String> stringMap(JsonNode node, String path) {
		Map<String, String> map = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return map;
		}
		if (!node.isObject()) {
			this.problems.add(path + ": must map texts to texts, such as {紧急: P0}");
			return map;
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			JsonNode value = property.getValue();
			if (value.isNull()) {
				this.problems.add(path + "." + property.getKey()
						+ ": empty; write what it stands for (an option, a person ...) or delete the line");
			}
			else if (!value.isValueNode()) {
				this.problems.add(path + "." + property.getKey() + ": must be a single value");
			}
			else {
				map.put(property.getKey(), value.asString());
			}
		}
		return map;
	}

}
