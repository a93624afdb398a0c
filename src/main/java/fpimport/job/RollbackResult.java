package fpimport.job;

import java.util.List;

/**
 * What a rollback did.
 *
 * @param runId the run rolled back
 * @param rolledBack the items deleted, or gone already
 * @param kept the items left in the space, each with its reason
 * @param gone how many of the rolled back items were gone before the rollback
 */
public record RollbackResult(long runId, List<RollbackPlan.Item> rolledBack, List<RollbackPlan.Item> kept, int gone) {

	public RollbackResult {
		rolledBack = List.copyOf(rolledBack);
		kept = List.copyOf(kept);
	}

	/** How many items the rollback itself deleted. */
	public int deleted() {
		return this.rolledBack.size() - this.gone;
	}

}
