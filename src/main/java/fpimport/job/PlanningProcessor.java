package fpimport.job;

import java.util.List;

import fpimport.failure.FpImportException;
import fpimport.mapping.RowPlan;
import fpimport.workitem.RowProblem;
import fpimport.failure.FpImportException.Reason;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Plans each row with the run's mapping: pure, no calls; stops the run when asked. */
final class PlanningProcessor implements ItemProcessor<OriginRow, PlannedRow> {

	private final RunContext context;

	PlanningProcessor(RunContext context) {
		this.context = context;
	}

	@Override
	public PlannedRow process(OriginRow row) {
		if (this.context.progress.stopRequested()) {
			// the rows of this chunk are not written: they are read again on resume
			throw new FpImportException(Reason.INTERNAL, "run " + this.context.runId() + " stopped on request",
					"'fpimport resume " + this.context.runId() + "' (or the next start of the watcher) continues it");
		}
		RunContext.Prepared prepared = this.context.prepared();
		RowPlan plan = prepared.planner().plan(row.source());
		if (plan.valid() && !plan.references().isEmpty()) {
			// a value that names no row and no item makes the row invalid before any
			// create
			List<RowProblem> problems = prepared.references().problems(plan);
			if (!problems.isEmpty()) {
				plan = plan.refused(problems);
			}
		}
		return new PlannedRow(row.source(), plan, row.originRunId(), row.originRowNumber());
	}

}
