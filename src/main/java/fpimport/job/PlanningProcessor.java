package fpimport.job;

import java.util.List;

import fpimport.mapping.RowPlan;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Plans each row with the run's mapping: pure, no calls. */
final class PlanningProcessor implements ItemProcessor<OriginRow, PlannedRow> {

	private final RunContext context;

	PlanningProcessor(RunContext context) {
		this.context = context;
	}

	@Override
	public PlannedRow process(OriginRow row) {
		return new PlannedRow(row.source(), plan(row), row.originRunId(), row.originRowNumber());
	}

	private RowPlan plan(OriginRow row) {
		if (row.source().problem() == null) {
			return this.context.prepared().planner().plan(row.source());
		}
		RowRef ref = new RowRef(fileName(), this.context.run.sheet(), row.source().rowNumber());
		return new RowPlan(ref, null, null, List.of(new RowProblem(ref, null, null, null, row.source().problem())));
	}

	private String fileName() {
		return java.nio.file.Path.of(this.context.run.sourceFile()).getFileName().toString();
	}

}
