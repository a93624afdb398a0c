package fpimport.metadata;

import java.util.List;
import java.util.Objects;

/**
 * A work item relation (工作项关系) of a space ({@code work_item/relation}): owned by the type
 * {@code typeKey}, it points at the types of its {@code targets}; a relation field bound
 * to it ({@code relation_id} in {@code field/all}) takes items of those types.
 */
public record Relation(String id, String name, boolean disabled, String typeKey, List<Target> targets) {

	public Relation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(typeKey, "typeKey");
		targets = List.copyOf(targets);
	}

	/** The type keys of the targets, each once, in the order the space lists them. */
	public List<String> targetTypeKeys() {
		return this.targets.stream().map(Target::typeKey).distinct().toList();
	}

	/**
	 * One type a relation points at ({@code relation_details}); {@code projectKey} is
	 * {@code null} when the service does not name it.
	 */
	public record Target(String projectKey, String typeKey) {

		public Target {
			Objects.requireNonNull(typeKey, "typeKey");
		}

	}

}
