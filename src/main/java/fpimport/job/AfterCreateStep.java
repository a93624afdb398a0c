package fpimport.job;

import java.util.ArrayList;
import java.util.List;

import fpimport.workitem.AfterCreatePlan;

/**
 * One step after a row's create (state move, abort, comment, file): one class per kind,
 * listed once in {@link #of}. A step first asks the item as it stands in the space
 * whether it is done already, so that a step whose answer was lost, or whose outcome a
 * stopped process never recorded, is never sent twice.
 */
interface AfterCreateStep {

	/** {@code state}, {@code abort}, {@code comment} or {@code file}. */
	String kind();

	/** What the step does, for the report. */
	String what();

	/** Whether the item shows the step done already. */
	boolean done(ItemView item);

	/**
	 * Makes the call.
	 * @param key the step's idempotency key
	 */
	void run(ItemView item, String key);

	/** The steps of a plan, in the order they run. */
	static List<AfterCreateStep> of(AfterCreatePlan plan) {
		List<AfterCreateStep> steps = new ArrayList<>();
		List<AfterCreatePlan.Hop> hops = plan.hops();
		for (int i = 0; i < hops.size(); i++) {
			steps.add(new StateStep(plan.nodeFlow(), hops, i));
		}
		if (plan.abortReason() != null) {
			steps.add(new AbortStep(plan.abortReason()));
		}
		for (int i = 0; i < plan.comments().size(); i++) {
			steps.add(new CommentStep(plan.comments(), i));
		}
		for (int i = 0; i < plan.files().size(); i++) {
			steps.add(new FileStep(plan.fileField(), plan.files(), i));
		}
		return steps;
	}

}
