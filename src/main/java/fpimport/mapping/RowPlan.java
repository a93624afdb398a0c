package fpimport.mapping;

import java.util.List;
import java.util.Objects;

import fpimport.workitem.AfterCreatePlan;
import fpimport.workitem.Reference;
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
 * @param after what to do once the item exists (state, comments, files)
 * @param references the relation fields whose cells name rows: the draft lacks them until
 * the ids of the rows they name are known
 */
public record RowPlan(RowRef row, String rowKey, WorkItemDraft draft, List<RowProblem> problems, AfterCreatePlan after,
		List<Reference> references) {

	public RowPlan {
		Objects.requireNonNull(row, "row");
		Objects.requireNonNull(rowKey, "rowKey");
		problems = List.copyOf(problems);
		references = (references == null) ? List.of() : List.copyOf(references);
		after = (after != null) ? after : AfterCreatePlan.NONE;
		if ((draft == null) == problems.isEmpty()) {
			throw new IllegalArgumentException("a row plan has either a draft or problems");
		}
	}

	/** A plan with nothing to do after the create. */
	public RowPlan(RowRef row, String rowKey, WorkItemDraft draft, List<RowProblem> problems) {
		this(row, rowKey, draft, problems, AfterCreatePlan.NONE, List.of());
	}

	/** A plan whose relation fields, if any, give ids. */
	public RowPlan(RowRef row, String rowKey, WorkItemDraft draft, List<RowProblem> problems, AfterCreatePlan after) {
		this(row, rowKey, draft, problems, after, List.of());
	}

	/** The same plan with its draft completed by the ids its references became. */
	public RowPlan withDraft(WorkItemDraft completed) {
		return new RowPlan(this.row, this.rowKey, completed, List.of(), this.after, this.references);
	}

	/** The same row refused for these problems, with nothing to create. */
	public RowPlan refused(List<RowProblem> found) {
		return new RowPlan(this.row, this.rowKey, null, found, this.after, this.references);
	}

	/** Whether the row can be created. */
	public boolean valid() {
		return this.draft != null;
	}

}
