package fpimport.job;

import java.util.Objects;

import fpimport.mapping.RowPlan;
import fpimport.source.SourceRow;

/**
 * A source row with its plan, and the row of the first run it came from (itself for an
 * import, the original row for a retry).
 */
record PlannedRow(SourceRow source, RowPlan plan, long originRunId, long originRowNumber) {

	PlannedRow {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(plan, "plan");
	}

	long rowNumber() {
		return this.source.rowNumber();
	}

}
