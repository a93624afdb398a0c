package fpimport.metadata;

import java.util.Objects;

/** A work item type of a space ({@code all-types}). */
public record WorkItemType(String typeKey, String name, String apiName, boolean disabled) {

	public WorkItemType {
		Objects.requireNonNull(typeKey, "typeKey");
		Objects.requireNonNull(name, "name");
	}

}
