package fpimport.api;

import java.util.List;

/**
 * Where an item stands in its workflow ({@code workflow/query}).
 *
 * @param current the current state (state flow) or the nodes in progress (node flow)
 * @param completed the nodes completed (node flow)
 */
public record WorkflowPosition(List<String> current, List<String> completed) {

	public WorkflowPosition {
		current = List.copyOf(current);
		completed = List.copyOf(completed);
	}

}
