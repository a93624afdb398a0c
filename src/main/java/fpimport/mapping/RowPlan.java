package fpimport.mapping;

import java.util.List;
import java.util.Objects;

import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import fpimport.workitem.WorkItemDraft;

/**
 * What one source row becomes: a draft ready to create, or every problem of the row.
 *
 * @param row where the row is
 * @param rowKey the key that identifies the row across runs (docs/design.md#row-key)
 * @param draft the work item to create, or {@code null} when the row has problems
 * @param problems every problem of the row; empty when there is a draft
 */
public record RowPlan(RowRef row, String rowKey, WorkItemDraft draft, List<RowProblem> problems) {

	public RowPlan {
		Objects.requireNonNull(row, "row");
		Objects.requireNonNull(rowKey, "rowKey");
		problems = List.copyOf(problems);
		if ((draft == null) == problems.isEmpty()) {
			throw new IllegalArgumentException("a row plan has either a draft or problems");
		}
	}

	/** Whether the row can be created. */
	public boolean valid() {
		return this.draft != null;
	}

}
