package fpimport.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Plans each row with the run's mapping: pure, no calls. */
final class PlanningProcessor implements ItemProcessor<OriginRow, PlannedRow> {

	private final RunContext context;

	PlanningProcessor(RunContext context) {
		this.context = context;
	}

	@Override
	public PlannedRow process(OriginRow row) {
		return new PlannedRow(row.source(), this.context.prepared().planner().plan(row.source()), row.originRunId(),
				row.originRowNumber());
	}

}
