package fpimport.result;

import java.util.Objects;

/**
 * What became of one original row in the end: its row in the newest run that took it (the
 * run itself, or a retry of it).
 *
 * @param originRowNumber the row's number in the run that first read it
 * @param row the newest stored outcome of that row
 */
public record LatestOutcome(long originRowNumber, RowRecord row) {

	public LatestOutcome {
		Objects.requireNonNull(row, "row");
	}

}
