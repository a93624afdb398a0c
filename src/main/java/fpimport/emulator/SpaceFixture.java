package fpimport.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One emulated space as a YAML fixture describes it (format: {@code docs/emulator.md}):
 * credentials, users, teams, work item types with templates, roles and fields, and the
 * work item relations that relation fields are bound to.
 */
public record SpaceFixture(String projectKey, String simpleName, String name, Plugin plugin, String defaultUserKey,
		List<BusinessLine> businessLines, List<User> users, List<Team> teams, List<Type> types,
		List<Relation> relations) {

	/** Classpath location of the bundled demo space ({@code samples/demo-space.yaml}). */
	public static final String DEMO_RESOURCE = "/emulator/demo-space.yaml";

	/** Field types a create or update may write, as in docs/design.md#value-shapes. */
	static final Set<String> WRITABLE_TYPES = Set.of("text", "multi_text", "select", "radio", "multi_select",
			"tree_select", "tree_multi_select", "user", "multi_user", "date", "schedule", "number", "bool", "link",
			"email", "telephone", "work_item_related_select", "work_item_related_multi_select", "business",
			"role_owners");

	public SpaceFixture {
		requireText(projectKey, "project_key");
		requireText(simpleName, "simple_name");
		name = (name == null) ? simpleName : name;
		Objects.requireNonNull(plugin, "plugin");
		requireText(defaultUserKey, "default_user_key");
		businessLines = copy(businessLines);
		users = copy(users);
		teams = copy(teams);
		types = copy(types);
		relations = copy(relations);
		requireUnique(users.stream().map(User::userKey).toList(), "user_key");
		requireUnique(types.stream().map(Type::typeKey).toList(), "type_key");
		requireUnique(relations.stream().map(Relation::id).toList(), "relation id");
		if (users.stream().noneMatch((user) -> user.userKey().equals(defaultUserKey))) {
			throw new IllegalArgumentException("default_user_key " + defaultUserKey + " is not among the users");
		}
		checkRelations(types, relations);
	}

	/** The same space with other types, its relations kept. */
	public SpaceFixture withTypes(List<Type> changed) {
		return new SpaceFixture(this.projectKey, this.simpleName, this.name, this.plugin, this.defaultUserKey,
				this.businessLines, this.users, this.teams, changed, this.relations);
	}

	// every relation is owned by a type and points at types of the space; every bound
	// field is a relation field of the relation's own type
	private static void checkRelations(List<Type> types, List<Relation> relations) {
		Set<String> typeKeys = new HashSet<>(types.stream().map(Type::typeKey).toList());
		for (Relation relation : relations) {
			if (!typeKeys.contains(relation.workItemTypeKey())) {
				throw new IllegalArgumentException(
						"relation " + relation.id() + " belongs to unknown type " + relation.workItemTypeKey());
			}
			for (String target : relation.targets()) {
				if (!typeKeys.contains(target)) {
					throw new IllegalArgumentException(
							"relation " + relation.id() + " points at unknown type " + target);
				}
			}
		}
		for (Type type : types) {
			for (Field field : type.fields()) {
				if (field.relation() == null) {
					continue;
				}
				if (!field.related()) {
					throw new IllegalArgumentException("field " + field.key() + " of type " + type.typeKey()
							+ " is bound to a relation but is no work_item_related_select or _multi_select");
				}
				Relation relation = relations.stream()
					.filter((candidate) -> candidate.id().equals(field.relation()))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("field " + field.key() + " of type "
							+ type.typeKey() + " is bound to unknown relation " + field.relation()));
				if (!relation.workItemTypeKey().equals(type.typeKey())) {
					throw new IllegalArgumentException("field " + field.key() + " of type " + type.typeKey()
							+ " is bound to relation " + relation.id() + " of type " + relation.workItemTypeKey());
				}
			}
		}
	}

	/** Reads a fixture from a YAML file; unknown keys are errors so typos do not pass. */
	public static SpaceFixture load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read space fixture " + file, ex);
		}
	}

	/** The bundled demo space, read from the classpath. */
	public static SpaceFixture demo() {
		try (InputStream in = SpaceFixture.class.getResourceAsStream(DEMO_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("demo space " + DEMO_RESOURCE + " is missing from the classpath");
			}
			return read(in, DEMO_RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + DEMO_RESOURCE, ex);
		}
	}

	private static SpaceFixture read(InputStream in, String origin) {
		YAMLMapper mapper = YAMLMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// an absent flag or number means false or 0; the records then apply their
			// defaults
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
		try {
			return mapper.readValue(in, SpaceFixture.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("invalid space fixture " + origin + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** The type with this key, enabled or not. */
	public Optional<Type> type(String typeKey) {
		return this.types.stream().filter((type) -> type.typeKey().equals(typeKey)).findFirst();
	}

	/** The relation with this id. */
	public Optional<Relation> relation(String id) {
		return this.relations.stream().filter((relation) -> relation.id().equals(id)).findFirst();
	}

	/** The user with this key, whatever their status. */
	public Optional<User> user(String userKey) {
		return this.users.stream().filter((user) -> user.userKey().equals(userKey)).findFirst();
	}

	/** The plugin credentials a client connects with. */
	public record Plugin(String id, String secret) {

		public Plugin {
			requireText(id, "plugin.id");
			requireText(secret, "plugin.secret");
		}

		@Override
		public String toString() {
			return "Plugin[id=" + this.id + ", secret=******]";
		}

	}

	/** A business line; a {@code business} field takes its id. */
	public record BusinessLine(String id, String name) {

		public BusinessLine {
			requireText(id, "business_lines.id");
		}

	}

	/** A person of the tenant; {@code status} is activated, resigned or frozen. */
	public record User(String userKey, String email, String nameCn, String nameEn, String username, String outId,
			String status) {

		public User {
			requireText(userKey, "users.user_key");
			status = (status == null) ? "activated" : status;
			if (!Set.of("activated", "resigned", "frozen").contains(status)) {
				throw new IllegalArgumentException(
						"user " + userKey + ": status must be activated, resigned or frozen");
			}
		}

		/** Whether the user may be written into a field or role: only activated users. */
		public boolean active() {
			return "activated".equals(this.status);
		}

	}

	/** A team of the space; together the teams are the space's members. */
	public record Team(String teamId, String teamName, List<String> userKeys) {

		public Team {
			requireText(teamId, "teams.team_id");
			userKeys = copy(userKeys);
		}

	}

	/** A work item type with its templates, roles and fields. */
	public record Type(String typeKey, String name, String apiName, boolean disabled, List<Template> templates,
			List<Role> roles, List<Field> fields) {

		public Type {
			requireText(typeKey, "types.type_key");
			requireText(name, "types.name");
			apiName = (apiName == null) ? typeKey : apiName;
			templates = copy(templates);
			roles = copy(roles);
			fields = withBuiltInFields(copy(fields));
			if (templates.isEmpty()) {
				throw new IllegalArgumentException("type " + typeKey + " needs at least one template");
			}
			requireUnique(fields.stream().map(Field::key).toList(), "field key of type " + typeKey);
			requireUnique(templates.stream().map(Template::id).toList(), "template id of type " + typeKey);
		}

		/** The field with this key or alias. */
		public Optional<Field> field(String keyOrAlias) {
			return this.fields.stream()
				.filter((field) -> field.key().equals(keyOrAlias) || keyOrAlias.equals(field.alias()))
				.findFirst();
		}

		/** The role with this id or key. */
		public Optional<Role> role(String idOrKey) {
			return this.roles.stream()
				.filter((role) -> role.id().equals(idOrKey) || role.key().equals(idOrKey))
				.findFirst();
		}

		/** The template with this id. */
		public Optional<Template> template(String id) {
			return this.templates.stream().filter((template) -> template.id().equals(id)).findFirst();
		}

		// Every type has these in the real service, so a fixture need not spell them out.
		private static List<Field> withBuiltInFields(List<Field> declared) {
			List<Field> fields = new ArrayList<>(declared);
			Set<String> keys = new HashSet<>(declared.stream().map(Field::key).toList());
			if (!keys.contains("name")) {
				fields.add(0, new Field("name", "name", "名称", "text", 1, false, null, null, null, null, null));
			}
			if (!keys.contains("template")) {
				fields
					.add(new Field("template", "template", "模板", "template", 2, false, null, null, null, false, null));
			}
			if (!keys.contains("role_owners")) {
				fields.add(new Field("role_owners", "role_owners", "角色与人员", "role_owners", 2, false, null, null, null,
						null, null));
			}
			return List.copyOf(fields);
		}

	}

	/**
	 * A workflow template; its id is an int64 written as a string, as template_list
	 * answers.
	 */
	public record Template(String id, String name, boolean disabled, Workflow workflow) {

		public Template {
			requireText(id, "templates.id");
			if (!id.matches("[1-9][0-9]{0,17}")) {
				throw new IllegalArgumentException("template id " + id + " must be a positive int64");
			}
			requireText(name, "templates.name");
			workflow = (workflow == null) ? Workflow.SINGLE : workflow;
		}

	}

	/**
	 * A template's workflow: {@code flow} is {@code state} (a state machine whose
	 * transitions have ids) or {@code node} (nodes completed in order along the
	 * connections); the first state or node is where a new item starts. A transition's
	 * {@code fields} must be sent with its state change; a node's {@code fields} must
	 * hold a value before it can be completed.
	 */
	public record Workflow(String flow, List<State> states, List<Transition> transitions) {

		/** The workflow of a template whose fixture names none: one state, no moves. */
		static final Workflow SINGLE = new Workflow("state", List.of(new State("OPEN", "Open", List.of())), List.of());

		public Workflow {
			flow = (flow == null) ? "state" : flow;
			if (!flow.equals("state") && !flow.equals("node")) {
				throw new IllegalArgumentException("workflow.flow must be state or node, not " + flow);
			}
			states = copy(states);
			transitions = copy(transitions);
			if (states.isEmpty()) {
				throw new IllegalArgumentException("a workflow needs at least one state or node");
			}
			requireUnique(states.stream().map(State::key).toList(), "state key");
			Set<String> keys = new HashSet<>(states.stream().map(State::key).toList());
			for (Transition transition : transitions) {
				if (!keys.contains(transition.from()) || !keys.contains(transition.to())) {
					throw new IllegalArgumentException(
							"transition " + transition.from() + " -> " + transition.to() + " names an unknown state");
				}
			}
		}

		public boolean nodeFlow() {
			return this.flow.equals("node");
		}

		/** The state or node a new item starts in. */
		public State initial() {
			return this.states.get(0);
		}

		public Optional<State> state(String key) {
			return this.states.stream().filter((state) -> state.key().equals(key)).findFirst();
		}

	}

	/** A state (state flow) or node (node flow). */
	public record State(String key, String name, List<String> fields) {

		public State {
			requireText(key, "states.key");
			requireText(name, "states.name");
			fields = copy(fields);
		}

	}

	/** A move from one state or node to the next; state flow transitions carry an id. */
	public record Transition(long id, String from, String to, List<String> fields) {

		public Transition {
			requireText(from, "transitions.from");
			requireText(to, "transitions.to");
			fields = copy(fields);
		}

	}

	/**
	 * A workflow role. {@code selfAssign} is "users may add/remove themselves": when it
	 * is off, an omitted role is filled with {@code defaultMembers} (CW-8).
	 */
	public record Role(String id, String key, String name, boolean required, boolean multi, boolean selfAssign,
			List<String> defaultMembers) {

		public Role {
			requireText(id, "roles.id");
			key = (key == null) ? id : key;
			requireText(name, "roles.name");
			defaultMembers = copy(defaultMembers);
		}

	}

	/**
	 * A field. {@code required} is 1 required, 2 optional, 3 conditional (never enforced
	 * here); {@code selectLevel} is the level a tree select value must reach (CW-6);
	 * {@code writable} false marks fields a create may not set, such as attachments;
	 * {@code relation} is the id of the {@link Relation} a relation field is bound to
	 * ({@code relation_id} in {@code field/all}), {@code null} when it is bound to none.
	 */
	public record Field(String key, String alias, String name, String type, int required, boolean custom,
			Integer selectLevel, JsonNode defaultValue, List<Option> options, Boolean writable, String relation) {

		public Field {
			requireText(key, "fields.key");
			requireText(name, "fields.name");
			requireText(type, "fields.type");
			alias = (alias == null) ? key : alias;
			required = (required == 0) ? 2 : required;
			if (required < 1 || required > 3) {
				throw new IllegalArgumentException("field " + key + ": required must be 1, 2 or 3");
			}
			selectLevel = (selectLevel == null) ? 1 : selectLevel;
			options = copy(options);
			writable = (writable == null) ? WRITABLE_TYPES.contains(type) : writable;
		}

		/** Whether a create or update may write this field. */
		public boolean isWritable() {
			return this.writable;
		}

		/**
		 * Whether this is a relation field, whose values are work item ids
		 * ({@code work_item_related_select} or {@code work_item_related_multi_select}).
		 */
		public boolean related() {
			return this.type.equals("work_item_related_select") || this.type.equals("work_item_related_multi_select");
		}

	}

	/**
	 * A work item relation (工作项关系) as {@code work_item/relation} lists it: owned by the
	 * type {@code workItemTypeKey}, pointing at the types {@code targets} of this space.
	 * {@code relationType} is answered as the fixture gives it (default 0); what its
	 * values mean is not documented.
	 */
	public record Relation(String id, String name, boolean disabled, long relationType, String workItemTypeKey,
			List<String> targets) {

		public Relation {
			requireText(id, "relations.id");
			requireText(name, "relations.name");
			requireText(workItemTypeKey, "relations.work_item_type_key");
			targets = copy(targets);
			if (targets.isEmpty()) {
				throw new IllegalArgumentException("relation " + id + " needs at least one target type");
			}
		}

		/** Whether an item of this type may be written into a field bound to it. */
		public boolean pointsAt(String typeKey) {
			return this.targets.contains(typeKey);
		}

	}

	/** An option; {@code children} are the next level of a tree select. */
	public record Option(String value, String label, boolean disabled, List<Option> children) {

		public Option {
			requireText(value, "options.value");
			requireText(label, "options.label");
			children = copy(children);
		}

	}

	private static <T> List<T> copy(List<T> list) {
		return (list == null) ? List.of() : List.copyOf(list);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

	private static void requireUnique(List<String> values, String name) {
		Set<String> seen = new HashSet<>();
		for (String value : values) {
			if (!seen.add(value)) {
				throw new IllegalArgumentException("duplicate " + name + ": " + value);
			}
		}
	}

}
