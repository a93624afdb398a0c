package fpimport.mapping;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Function;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.failure.FpImportException;
import fpimport.translation.RowNamesTranslator;
import fpimport.workitem.ReferenceField;
import fpimport.metadata.Template;
import fpimport.metadata.WorkItemType;
import fpimport.translation.FieldKind;
import fpimport.translation.FieldKind.Setting;
import fpimport.translation.FieldKinds;
import fpimport.translation.FieldSettings;
import fpimport.translation.FieldValueTranslator;
import fpimport.translation.Translation;
import fpimport.workitem.ColumnKeys;
import fpimport.workitem.MatchKey;
import fpimport.workitem.NearMatch;

/**
 * Checks a mapping against a space and a file's header and binds it: each entry to its
 * field or role, each column to its header, each field to the translator of its kind.
 * Every problem is collected, so the user sees them all at once.
 */
public final class MappingBinder {

	private final MappingSpec spec;

	private final SpaceCatalog catalog;

	private final String fileName;

	private final String sheet;

	private final String typeKey;

	/** The file's column keys, in order. */
	private final List<String> headerList;

	private final List<String> problems = new ArrayList<>();

	private final DirectoryPeople people = new DirectoryPeople();

	private final ZoneId zone;

	private Long templateId;

	private BoundField name;

	private final List<BoundField> fields = new ArrayList<>();

	private final List<BoundField> roles = new ArrayList<>();

	private final List<BoundColumn> keyHeaders = new ArrayList<>();

	private String keyField;

	private AfterCreateBinding after;

	private final Map<String, BoundColumn> hashedHeaders = new LinkedHashMap<>();

	/** Field key (or role id) to the YAML path that maps it first. */
	private final Map<String, String> mappedAt = new LinkedHashMap<>();

	/** The most names a problem lists when none is near. */
	private static final int LISTED = 15;

	/** The kinds of names (fields, roles, ...) whose list a problem already gave. */
	private final Set<String> listed = new HashSet<>();

	private MappingBinder(MappingSpec spec, SpaceCatalog catalog, List<String> headers, String fileName, String sheet) {
		this.spec = spec;
		this.catalog = catalog;
		this.fileName = fileName;
		this.sheet = sheet;
		this.typeKey = catalog.type().typeKey();
		this.headerList = List.copyOf(headers);
		this.zone = spec.zone();
	}

	/**
	 * Checks a mapping against a space and a file's header, and binds it.
	 * @param spec the mapping
	 * @param catalog the space's metadata for the mapping's type
	 * @param headers the file's column keys, in order
	 * ({@link fpimport.source.RowSource#headers})
	 * @param fileName the file name shown in problems
	 * @param sheet the sheet shown in problems, or {@code null} for CSV
	 * @return the bound mapping
	 * @throws InvalidMappingException with every problem: unknown fields, roles or
	 * template, columns missing from the header, settings that do not fit a field's kind,
	 * invalid constants or defaults, a field mapped twice (CW-5), the name both ways
	 * (CW-9), the template as a field (CW-10), required fields left unmapped
	 */
	public static BoundMapping bind(MappingSpec spec, SpaceCatalog catalog, List<String> headers, String fileName,
			String sheet) {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(catalog, "catalog");
		Objects.requireNonNull(fileName, "fileName");
		MappingBinder binder = new MappingBinder(spec, catalog, headers, fileName, sheet);
		binder.check();
		if (!binder.problems.isEmpty()) {
			String where = (sheet != null) ? fileName + ", sheet " + sheet : fileName;
			throw new InvalidMappingException("the mapping for " + where + " and type " + catalog.type().name() + " ("
					+ catalog.type().typeKey() + ")", binder.problems);
		}
		return new BoundMapping(fileName, sheet, binder.typeKey, binder.templateId, binder.name, binder.fields,
				binder.roles, binder.keyHeaders, binder.keyField, binder.hashedHeaders, spec.users(), binder.people,
				binder.after, binder.headerList);
	}

	private void check() {
		WorkItemType type = this.catalog.type();
		if (!List.of(type.typeKey(), type.name(), String.valueOf(type.apiName()))
			.stream()
			.anyMatch((known) -> MatchKey.matches(known, this.spec.type()))) {
			this.problems.add("type: the mapping is for '" + this.spec.type() + "', but the space's metadata is for "
					+ typeName());
		}
		template();
		if (this.spec.name() != null) {
			// the name is sent top-level, yet it reads like any text field
			List<FieldDefinition> named = this.catalog.findFields("name");
			String label = (named.size() == 1 && named.get(0).fieldKey().equals("name")) ? named.get(0).fieldName()
					: "name";
			FieldDefinition nameField = new FieldDefinition("name", null, label, "text", Requirement.REQUIRED, null,
					List.of());
			this.name = target(this.spec.name(), "name", label, true, nameField, FieldKinds.of("text").orElseThrow());
			this.mappedAt.put("name", "name");
		}
		for (FieldMapping mapping : this.spec.fields()) {
			field(mapping);
		}
		for (FieldMapping mapping : this.spec.roles()) {
			role(mapping);
		}
		for (int i = 0; i < this.spec.key().size(); i++) {
			BoundColumn header = header("key" + ((this.spec.key().size() > 1) ? "[" + i + "]" : ""),
					this.spec.key().get(i));
			if (header != null) {
				this.keyHeaders.add(header);
			}
		}
		keyField();
		required();
		afterCreate();
	}

	private void afterCreate() {
		AfterCreateSpec after = this.spec.after();
		AfterCreateSpec.StateSpec state = after.state();
		BoundColumn stateHeader = null;
		BoundColumn abortHeader = null;
		List<BoundField> stateFields = new ArrayList<>();
		if (state != null) {
			stateHeader = (state.column() != null) ? header("state.column", state.column()) : null;
			abortHeader = (state.abortColumn() != null) ? header("state.abort.column", state.abortColumn()) : null;
			for (FieldMapping mapping : state.fields()) {
				BoundField bound = boundField(mapping, false);
				if (bound != null) {
					stateFields.add(bound);
				}
			}
		}
		List<BoundColumn> commentHeaders = new ArrayList<>();
		for (int i = 0; i < after.comments().size(); i++) {
			BoundColumn header = header("comments.columns[" + i + "]", after.comments().get(i));
			if (header != null) {
				commentHeaders.add(header);
			}
		}
		List<BoundColumn> fileHeaders = new ArrayList<>();
		String fileField = null;
		AfterCreateSpec.AttachmentSpec files = after.attachments();
		if (files != null) {
			for (int i = 0; i < files.columns().size(); i++) {
				BoundColumn header = header("attachments.columns[" + i + "]", files.columns().get(i));
				if (header != null) {
					fileHeaders.add(header);
				}
			}
			List<FieldDefinition> candidates = (files.field() != null) ? this.catalog.findFields(files.field())
					: this.catalog.fields().stream().filter((f) -> f.fieldTypeKey().equals("multi_file")).toList();
			if (candidates.isEmpty() || !candidates.get(0).fieldTypeKey().equals("multi_file")) {
				this.problems.add("attachments"
						+ ((files.field() != null)
								? ".field: '" + files.field() + "' is not" : ": " + typeName() + " has no")
						+ " attachment (multi_file) field; attachment fields: "
						+ String.join(", ",
								this.catalog.fields()
									.stream()
									.filter((f) -> f.fieldTypeKey().equals("multi_file"))
									.map(FieldDefinition::fieldName)
									.toList()));
			}
			else {
				fileField = candidates.get(0).fieldKey();
			}
		}
		this.after = new AfterCreateBinding(state, stateHeader, stateFields, abortHeader, commentHeaders, fileHeaders,
				(files != null) ? files.dir() : null, fileField, this.people);
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
			List<Template> enabled = this.catalog.templates()
				.stream()
				.filter((template) -> !template.disabled())
				.toList();
			this.problems.add("template: unknown template '" + wanted + "' for " + typeName() + "; "
					+ nearOrList(wanted, "templates", enabled, (template) -> List.of(template.name(), template.id()),
							(template) -> template.name() + " (" + template.id() + ")"));
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
				this.problems.add("template: the id of template " + found.get(0).name() + " is '" + found.get(0).id()
						+ "', which the create call cannot take (it takes a number)");
			}
		}
	}

	private void field(FieldMapping mapping) {
		BoundField bound = boundField(mapping, true);
		if (bound != null) {
			this.fields.add(bound);
		}
	}

	/** A field mapping bound, or {@code null} with its problems added. */
	private BoundField boundField(FieldMapping mapping, boolean register) {
		String path = mapping.path();
		List<FieldDefinition> found = this.catalog.findFields(mapping.target());
		if (found.isEmpty()) {
			this.problems.add(path + ": unknown field '" + mapping.target() + "' for " + typeName() + "; "
					+ unknownField(mapping.target()));
			return null;
		}
		if (found.size() > 1) {
			this.problems.add(path + ": name '" + mapping.target() + "' is shared by fields "
					+ String.join(", ", found.stream().map(FieldDefinition::fieldKey).toList())
					+ "; write the field_key");
			return null;
		}
		FieldDefinition field = found.get(0);
		String key = field.fieldKey();
		String type = field.fieldTypeKey();
		String misplaced = TargetRules.asField(path, key, type, this.spec.name() != null);
		if (misplaced != null) {
			this.problems.add(misplaced);
			return null;
		}
		FieldKind kind = FieldKinds.of(type).orElse(null);
		if (kind == null) {
			this.problems.add(path + ": " + FieldKinds.notWritable(field));
			return null;
		}
		if (register && !once(key, path, field.fieldName())) {
			return null;
		}
		String is = field.fieldName() + " is a " + type + " field";
		if (mapping.columns().size() == 2 && !kind.takes(Setting.TWO_COLUMNS)) {
			this.problems.add(path + ".columns: two columns fit a "
					+ String.join(" or ", FieldKinds.taking(Setting.TWO_COLUMNS)) + " field only; " + is);
		}
		if (mapping.format() != null && !kind.takes(Setting.FORMAT)) {
			this.problems.add(path + ".format: format applies to "
					+ String.join(" and ", FieldKinds.taking(Setting.FORMAT)) + " fields only; " + is);
		}
		if (mapping.minLevel() != null && !kind.takes(Setting.MIN_LEVEL)) {
			this.problems.add(path + ".min_level: min_level applies to cascading (tree) fields only; " + is);
		}
		if (mapping.split() != null && !kind.takes(Setting.SPLIT)) {
			this.problems.add(path + ".split: split applies to multi-value fields only; " + is);
		}
		if (mapping.join() != null && !kind.takes(Setting.JOIN)) {
			this.problems.add(path + ".join: join applies to " + String.join(" and ", FieldKinds.taking(Setting.JOIN))
					+ " fields only; " + is);
		}
		if (mapping.refersTo() != null) {
			return referring(mapping, field);
		}
		BoundField target = target(mapping, key, field.fieldName(), field.requirement() == Requirement.REQUIRED, field,
				kind);
		return target;
	}

	/**
	 * A relation field whose cells name rows ({@code refers_to:}): its values are the
	 * names, the ids are settled when the row is written.
	 */
	private BoundField referring(FieldMapping mapping, FieldDefinition field) {
		String path = mapping.path() + ".refers_to";
		RefersTo refersTo = mapping.refersTo();
		String type = field.fieldTypeKey();
		if (!type.startsWith("work_item_related")) {
			this.problems.add(path + ": refers_to applies to relation fields (work_item_related_select, "
					+ "work_item_related_multi_select) only; " + field.fieldName() + " is a " + type + " field");
			return null;
		}
		boolean multi = type.equals("work_item_related_multi_select");
		List<String> targets = this.catalog.relationTargets(this.typeKey, field.fieldKey());
		String targetType;
		if (refersTo.type() != null) {
			try {
				targetType = SpaceCatalog.findType(this.catalog.types(), refersTo.type()).typeKey();
			}
			catch (FpImportException ex) {
				this.problems.add(path + ".type: " + ex.getMessage());
				return null;
			}
			if (!targets.isEmpty() && !targets.contains(targetType)) {
				this.problems.add(path + ".type: field " + field.fieldName() + " relates to "
						+ String.join(", ", targets) + " items, not " + targetType
						+ "; write one of those types, or map another relation field");
				return null;
			}
		}
		else if (targets.isEmpty()) {
			// a wrong guess could be dropped by the service without a word: asked, not
			// guessed
			this.problems.add(path + ".type: the space does not say which type " + field.fieldName()
					+ " points at (its relation is not readable); write the type of the items it names");
			return null;
		}
		else {
			targetType = (targets.size() == 1) ? targets.get(0) : this.typeKey;
		}
		boolean sameType = targetType.equals(this.typeKey);
		String by = refersTo.by();
		if (by != null && sameType && header(path + ".by", by) == null) {
			return null;
		}
		if (by == null && sameType && this.spec.key().isEmpty()) {
			this.problems.add(path + ": the rows are named by their row key, but the mapping has no key:; "
					+ "write by: (the column of the rows it names, such as Issue key) or key: columns");
			return null;
		}
		if (by != null && sameType && this.spec.key().size() == 1 && MatchKey.matches(by, this.spec.key().get(0))) {
			// the key column: the ledger finds the rows of earlier runs by it too
			by = null;
		}
		String keyField = refersTo.keyField();
		if (keyField == null && sameType && by == null) {
			keyField = this.spec.keyField();
		}
		if (keyField != null && sameType) {
			List<FieldDefinition> found = this.catalog.findFields(keyField);
			if (found.size() != 1 || !MappingSpec.KEY_FIELD_TYPES.contains(found.get(0).fieldTypeKey())) {
				this.problems.add(path + ".key_field: '" + keyField + "' is no text field of " + typeName()
						+ " holding the value; write the field_key of one");
				return null;
			}
			keyField = found.get(0).fieldKey();
		}
		List<BoundColumn> headers = headers(mapping);
		if (headers == null) {
			return null;
		}
		FieldSettings settings = new FieldSettings(mapping.split(), mapping.values(), null, null, this.zone);
		ReferenceField reference = new ReferenceField(field.fieldKey(), field.fieldName(),
				String.join(", ", mapping.columns()), multi, targetType, by, keyField, refersTo.later());
		return new BoundField(mapping, field.fieldKey(), field.fieldName(), field.requirement() == Requirement.REQUIRED,
				false, headers, new RowNamesTranslator(field.fieldName(), settings, multi), null, null, reference);
	}

	private void role(FieldMapping mapping) {
		String path = mapping.path();
		List<Role> found = this.catalog.findRoles(mapping.target());
		if (found.isEmpty()) {
			this.problems.add(path + ": unknown role '" + mapping.target() + "' for " + typeName() + "; "
					+ nearOrList(mapping.target(), "roles", this.catalog.roles(),
							(role) -> List.of(role.name(), role.id(), (role.key() != null) ? role.key() : ""),
							(role) -> role.name() + " (" + role.id() + ")"));
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
		List<BoundColumn> headers = headers(mapping);
		FieldSettings settings = new FieldSettings(mapping.split(), mapping.values(), null, null, this.zone);
		FieldValueTranslator translator = FieldValueTranslator.forRole(role, settings, this.people);
		if (headers != null) {
			this.roles
				.add(new BoundField(mapping, role.id(), role.name(), false, true, headers, translator, null, null));
		}
	}

	private BoundField target(FieldMapping mapping, String key, String label, boolean required, FieldDefinition field,
			FieldKind kind) {
		List<BoundColumn> headers = headers(mapping);
		FieldSettings settings;
		FieldValueTranslator translator;
		try {
			settings = new FieldSettings(mapping.split(), mapping.values(), mapping.format(), mapping.minLevel(),
					this.zone, mapping.join());
			translator = kind.translator(field, settings, this.people);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(mapping.path() + ": " + ex.getMessage());
			return null;
		}
		// people are looked up after binding, so their constants are translated per row
		boolean people = kind.namesPeople();
		Translation constant = people ? null : constant(mapping.path() + ".value", mapping.value(), translator);
		Translation fallback = people ? null
				: constant(mapping.path() + ".default", mapping.defaultValue(), translator);
		if (headers == null) {
			return null;
		}
		return new BoundField(mapping, key, label, required, people, headers, translator, constant, fallback);
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
	 * The file's columns of a mapping's columns, or {@code null} when one is missing.
	 */
	private List<BoundColumn> headers(FieldMapping mapping) {
		List<BoundColumn> headers = new ArrayList<>();
		boolean all = true;
		for (int i = 0; i < mapping.columns().size(); i++) {
			String path = (mapping.columns().size() > 1) ? mapping.path() + ".columns[" + i + "]" : mapping.path();
			BoundColumn header = header(path, mapping.columns().get(i));
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

	/**
	 * The columns a mapping's column names: every column of a repeated name, or one of
	 * them by position ({@code Labels#2}); {@code null} when the header has none.
	 */
	private BoundColumn header(String path, String column) {
		List<String> keys = ColumnKeys.find(column, this.headerList);
		if (keys.isEmpty()) {
			String where = (this.sheet != null) ? this.fileName + ", sheet " + this.sheet : this.fileName;
			this.problems.add(path + ": column '" + column + "' is not in the header of " + where + "; "
					+ nearOrList(column, "columns", List.copyOf(ColumnKeys.groups(this.headerList).entrySet()),
							(group) -> List.of(group.getKey()),
							(group) -> ColumnKeys.label(group.getKey(), group.getValue().size())));
			return null;
		}
		// the first column of a name is keyed by the name as written; a position is
		// named as the mapping writes it (Labels#1)
		return new BoundColumn(MatchKey.matches(column, keys.get(0)) ? keys.get(0) : column.strip(), keys);
	}

	private boolean once(String key, String path, String label) {
		String first = this.mappedAt.putIfAbsent(key, path);
		if (first != null) {
			this.problems.add(TargetRules.again(path, label, first, key.startsWith("role ")));
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
			this.problems.add("key_field: " + (found.isEmpty()
					? "unknown field '" + wanted + "' for " + typeName() + "; " + unknownField(wanted)
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
		String reserved = TargetRules.keyFieldReserved(field.fieldKey());
		if (reserved != null) {
			this.problems.add(reserved);
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
					|| (key.equals(TargetRules.ROLE_OWNERS) && !this.spec.roles().isEmpty())
					|| TargetRules.isTemplate(key, field.fieldTypeKey());
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

	private String unknownField(String wanted) {
		return nearOrList(wanted, "fields",
				this.catalog.fields().stream().filter((field) -> FieldKinds.writable(field.fieldTypeKey())).toList(),
				(field) -> List.of(field.fieldName(), field.fieldKey(),
						(field.fieldAlias() != null) ? field.fieldAlias() : ""),
				(field) -> field.fieldName() + " (" + field.fieldKey() + ")");
	}

	/**
	 * What a problem about an unknown name suggests: the near names ({@code did you mean
	 * 优先级 Priority (priority)?}), else a short list of the names, given once per kind.
	 */
	private <T> String nearOrList(String wanted, String kind, List<T> all,
			Function<? super T, ? extends java.util.Collection<String>> names, Function<T, String> label) {
		List<T> near = NearMatch.among(wanted, all, names);
		if (!near.isEmpty()) {
			return NearMatch.suggestion(near.stream().map(label).toList());
		}
		if (this.listed.add(kind)) {
			return kind + ": " + NearMatch.shortList(all.stream().map(label).toList(), LISTED);
		}
		return "the " + kind + " are listed above";
	}

}
