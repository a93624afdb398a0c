package fpimport.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import fpimport.failure.FpImportException;
import fpimport.workitem.MatchKey;
import fpimport.workitem.NearMatch;

/**
 * What one work item type of a space accepts, fetched once for a run: the space's types,
 * and the type's fields, templates and roles. Lookups by name ignore surrounding spaces,
 * case and width ({@link MatchKey}); a lookup answers every match so callers can report
 * an ambiguous name. What relation fields point at is fetched only when asked, once per
 * type.
 */
public final class SpaceCatalog {

	private final SpaceMetadataSource source;

	private final List<WorkItemType> types;

	private final WorkItemType type;

	private final List<FieldDefinition> fields;

	private final List<Template> templates;

	private final List<Role> roles;

	// field key -> relation id, by type key; filled when asked
	private final Map<String, Map<String, String>> relationIds = new HashMap<>();

	private List<Relation> relations;

	private SpaceCatalog(SpaceMetadataSource source, List<WorkItemType> types, WorkItemType type,
			List<FieldDefinition> fields, List<Template> templates, List<Role> roles) {
		this.source = source;
		this.types = List.copyOf(types);
		this.type = Objects.requireNonNull(type, "type");
		this.fields = List.copyOf(fields);
		this.templates = List.copyOf(templates);
		this.roles = List.copyOf(roles);
	}

	/**
	 * Fetches the metadata of the type named by its key, API name or name.
	 * @throws FpImportException ({@code INVALID_INPUT}) when the space has no such type,
	 * the name is shared by several types, or the type is disabled
	 */
	public static SpaceCatalog load(SpaceMetadataSource source, String typeKeyOrName) {
		List<WorkItemType> types = source.types();
		WorkItemType type = findType(types, typeKeyOrName);
		return new SpaceCatalog(source, types, type, source.fields(type.typeKey()), source.templates(type.typeKey()),
				source.roles(type.typeKey()));
	}

	/** The type named by its key, API name or name, as {@link #load} finds it. */
	public static WorkItemType findType(List<WorkItemType> types, String typeKeyOrName) {
		String wanted = Objects.requireNonNull(typeKeyOrName, "typeKeyOrName");
		List<WorkItemType> found = find(types, wanted, (type) -> List.of(type.typeKey(), orEmpty(type.apiName())),
				WorkItemType::name);
		String known = String.join(", ",
				types.stream().map((type) -> type.name() + " (" + type.typeKey() + ")").toList());
		if (found.isEmpty()) {
			List<WorkItemType> near = NearMatch.among(wanted, types,
					(type) -> List.of(type.name(), type.typeKey(), orEmpty(type.apiName())));
			throw new FpImportException(FpImportException.Reason.INVALID_INPUT,
					"unknown work item type '" + wanted + "'; "
							+ (near.isEmpty() ? "types: " + known : NearMatch.suggestion(
									near.stream().map((type) -> type.name() + " (" + type.typeKey() + ")").toList())),
					"write a type key or name that `fpimport meta` lists");
		}
		if (found.size() > 1) {
			throw new FpImportException(FpImportException.Reason.INVALID_INPUT,
					"work item type name '" + wanted + "' is shared by "
							+ String.join(", ",
									found.stream().map((type) -> type.name() + " (" + type.typeKey() + ")").toList()),
					"write the type key instead");
		}
		WorkItemType type = found.get(0);
		if (type.disabled()) {
			throw new FpImportException(FpImportException.Reason.INVALID_INPUT,
					"work item type " + type.name() + " (" + type.typeKey() + ") is disabled in the space",
					"enable it in Feishu Project or choose another type");
		}
		return type;
	}

	/** Every type of the space, disabled ones included. */
	public List<WorkItemType> types() {
		return this.types;
	}

	/** The type this catalog describes. */
	public WorkItemType type() {
		return this.type;
	}

	/** The fields that can be set on create, in the order the space lists them. */
	public List<FieldDefinition> fields() {
		return this.fields;
	}

	/** The type's workflow templates, disabled ones included. */
	public List<Template> templates() {
		return this.templates;
	}

	/** The roles of the type's workflow. */
	public List<Role> roles() {
		return this.roles;
	}

	/**
	 * The keys of the types a relation field takes: the types its relation points at,
	 * each once. Empty when the space does not say: the field is bound to no relation,
	 * the relation is unknown, or the space refused to tell (no permission). The first
	 * call for a type reads its fields' relations ({@code field/all}), the first call of
	 * all the space's relations ({@code work_item/relation}); later calls cost no
	 * request.
	 * @param typeKey the type that has the field, by key
	 * @param fieldKey the field, by key
	 */
	public synchronized List<String> relationTargets(String typeKey, String fieldKey) {
		Objects.requireNonNull(fieldKey, "fieldKey");
		Map<String, String> ids = this.relationIds.computeIfAbsent(Objects.requireNonNull(typeKey, "typeKey"),
				(key) -> Map.copyOf(this.source.relationIds(key)));
		String relationId = ids.get(fieldKey);
		if (relationId == null) {
			return List.of();
		}
		if (this.relations == null) {
			this.relations = List.copyOf(this.source.relations());
		}
		return this.relations.stream()
			.filter((relation) -> relation.id().equals(relationId))
			.findFirst()
			.map(Relation::targetTypeKeys)
			.orElse(List.of());
	}

	/** The field with this key or alias, else every field with this name. */
	public List<FieldDefinition> findFields(String keyAliasOrName) {
		return find(this.fields, keyAliasOrName, (field) -> List.of(field.fieldKey(), orEmpty(field.fieldAlias())),
				FieldDefinition::fieldName);
	}

	/** The template with this id, else every template with this name. */
	public List<Template> findTemplates(String idOrName) {
		return find(this.templates, idOrName, (template) -> List.of(template.id()), Template::name);
	}

	/** The role with this id or key, else every role with this name. */
	public List<Role> findRoles(String idKeyOrName) {
		return find(this.roles, idKeyOrName, (role) -> List.of(role.id(), orEmpty(role.key())), Role::name);
	}

	/**
	 * Identifiers match exactly first (they are case-sensitive in the Open API), then
	 * ignoring case and width; names only when no identifier matched.
	 */
	private static <T> List<T> find(List<T> items, String wanted, Function<T, List<String>> ids,
			Function<T, String> name) {
		String text = wanted.strip();
		for (T item : items) {
			if (ids.apply(item).contains(text)) {
				return List.of(item);
			}
		}
		String key = MatchKey.of(text);
		List<T> found = new ArrayList<>();
		for (T item : items) {
			if (ids.apply(item).stream().anyMatch((id) -> !id.isEmpty() && MatchKey.of(id).equals(key))) {
				found.add(item);
			}
		}
		if (!found.isEmpty()) {
			return List.copyOf(found);
		}
		for (T item : items) {
			if (MatchKey.of(name.apply(item)).equals(key)) {
				found.add(item);
			}
		}
		return List.copyOf(found);
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
