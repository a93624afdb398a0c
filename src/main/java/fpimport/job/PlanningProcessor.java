package fpimport.job;

import java.util.List;

import fpimport.failure.FpImportException;
import java.util.concurrent.Executors;

import fpimport.mapping.RowPlan;
import fpimport.mapping.RowPlanner;
import fpimport.workitem.RowProblem;
import fpimport.failure.FpImportException.Reason;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;

/**
 * Plans each row with the run's mapping: pure, no calls; stops the run when asked. The
 * rows step hands each row to {@link #PLANNERS} as it reads it, and writes the chunk's
 * plans in row order once all are made ({@link RowPlanner#plan} may run on several
 * threads).
 */
final class PlanningProcessor implements ItemProcessor<OriginRow, PlannedRow> {

	/**
	 * The threads that plan rows, one per core, shared by every run of the process; idle
	 * between chunks, and never in the way of the process's end.
	 */
	static final AsyncTaskExecutor PLANNERS = new TaskExecutorAdapter(
			Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), (task) -> {
				Thread thread = new Thread(task, "fpimport-planner");
				thread.setDaemon(true);
				return thread;
			}));

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
