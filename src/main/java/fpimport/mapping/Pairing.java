package fpimport.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceCatalog;
import fpimport.translation.FieldKinds;
import fpimport.workitem.ColumnKeys;

/**
 * Which header {@code init-mapping} pairs with which field or role, in passes from the
 * surest to the loosest: the same name (key, alias or name); for a Jira export the
 * columns Jira always writes ({@link JiraHeaders}); one half of a bilingual name; the
 * words trackers use for the name, description and people; a start and an end column for
 * a schedule; the row key. A field or role is taken by one header only.
 */
final class Pairing {

	/** Headers trackers give the work item name. */
	static final Set<String> NAME_WORDS = HeaderNames.words("标题", "名称", "主题", "概要", "Title", "Summary", "Name", "需求名称",
			"需求标题", "研发需求名称", "用户需求名称", "任务名称", "Bug标题", "缺陷标题", "缺陷名称");

	/** Headers trackers give the row's own id. */
	static final Set<String> KEY_WORDS = HeaderNames.words("编号", "ID", "Key", "Issue key", "需求ID", "需求编号", "Bug编号",
			"缺陷编号", "缺陷ID", "任务ID", "单号");

	/** Names of a text field that may receive the row key. */
	static final Set<String> KEY_FIELD_WORDS = HeaderNames.words("外部编号", "外部ID", "External ID", "External key", "原编号",
			"原始编号", "Original key", "Jira key");

	static final Map<String, Set<String>> SYSTEM_WORDS = Map.of("description",
			HeaderNames.words("描述", "详细描述", "需求描述", "Description", "Details"), "watchers",
			HeaderNames.words("关注人", "抄送人", "抄送给", "Watchers", "CC"));

	/** Headers trackers give the person who wrote the item down. */
	static final Set<String> CREATOR_HEADERS = HeaderNames.words("由谁创建", "创建人", "创建者", "提出人", "报告人", "Reporter",
			"Creator");

	/** Headers trackers give the person the item is assigned to. */
	static final Set<String> ASSIGNEE_HEADERS = HeaderNames.words("指派给", "处理人", "负责人", "经办人", "Assignee", "Owner");

	/** Headers and role names of the developers. */
	static final Set<String> DEVELOPER_HEADERS = HeaderNames.words("开发人员", "开发者", "开发", "研发", "Developer",
			"Developers");

	static final Set<String> START_WORDS = HeaderNames.words("开始日期", "开始时间", "预计开始", "计划开始", "Start date", "Start");

	static final Set<String> END_WORDS = HeaderNames.words("结束日期", "结束时间", "预计结束", "计划结束", "截止日期", "End date", "End");

	final boolean jira;

	String nameColumn;

	String keyColumn;

	FieldDefinition keyField;

	String scheduleStart;

	String scheduleEnd;

	/** Header to field, in header order. */
	final Map<String, FieldDefinition> fields = new LinkedHashMap<>();

	/** Header to role, in header order. */
	final Map<String, Role> roles = new LinkedHashMap<>();

	/** Header to a note for its field line. */
	final Map<String, String> notes = new HashMap<>();

	/** Field key to the header a text field keeps as written (Jira's Reporter). */
	final Map<String, String> extraText = new LinkedHashMap<>();

	final Map<String, FieldDefinition> extraTextFields = new HashMap<>();

	final List<String> fieldCandidates = new ArrayList<>();

	final List<String> roleCandidates = new ArrayList<>();

	/**
	 * Header to the column of the rows its cells name ({@code refers_to.by}), for a
	 * relation field that relates the type to itself.
	 */
	final Map<String, String> referenceBy = new LinkedHashMap<>();

	/**
	 * Headers paired with a relation field that relates the type to itself, not drafted
	 * with a {@code refers_to:} yet: the file's values may show which column they name.
	 */
	final List<String> selfReferences = new ArrayList<>();

	/** The header of {@code state.column}, or {@code null}. */
	String stateColumn;

	/** The headers of {@code comments.columns}. */
	final List<String> commentColumns = new ArrayList<>();

	/** The headers of {@code attachments.columns}. */
	final List<String> attachmentColumns = new ArrayList<>();

	/** The headers that settings other than fields and roles use, as listed, in order. */
	final List<String> settingHeaders = new ArrayList<>();

	private final Set<String> settings = new HashSet<>();

	/** Header to why it is left unmapped. */
	private final Map<String, String> why = new HashMap<>();

	/** Unpaired headers as listed, with why. */
	final List<String> unmatched = new ArrayList<>();

	final List<String> unmatchedHeaders = new ArrayList<>();

	/** Field keys, {@code role <id>} and {@code name} already given a column. */
	final Set<String> taken = new HashSet<>();

	/** Each header name to its columns' keys: several when the name repeats. */
	final Map<String, List<String>> columns = new LinkedHashMap<>();

	private final SpaceCatalog catalog;

	private final List<String> headers;

	private final Map<String, FieldDefinition> fieldOf = new HashMap<>();

	private final Map<String, Role> roleOf = new HashMap<>();

	private final Set<String> done = new HashSet<>();

	private final Map<String, String> alreadyMapped = new HashMap<>();

	private Pairing(List<String> headers, SpaceCatalog catalog) {
		this.catalog = catalog;
		ColumnKeys.groups(headers).forEach((name, keys) -> {
			if (!name.isBlank()) {
				this.columns.put(name, keys);
			}
		});
		this.headers = new ArrayList<>(this.columns.keySet());
		this.jira = JiraHeaders.recognises(this.headers);
	}

	static Pairing of(List<String> headers, SpaceCatalog catalog) {
		Pairing pairing = new Pairing(headers, catalog);
		pairing.sameName();
		if (pairing.jira) {
			pairing.jiraColumns();
		}
		pairing.bilingual();
		pairing.trackerWords();
		pairing.schedule();
		pairing.rowKey();
		pairing.finish();
		return pairing;
	}

	private void sameName() {
		for (String header : this.headers) {
			FieldDefinition field = exactField(header);
			if (field != null && field.fieldKey().equals("name") && this.nameColumn == null) {
				name(header);
				continue;
			}
			if (field != null && this.taken.add(field.fieldKey())) {
				field(header, field);
				continue;
			}
			List<Role> found = this.catalog.findRoles(header);
			if (field == null && found.size() == 1 && free(found.get(0))) {
				role(header, found.get(0));
				continue;
			}
			if (field != null) {
				this.alreadyMapped.put(header, field.fieldKey());
			}
		}
	}

	private void jiraColumns() {
		// the reporter's name as Jira wrote it, besides the person it names
		for (String header : this.headers) {
			FieldDefinition text = HeaderNames.key(header).equals(JiraHeaders.REPORTER)
					? freeField(JiraHeaders.ORIGINAL_REPORTER_WORDS, Set.of("text")) : null;
			if (text != null) {
				this.taken.add(text.fieldKey());
				this.extraText.put(text.fieldKey(), header);
				this.extraTextFields.put(text.fieldKey(), text);
			}
		}
		for (String header : open()) {
			String key = HeaderNames.key(header);
			if (key.equals(JiraHeaders.SUMMARY) && this.nameColumn == null && hasName()) {
				name(header);
			}
			else if (key.equals(JiraHeaders.ISSUE_KEY) && this.keyColumn == null) {
				this.keyColumn = header;
				this.done.add(header);
			}
			else if (key.equals(JiraHeaders.DESCRIPTION)) {
				fieldIfFree(header, systemField("description"));
			}
			else if (key.equals(JiraHeaders.PRIORITY)) {
				fieldIfFree(header, systemField("priority"));
			}
			else if (key.equals(JiraHeaders.ASSIGNEE)) {
				people(header, JiraHeaders.ASSIGNEE_WORDS);
			}
			else if (key.equals(JiraHeaders.REPORTER)) {
				people(header, JiraHeaders.REPORTER_WORDS);
			}
			else if (key.equals(JiraHeaders.CREATED)) {
				fieldIfFree(header, freeField(JiraHeaders.CREATED_WORDS, Set.of("date")));
			}
			else if (JiraHeaders.LABELS.contains(key)) {
				fieldIfFree(header, freeField(JiraHeaders.LABEL_WORDS, Set.of("multi_select", "tree_multi_select")));
			}
			else if (JiraHeaders.COMPONENTS.contains(key)) {
				fieldIfFree(header,
						freeField(JiraHeaders.COMPONENT_WORDS, Set.of("multi_select", "tree_multi_select")));
			}
			else if (JiraHeaders.parentBy(header) != null) {
				parent(header, JiraHeaders.parentBy(header));
			}
			else if (key.equals(JiraHeaders.STATUS) && this.stateColumn == null) {
				this.stateColumn = header;
				setting(header);
			}
			else if (key.equals(JiraHeaders.RESOLUTION)) {
				this.why.put(header, "values such as Won't Do can abort the item of a node-flow type: "
						+ "state.abort: {column: " + header + ", values: [...]}");
			}
			else if (key.equals(JiraHeaders.COMMENT)) {
				this.commentColumns.add(header);
				setting(header);
			}
			else if (key.equals(JiraHeaders.ATTACHMENT)) {
				if (this.catalog.fields().stream().anyMatch((field) -> field.fieldTypeKey().equals("multi_file"))) {
					this.attachmentColumns.add(header);
					setting(header);
				}
				else {
					this.why.put(header, "no attachment (multi_file) field of " + typeName() + " to upload files to");
				}
			}
		}
	}

	/**
	 * A Jira parent column: to the relation field relating the type to itself, naming the
	 * parent rows by their {@code Issue id} or {@code Issue key}.
	 */
	private void parent(String header, String byName) {
		FieldDefinition field = selfRelation();
		if (field == null) {
			this.why.put(header,
					"the parent's " + byName + "; no relation field of " + typeName() + " points at " + typeName()
							+ " items: add one to keep the parents, and map it with refers_to: {by: " + byName + "}");
			return;
		}
		if (!this.taken.add(field.fieldKey())) {
			this.alreadyMapped.put(header, field.fieldKey());
			return;
		}
		field(header, field);
		String by = this.headers.stream()
			.filter((other) -> HeaderNames.key(other).equals(HeaderNames.key(byName)))
			.findFirst()
			.orElse(byName);
		this.referenceBy.put(header, by);
		if (HeaderNames.key(by).equals(JiraHeaders.ISSUE_ID) && !this.done.contains(by)) {
			// the column the references name rows by: used, though by no field
			setting(by);
		}
	}

	/**
	 * The relation field of the type whose relation points at the type itself, one named
	 * like a parent first; {@code null} when there is none.
	 */
	FieldDefinition selfRelation() {
		FieldDefinition first = null;
		for (FieldDefinition field : this.catalog.fields()) {
			if (selfRelation(field)) {
				String name = HeaderNames.key(field.fieldName());
				if (HeaderNames.namedAs(field.fieldName(), JiraHeaders.PARENT_WORDS) || name.contains("父")
						|| name.contains("parent")) {
					return field;
				}
				first = (first != null) ? first : field;
			}
		}
		return first;
	}

	/** Whether a field is a relation field whose relation points at the type itself. */
	boolean selfRelation(FieldDefinition field) {
		String type = this.catalog.type().typeKey();
		return field.fieldTypeKey().startsWith("work_item_related")
				&& this.catalog.relationTargets(type, field.fieldKey()).contains(type);
	}

	private String typeName() {
		return this.catalog.type().name();
	}

	private void setting(String header) {
		this.settings.add(header);
		this.done.add(header);
	}

	private void trackerWords() {
		for (String header : open()) {
			String key = HeaderNames.key(header);
			if (NAME_WORDS.contains(key) && this.nameColumn == null && hasName()) {
				name(header);
				continue;
			}
			if (CREATOR_HEADERS.contains(key)) {
				people(header, JiraHeaders.REPORTER_WORDS);
			}
			else if (ASSIGNEE_HEADERS.contains(key)) {
				people(header, JiraHeaders.ASSIGNEE_WORDS);
			}
			else if (DEVELOPER_HEADERS.contains(key)) {
				people(header, DEVELOPER_HEADERS);
			}
			for (String fieldKey : List.of("description", "watchers")) {
				if (SYSTEM_WORDS.get(fieldKey).contains(key)) {
					fieldIfFree(header, systemField(fieldKey));
				}
			}
		}
	}

	private void bilingual() {
		for (String header : open()) {
			List<FieldDefinition> fieldsFound = new ArrayList<>();
			for (FieldDefinition field : this.catalog.fields()) {
				if (writable(field) && (HeaderNames.pair(header, field.fieldName())
						|| (field.fieldAlias() != null && HeaderNames.pair(header, field.fieldAlias())))) {
					fieldsFound.add(field);
				}
			}
			List<Role> rolesFound = new ArrayList<>();
			for (Role role : this.catalog.roles()) {
				if (HeaderNames.pair(header, role.name())) {
					rolesFound.add(role);
				}
			}
			if (fieldsFound.size() + rolesFound.size() != 1) {
				continue;
			}
			if (rolesFound.isEmpty()) {
				FieldDefinition field = fieldsFound.get(0);
				if (field.fieldKey().equals("name")) {
					if (this.nameColumn == null) {
						name(header);
					}
				}
				else if (this.taken.add(field.fieldKey())) {
					field(header, field);
				}
				else {
					this.alreadyMapped.putIfAbsent(header, field.fieldKey());
				}
			}
			else if (free(rolesFound.get(0))) {
				role(header, rolesFound.get(0));
			}
		}
	}

	private void schedule() {
		FieldDefinition schedule = null;
		for (FieldDefinition field : this.catalog.fields()) {
			if (field.fieldTypeKey().equals("schedule") && !this.taken.contains(field.fieldKey())) {
				schedule = field;
				break;
			}
		}
		if (schedule == null) {
			return;
		}
		String start = null;
		String end = null;
		for (String header : open()) {
			String key = HeaderNames.key(header);
			if (start == null && START_WORDS.contains(key)) {
				start = header;
			}
			else if (end == null && END_WORDS.contains(key)) {
				end = header;
			}
		}
		if (start != null && end != null) {
			this.taken.add(schedule.fieldKey());
			this.scheduleStart = start;
			this.scheduleEnd = end;
			this.fieldOf.put(start, schedule);
			this.fieldOf.put(end, schedule);
			this.done.add(start);
			this.done.add(end);
		}
	}

	private void rowKey() {
		if (this.keyColumn == null) {
			for (String header : open()) {
				if (KEY_WORDS.contains(HeaderNames.key(header))) {
					this.keyColumn = header;
					this.done.add(header);
					break;
				}
			}
		}
		if (this.keyColumn != null) {
			this.keyField = freeField(KEY_FIELD_WORDS, Set.copyOf(MappingSpec.KEY_FIELD_TYPES));
			if (this.keyField != null) {
				this.taken.add(this.keyField.fieldKey());
			}
		}
	}

	private void finish() {
		for (String header : this.headers) {
			if (this.fieldOf.containsKey(header)) {
				this.fields.put(header, this.fieldOf.get(header));
			}
			if (this.roleOf.containsKey(header)) {
				this.roles.put(header, this.roleOf.get(header));
			}
		}
		this.headers.stream().filter(this.settings::contains).map(this::label).forEach(this.settingHeaders::add);
		this.fields.forEach((header, field) -> {
			if (!this.referenceBy.containsKey(header) && selfRelation(field)) {
				this.selfReferences.add(header);
			}
		});
		for (String header : open()) {
			int candidates = 0;
			for (FieldDefinition field : this.catalog.fields()) {
				if (candidates < 3 && writable(field) && !field.fieldKey().equals("name")
						&& !this.taken.contains(field.fieldKey()) && HeaderNames.alike(header, field.fieldName())) {
					this.fieldCandidates.add(MappingDraft.scalar(field.fieldKey()) + ": " + MappingDraft.scalar(header)
							+ "    # a candidate: " + MappingDraft.describe(field));
					candidates++;
				}
			}
			for (Role role : this.catalog.roles()) {
				if (candidates < 3 && !this.taken.contains("role " + role.id())
						&& HeaderNames.alike(header, role.name())) {
					String key = (role.key() != null && !role.key().isBlank()) ? role.key() : role.id();
					this.roleCandidates.add(MappingDraft.scalar(key) + ": " + MappingDraft.scalar(header)
							+ "    # a candidate: role " + role.name());
					candidates++;
				}
			}
			String why = this.alreadyMapped.containsKey(header)
					? "    (" + this.alreadyMapped.get(header) + " is already mapped)"
					: this.why.containsKey(header) ? "    (" + this.why.get(header) + ")" : "";
			this.unmatched
				.add(header + why + ((candidates > 0) ? "    (a candidate line is commented out above)" : ""));
			this.unmatchedHeaders.add(header);
		}
	}

	/** A header as listed: {@code Comment ×19} for a repeated one. */
	String label(String header) {
		return ColumnKeys.label(header, this.columns.get(header).size());
	}

	/** The headers not paired yet, in order. */
	private List<String> open() {
		return this.headers.stream().filter((header) -> !this.done.contains(header)).toList();
	}

	private void name(String header) {
		this.nameColumn = header;
		this.taken.add("name");
		this.done.add(header);
	}

	private void field(String header, FieldDefinition field) {
		this.fieldOf.put(header, field);
		this.done.add(header);
	}

	private void fieldIfFree(String header, FieldDefinition field) {
		if (field != null && !this.done.contains(header) && this.taken.add(field.fieldKey())) {
			field(header, field);
		}
	}

	private void role(String header, Role role) {
		this.taken.add("role " + role.id());
		this.roleOf.put(header, role);
		this.done.add(header);
	}

	private boolean free(Role role) {
		return !this.taken.contains("role " + role.id());
	}

	/** A role, else a people field, named by one of the words, for a people column. */
	private void people(String header, Set<String> words) {
		for (Role role : this.catalog.roles()) {
			if (free(role) && HeaderNames.namedAs(role.name(), words)) {
				role(header, role);
				return;
			}
		}
		fieldIfFree(header, freeField(words, Set.of("user", "multi_user")));
	}

	private boolean hasName() {
		return systemField("name") != null;
	}

	/** The field with this key when it is writable and not taken, else {@code null}. */
	private FieldDefinition systemField(String key) {
		for (FieldDefinition field : this.catalog.fields()) {
			if (field.fieldKey().equals(key) && (key.equals("name") || writable(field)) && !this.taken.contains(key)) {
				return field;
			}
		}
		return null;
	}

	/** The first field not taken, of one of the types, named by one of the words. */
	private FieldDefinition freeField(Set<String> words, Set<String> types) {
		for (FieldDefinition field : this.catalog.fields()) {
			if (types.contains(field.fieldTypeKey()) && !this.taken.contains(field.fieldKey())
					&& HeaderNames.namedAs(field.fieldName(), words)) {
				return field;
			}
		}
		return null;
	}

	/** The one writable field named exactly like the header, or {@code null}. */
	private FieldDefinition exactField(String header) {
		List<FieldDefinition> found = this.catalog.findFields(header);
		if (found.size() != 1) {
			return null;
		}
		FieldDefinition field = found.get(0);
		return (field.fieldKey().equals("name") || writable(field)) ? field : null;
	}

	private static boolean writable(FieldDefinition field) {
		return field.fieldKey().equals("name") || FieldKinds.writable(field.fieldTypeKey());
	}

}
