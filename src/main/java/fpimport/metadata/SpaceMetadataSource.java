package fpimport.metadata;

import java.util.List;
import java.util.Map;

/**
 * Where a space's metadata comes from (the Open API in a run, fixtures in tests). Each
 * call may cost a request; callers cache what they need for a run.
 */
public interface SpaceMetadataSource {

	/** The space's work item types ({@code all-types}). */
	List<WorkItemType> types();

	/** The fields that can be written on create of a type ({@code meta}). */
	List<FieldDefinition> fields(String typeKey);

	/** The workflow templates of a type ({@code template_list}). */
	List<Template> templates(String typeKey);

	/** The roles of a type ({@code flow_roles}). */
	List<Role> roles(String typeKey);

	/**
	 * The relation each relation field of a type is bound to, by field key
	 * ({@code relation_id} of {@code field/all}); empty when the source does not say.
	 */
	default Map<String, String> relationIds(String typeKey) {
		return Map.of();
	}

	/**
	 * The space's work item relations ({@code work_item/relation}); empty when the source
	 * does not say.
	 */
	default List<Relation> relations() {
		return List.of();
	}

}
