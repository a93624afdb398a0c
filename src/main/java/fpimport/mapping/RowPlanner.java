package fpimport.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.PersonMatch;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.Template;
import fpimport.metadata.UserDirectory;
import fpimport.metadata.UserSource;
import fpimport.metadata.WorkItemType;
import fpimport.source.SourceRow;
import fpimport.translation.FieldSettings;
import fpimport.translation.FieldValueTranslator;
import fpimport.translation.People;
import fpimport.translation.Translation;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.MatchKey;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import fpimport.workitem.WorkItemDraft;

/**
 * Turns the rows of one file into row plans for one mapping and one space. It is built
 * once per run by {@link #prepare}, which checks the mapping against the space and the
 * file's header and refuses it with every problem at once; then {@link #resolvePeople}
 * looks up the file's people in batches; then {@link #plan} is pure and may run on
 * several threads.
 */
public final class RowPlanner {

	/** The field that receives the role owners, assembled from {@code roles:}. */
	static final String ROLE_OWNERS = "role_owners";

	private static final String SCHEDULE_JOIN = " ~ ";

	private final String fileName;

	private final String sheet;

	private final String typeKey;

	private final Long templateId;

	private final Target name;

	private final List<Target> fields;

	private final List<Target> roles;

	private final List<String> keyHeaders;

	private final String keyField;

	/** The mapping's column names (as keys of the row hash) to the file's headers. */
	private final Map<String, String> hashedHeaders;

	private final MappingSpec spec;

	private volatile UserDirectory directory;

	private RowPlanner(Builder built) {
		this.fileName = built.fileName;
		this.sheet = built.sheet;
		this.typeKey = built.typeKey;
		this.templateId = built.templateId;
		this.name = built.name;
		this.fields = List.copyOf(built.fields);
		this.roles = List.copyOf(built.roles);
		this.keyHeaders = List.copyOf(built.keyHeaders);
		this.keyField = built.keyField;
		this.hashedHeaders = new TreeMap<>(built.hashedHeaders);
		this.spec = built.spec;
	}

	/**
	 * Checks a mapping against a space and a file's header, and builds the planner.
	 * @param spec the mapping
	 * @param catalog the space's metadata for the mapping's type
	 * @param headers the file's header, in order
	 * @param fileName the file name shown in problems
	 * @param sheet the sheet shown in problems, or {@code null} for CSV
	 * @return the planner
	 * @throws InvalidMappingException with every problem: unknown fields, roles or
	 * template, columns missing from the header, settings that do not fit a field's type,
	 * invalid constants or defaults, a field mapped twice (CW-5), the name both ways
	 * (CW-9), the template as a field (CW-10), required fields left unmapped
	 */
	public static RowPlanner prepare(MappingSpec spec, SpaceCatalog catalog, List<String> headers, String fileName,
			String sheet) {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(catalog, "catalog");
		Objects.requireNonNull(fileName, "fileName");
		Builder builder = new Builder(spec, catalog, headers, fileName, sheet);
		builder.check();
		if (!builder.problems.isEmpty()) {
			String where = (sheet != null) ? fileName + ", sheet " + sheet : fileName;
			throw new InvalidMappingException("the mapping for " + where + " and type " + catalog.type().name() + " ("
					+ catalog.type().typeKey() + ")", builder.problems);
		}
		RowPlanner planner = new RowPlanner(builder);
		builder.people.planner = planner;
		return planner;
	}

	/** Whether some field or role names people, so {@link #resolvePeople} is needed. */
	public boolean namesPeople() {
		return this.fields.stream().anyMatch(Target::people) || this.roles.stream().anyMatch(Target::people);
	}

	/**
	 * The distinct texts naming people in the rows, constants and defaults: every text
	 * {@link #resolvePeople} looks up.
	 */
	public Set<String> personCells(Iterable<SourceRow> rows) {
		Set<String> persons = new LinkedHashSet<>();
		List<Target> targets = new ArrayList<>(this.fields);
		targets.addAll(this.roles);
		for (Target target : targets) {
			if (!target.people()) {
				continue;
			}
			for (String text : new String[] { target.mapping.value(), target.mapping.defaultValue() }) {
				if (text != null && !text.isBlank()) {
					persons.addAll(target.translator.persons(text));
				}
			}
		}
		for (SourceRow row : rows) {
			if (row.problem() != null) {
				continue;
			}
			for (Target target : targets) {
				if (target.people() && !target.headers.isEmpty()) {
					String cell = row.cell(target.headers.get(0));
					if (!cell.isBlank()) {
						persons.addAll(target.translator.persons(cell));
					}
				}
			}
		}
		return persons;
	}

	/**
	 * Looks up every distinct person the rows name, in batches of at most
	 * {@value UserSource#MAX_BATCH}; call it once before planning rows that name people.
	 * @return the directory the planner now uses
	 */
	public UserDirectory resolvePeople(Iterable<SourceRow> rows, UserSource users) {
		UserDirectory found = UserDirectory.lookUp(users, this.spec.users().match(), this.spec.users().aliases(),
				personCells(rows));
		this.directory = found;
		return found;
	}

	/** The key that identifies a row across runs, as {@link #plan} gives it. */
	public String rowKey(SourceRow row) {
		if (row.problem() != null) {
			// an unreadable row has no cells to identify it; it is never created
			return "unreadable row " + row.rowNumber();
		}
		if (!this.keyHeaders.isEmpty()) {
			List<String> values = new ArrayList<>();
			for (String header : this.keyHeaders) {
				values.add(row.cell(header).strip());
			}
			return String.join(" / ", values);
		}
		StringBuilder canonical = new StringBuilder();
		this.hashedHeaders.forEach((column, header) -> {
			String value = row.cell(header).strip();
			canonical.append(column.length())
				.append(':')
				.append(column)
				.append(value.length())
				.append(':')
				.append(value);
		});
		return sha256(canonical.toString());
	}

	/** The draft of a row, or every problem of the row; pure and thread-safe. */
	public RowPlan plan(SourceRow row) {
		RowRef ref = new RowRef(this.fileName, this.sheet, row.rowNumber());
		String rowKey = rowKey(row);
		if (row.problem() != null) {
			return new RowPlan(ref, rowKey, null, List.of(new RowProblem(ref, null, null, null, row.problem())));
		}
		if (namesPeople() && this.directory == null) {
			throw new IllegalStateException("resolvePeople must run before rows that name people are planned");
		}
		List<RowProblem> problems = new ArrayList<>();
		for (int i = 0; i < this.keyHeaders.size(); i++) {
			String header = this.keyHeaders.get(i);
			if (row.cell(header).isBlank()) {
				problems.add(new RowProblem(ref, header, null, null,
						"the key column " + header + " is empty; every row needs a key (key: in the mapping)"));
			}
		}
		String itemName = null;
		if (this.name != null) {
			Translation translated = this.name.translate(row, ref, problems);
			itemName = (translated != null && translated.ok()) ? (String) translated.value() : null;
		}
		List<FieldValuePair> pairs = new ArrayList<>();
		for (Target field : this.fields) {
			Translation translated = field.translate(row, ref, problems);
			if (translated != null && translated.ok()) {
				pairs.add(new FieldValuePair(field.key, translated.value()));
			}
		}
		List<Object> owners = new ArrayList<>();
		for (Target role : this.roles) {
			Translation translated = role.translate(row, ref, problems);
			if (translated != null && translated.ok()) {
				owners.add(translated.value());
			}
		}
		if (!owners.isEmpty()) {
			pairs.add(new FieldValuePair(ROLE_OWNERS, List.copyOf(owners)));
		}
		if (this.keyField != null) {
			pairs.add(new FieldValuePair(this.keyField, rowKey));
		}
		if (!problems.isEmpty()) {
			return new RowPlan(ref, rowKey, null, problems);
		}
		return new RowPlan(ref, rowKey, new WorkItemDraft(this.typeKey, this.templateId, itemName, pairs), List.of());
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/** How one field, role or the name is filled, ready for rows. */
	private static final class Target {

		private final FieldMapping mapping;

		/** The field key, the role id, or {@code name}. */
		private final String key;

		/** The name shown in problems. */
		private final String label;

		private final boolean required;

		private final boolean people;

		/** The file's headers of the mapping's columns. */
		private final List<String> headers;

		private final FieldValueTranslator translator;

		/** The translated constant or default, when they name nobody. */
		private final Translation constant;

		private final Translation fallback;

		Target(FieldMapping mapping, String key, String label, boolean required, boolean people, List<String> headers,
				FieldValueTranslator translator, Translation constant, Translation fallback) {
			this.mapping = mapping;
			this.key = key;
			this.label = label;
			this.required = required;
			this.people = people;
			this.headers = List.copyOf(headers);
			this.translator = translator;
			this.constant = constant;
			this.fallback = fallback;
		}

		boolean people() {
			return this.people;
		}

		/**
		 * The value for a row, {@code null} when the row leaves it empty; adds problems.
		 */
		Translation translate(SourceRow row, RowRef ref, List<RowProblem> problems) {
			if (this.mapping.value() != null) {
				return collect(
						(this.constant != null) ? this.constant : this.translator.translate(this.mapping.value()), ref,
						null, this.mapping.value(), problems);
			}
			String column = String.join(", ", this.headers);
			String text;
			if (this.headers.size() == 2) {
				String start = row.cell(this.headers.get(0)).strip();
				String end = row.cell(this.headers.get(1)).strip();
				if (start.isEmpty() != end.isEmpty()) {
					String empty = start.isEmpty() ? this.headers.get(0) : this.headers.get(1);
					problems.add(new RowProblem(ref, column, this.key, start + SCHEDULE_JOIN + end,
							this.label + " needs both a start and an end; " + empty + " is empty"));
					return null;
				}
				text = start.isEmpty() ? "" : start + SCHEDULE_JOIN + end;
			}
			else {
				text = row.cell(this.headers.get(0));
			}
			if (text.isBlank()) {
				if (this.mapping.defaultValue() != null) {
					Translation value = (this.fallback != null) ? this.fallback
							: this.translator.translate(this.mapping.defaultValue());
					return collect(value, ref, column, this.mapping.defaultValue(), problems);
				}
				if (this.required) {
					problems.add(new RowProblem(ref, column, this.key, null, "required field " + this.label
							+ " is empty; fill the cell or give the field a default: in the mapping"));
				}
				return null;
			}
			return collect(this.translator.translate(text), ref, column, text.strip(), problems);
		}

		private Translation collect(Translation translated, RowRef ref, String column, String value,
				List<RowProblem> problems) {
			for (String problem : translated.problems()) {
				problems.add(new RowProblem(ref, column, this.key, value, problem));
			}
			return translated;
		}

	}

	/** Turns texts naming people into user_keys through the planner's directory. */
	private static final class PlannerPeople implements People {

		private volatile RowPlanner planner;

		@Override
		public Translation userKey(String person) {
			UserDirectory directory = (this.planner != null) ? this.planner.directory : null;
			if (directory == null) {
				return Translation.refused("people are not looked up yet");
			}
			PersonMatch match = directory.find(person);
			return match.found() ? Translation.of(match.user().userKey()) : Translation.refused(match.problem());
		}

	}

	/** Checks a mapping against a space and a header, collecting every problem. */
	private static final class Builder {

		private final MappingSpec spec;

		private final SpaceCatalog catalog;

		private final String fileName;

		private final String sheet;

		private final String typeKey;

		private final List<String> headerList;

		private final Map<String, List<String>> headersByKey = new LinkedHashMap<>();

		private final List<String> problems = new ArrayList<>();

		private final PlannerPeople people = new PlannerPeople();

		private final ZoneId zone;

		private Long templateId;

		private Target name;

		private final List<Target> fields = new ArrayList<>();

		private final List<Target> roles = new ArrayList<>();

		private final List<String> keyHeaders = new ArrayList<>();

		private String keyField;

		private final Map<String, String> hashedHeaders = new LinkedHashMap<>();

		/** Field key (or role id) to the YAML path that maps it first. */
		private final Map<String, String> mappedAt = new LinkedHashMap<>();

		Builder(MappingSpec spec, SpaceCatalog catalog, List<String> headers, String fileName, String sheet) {
			this.spec = spec;
			this.catalog = catalog;
			this.fileName = fileName;
			this.sheet = sheet;
			this.typeKey = catalog.type().typeKey();
			this.headerList = List.copyOf(headers);
			for (String header : headers) {
				this.headersByKey.computeIfAbsent(MatchKey.of(header), (key) -> new ArrayList<>()).add(header);
			}
			this.zone = spec.zone();
		}

		void check() {
			WorkItemType type = this.catalog.type();
			if (!List.of(type.typeKey(), type.name(), String.valueOf(type.apiName()))
				.stream()
				.anyMatch((known) -> MatchKey.matches(known, this.spec.type()))) {
				this.problems.add("type: the mapping is for '" + this.spec.type()
						+ "', but the space's metadata is for " + typeName());
			}
			template();
			if (this.spec.name() != null) {
				// the name is sent top-level, yet it reads like any text field
				List<FieldDefinition> named = this.catalog.findFields("name");
				String label = (named.size() == 1 && named.get(0).fieldKey().equals("name")) ? named.get(0).fieldName()
						: "name";
				FieldDefinition nameField = new FieldDefinition("name", null, label, "text", Requirement.REQUIRED, null,
						List.of());
				this.name = target(this.spec.name(), "name", label, true, nameField);
				this.mappedAt.put("name", "name");
			}
			for (FieldMapping mapping : this.spec.fields()) {
				field(mapping);
			}
			for (FieldMapping mapping : this.spec.roles()) {
				role(mapping);
			}
			for (int i = 0; i < this.spec.key().size(); i++) {
				String header = header("key" + ((this.spec.key().size() > 1) ? "[" + i + "]" : ""),
						this.spec.key().get(i));
				if (header != null) {
					this.keyHeaders.add(header);
				}
			}
			keyField();
			required();
		}

		private void template() {
			String wanted = this.spec.template();
			if (wanted == null) {
				return;
			}
			List<Template> found = this.catalog.findTemplates(wanted);
			String known = String.join(", ",
					this.catalog.templates()
						.stream()
						.filter((template) -> !template.disabled())
						.map((template) -> template.name() + " (" + template.id() + ")")
						.toList());
			if (found.isEmpty()) {
				this.problems
					.add("template: unknown template '" + wanted + "' for " + typeName() + "; templates: " + known);
			}
			else if (found.size() > 1) {
				this.problems.add("template: name '" + wanted + "' is shared by templates "
						+ String.join(", ", found.stream().map(Template::id).toList()) + "; write the id");
			}
			else if (found.get(0).disabled()) {
				this.problems.add("template: template " + found.get(0).name() + " (" + found.get(0).id()
						+ ") is disabled (CW-3); templates: " + known);
			}
			else {
				try {
					this.templateId = Long.parseLong(found.get(0).id());
				}
				catch (NumberFormatException ex) {
					this.problems.add("template: the id of template " + found.get(0).name() + " is '"
							+ found.get(0).id() + "', which the create call cannot take (it takes a number)");
				}
			}
		}

		private void field(FieldMapping mapping) {
			String path = mapping.path();
			List<FieldDefinition> found = this.catalog.findFields(mapping.target());
			if (found.isEmpty()) {
				this.problems.add(path + ": unknown field '" + mapping.target() + "' for " + typeName() + "; fields: "
						+ fieldList());
				return;
			}
			if (found.size() > 1) {
				this.problems.add(path + ": name '" + mapping.target() + "' is shared by fields "
						+ String.join(", ", found.stream().map(FieldDefinition::fieldKey).toList())
						+ "; write the field_key");
				return;
			}
			FieldDefinition field = found.get(0);
			String key = field.fieldKey();
			String type = field.fieldTypeKey();
			if (key.equals("template_id") || key.equals("template") || type.equals("template")) {
				this.problems
					.add(path + ": the template is chosen by the top-level template:, never as a field (CW-10)");
				return;
			}
			if (key.equals(ROLE_OWNERS) || type.equals(ROLE_OWNERS)) {
				this.problems.add(path + ": role owners come from roles:, one entry per role");
				return;
			}
			if (key.equals("name") && this.spec.name() != null) {
				this.problems.add(path + ": the name already comes from the top-level name:; map it once (CW-9)");
				return;
			}
			if (!FieldValueTranslator.WRITABLE_TYPES.contains(type)) {
				this.problems.add(path + ": field " + field.fieldName() + " (" + key + ") has type " + type
						+ ", which cannot be written on create");
				return;
			}
			if (!once(key, path, field.fieldName())) {
				return;
			}
			if (mapping.columns().size() == 2 && !type.equals("schedule")) {
				this.problems.add(path + ".columns: two columns fit a schedule field only; " + field.fieldName()
						+ " is a " + type + " field");
			}
			if (mapping.format() != null && !type.equals("date") && !type.equals("schedule")) {
				this.problems.add(path + ".format: format applies to date and schedule fields only; "
						+ field.fieldName() + " is a " + type + " field");
			}
			if (mapping.minLevel() != null && !type.startsWith("tree_")) {
				this.problems.add(path + ".min_level: min_level applies to cascading (tree) fields only; "
						+ field.fieldName() + " is a " + type + " field");
			}
			if (mapping.split() != null && !FieldValueTranslator.multiValued(type)) {
				this.problems.add(path + ".split: split applies to multi-value fields only; " + field.fieldName()
						+ " is a " + type + " field");
			}
			Target target = target(mapping, key, field.fieldName(), field.requirement() == Requirement.REQUIRED, field);
			if (target != null) {
				this.fields.add(target);
			}
		}

		private void role(FieldMapping mapping) {
			String path = mapping.path();
			List<Role> found = this.catalog.findRoles(mapping.target());
			if (found.isEmpty()) {
				this.problems.add(path + ": unknown role '" + mapping.target() + "' for " + typeName() + "; roles: "
						+ String.join(", ",
								this.catalog.roles()
									.stream()
									.map((role) -> role.name() + " (" + role.id() + ")")
									.toList()));
				return;
			}
			if (found.size() > 1) {
				this.problems.add(path + ": name '" + mapping.target() + "' is shared by roles "
						+ String.join(", ", found.stream().map(Role::id).toList()) + "; write the role id");
				return;
			}
			Role role = found.get(0);
			if (!once("role " + role.id(), path, role.name())) {
				return;
			}
			List<String> headers = headers(mapping);
			FieldSettings settings = new FieldSettings(mapping.split(), mapping.values(), null, null, this.zone);
			FieldValueTranslator translator = FieldValueTranslator.forRole(role, settings, this.people);
			if (headers != null) {
				this.roles
					.add(new Target(mapping, role.id(), role.name(), false, true, headers, translator, null, null));
			}
		}

		private Target target(FieldMapping mapping, String key, String label, boolean required, FieldDefinition field) {
			List<String> headers = headers(mapping);
			FieldSettings settings;
			FieldValueTranslator translator;
			try {
				settings = new FieldSettings(mapping.split(), mapping.values(), mapping.format(), mapping.minLevel(),
						this.zone);
				translator = FieldValueTranslator.forField(field, settings, this.people);
			}
			catch (IllegalArgumentException ex) {
				this.problems.add(mapping.path() + ": " + ex.getMessage());
				return null;
			}
			boolean people = field.fieldTypeKey().equals("user") || field.fieldTypeKey().equals("multi_user");
			Translation constant = people ? null : constant(mapping.path() + ".value", mapping.value(), translator);
			Translation fallback = people ? null
					: constant(mapping.path() + ".default", mapping.defaultValue(), translator);
			if (headers == null) {
				return null;
			}
			return new Target(mapping, key, label, required, people, headers, translator, constant, fallback);
		}

		/** A constant or default translated once, since it is the same for every row. */
		private Translation constant(String path, String text, FieldValueTranslator translator) {
			if (text == null) {
				return null;
			}
			if (text.isBlank()) {
				this.problems.add(path + ": empty; remove it or write a value");
				return null;
			}
			Translation translated = translator.translate(text);
			for (String problem : translated.problems()) {
				this.problems.add(path + ": " + problem);
			}
			return translated;
		}

		/**
		 * The file's headers of a mapping's columns, or {@code null} when one is missing.
		 */
		private List<String> headers(FieldMapping mapping) {
			List<String> headers = new ArrayList<>();
			boolean all = true;
			for (int i = 0; i < mapping.columns().size(); i++) {
				String path = (mapping.columns().size() > 1) ? mapping.path() + ".columns[" + i + "]" : mapping.path();
				String header = header(path, mapping.columns().get(i));
				if (header == null) {
					all = false;
				}
				else {
					headers.add(header);
					this.hashedHeaders.put(MatchKey.of(mapping.columns().get(i)), header);
				}
			}
			return all ? headers : null;
		}

		private String header(String path, String column) {
			List<String> found = this.headersByKey.get(MatchKey.of(column));
			if (found == null) {
				String where = (this.sheet != null) ? this.fileName + ", sheet " + this.sheet : this.fileName;
				this.problems.add(path + ": column '" + column + "' is not in the header of " + where + "; columns: "
						+ String.join(", ", this.headerList));
				return null;
			}
			if (found.size() > 1) {
				this.problems.add(path + ": column '" + column + "' appears " + found.size()
						+ " times in the header; rename one of them in the file");
				return null;
			}
			return found.get(0);
		}

		private boolean once(String key, String path, String label) {
			String first = this.mappedAt.putIfAbsent(key, path);
			if (first != null) {
				String rule = key.startsWith("role ") ? "a role takes one column" : "a field takes one value (CW-5)";
				this.problems.add(path + ": maps " + label + " again (first at " + first + "); " + rule);
				return false;
			}
			return true;
		}

		private void keyField() {
			String wanted = this.spec.keyField();
			if (wanted == null) {
				return;
			}
			List<FieldDefinition> found = this.catalog.findFields(wanted);
			if (found.size() != 1) {
				this.problems.add("key_field: " + (found.isEmpty() ? "unknown field '" + wanted + "' for " + typeName()
						: "name '" + wanted + "' is shared by fields "
								+ String.join(", ", found.stream().map(FieldDefinition::fieldKey).toList())));
				return;
			}
			FieldDefinition field = found.get(0);
			if (!MappingSpec.KEY_FIELD_TYPES.contains(field.fieldTypeKey())) {
				this.problems.add("key_field: field " + field.fieldName() + " (" + field.fieldKey() + ") is a "
						+ field.fieldTypeKey() + " field; the row key needs a field of type "
						+ String.join(", ", MappingSpec.KEY_FIELD_TYPES) + " (searchable with '=' and a string)");
				return;
			}
			if (field.fieldKey().equals("name")) {
				this.problems.add("key_field: name cannot hold the row key; name a text field of your own");
				return;
			}
			if (once(field.fieldKey(), "key_field", field.fieldName())) {
				this.keyField = field.fieldKey();
			}
		}

		private void required() {
			for (FieldDefinition field : this.catalog.fields()) {
				if (field.requirement() != Requirement.REQUIRED || field.defaultValue() != null) {
					continue;
				}
				String key = field.fieldKey();
				boolean filled = this.mappedAt.containsKey(key)
						|| (key.equals(ROLE_OWNERS) && !this.spec.roles().isEmpty()) || key.equals("template")
						|| key.equals("template_id") || field.fieldTypeKey().equals("template");
				if (!filled) {
					String where = key.equals("name") ? "name" : "fields";
					this.problems.add(where + ": required field " + field.fieldName() + " (" + key
							+ ") is not mapped and has no default; "
							+ (key.equals("name") ? "add name: <column>" : "add it under fields:"));
				}
			}
		}

		private String typeName() {
			return this.catalog.type().name() + " (" + this.typeKey + ")";
		}

		private String fieldList() {
			return String.join(", ",
					this.catalog.fields()
						.stream()
						.filter((field) -> FieldValueTranslator.WRITABLE_TYPES.contains(field.fieldTypeKey()))
						.map((field) -> field.fieldName() + " (" + field.fieldKey() + ")")
						.toList());
		}

	}

}
