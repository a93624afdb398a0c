package fpimport.job;

import java.util.List;

import fpimport.api.WorkflowPosition;
import fpimport.workitem.AfterCreatePlan;

/**
 * One move on the way to the row's state: a state change along a transition (state flow)
 * or the completion of a node (node flow). Done when the item stands past it on the way.
 */
final class StateStep implements AfterCreateStep {

	private final boolean nodeFlow;

	private final List<AfterCreatePlan.Hop> hops;

	private final int index;

	StateStep(boolean nodeFlow, List<AfterCreatePlan.Hop> hops, int index) {
		this.nodeFlow = nodeFlow;
		this.hops = hops;
		this.index = index;
	}

	private AfterCreatePlan.Hop hop() {
		return this.hops.get(this.index);
	}

	@Override
	public String kind() {
		return "state";
	}

	@Override
	public String what() {
		return this.nodeFlow ? "complete " + hop().from() : hop().from() + " -> " + hop().to();
	}

	@Override
	public boolean done(ItemView item) {
		WorkflowPosition position = item.position(this.nodeFlow);
		if (this.nodeFlow) {
			return position.completed().contains(hop().from());
		}
		// past this hop: standing on its target or on a later state of the way
		for (int later = this.index; later < this.hops.size(); later++) {
			if (position.current().contains(this.hops.get(later).to())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void run(ItemView item, String key) {
		if (this.nodeFlow) {
			item.client()
				.completeNode(item.projectKey(), item.typeKey(), item.itemId(), hop().from(), hop().fields(), key);
		}
		else {
			item.client()
				.changeState(item.projectKey(), item.typeKey(), item.itemId(), hop().transitionId(), hop().fields(),
						key);
		}
		item.moved();
	}

}
