package fpimport.metadata;

import java.util.List;

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

}
