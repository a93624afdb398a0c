package fpimport.job;

import java.util.Objects;

import fpimport.source.SourceRow;

/** A row to import and the row of the first run it came from. */
record OriginRow(SourceRow source, long originRunId, long originRowNumber) {

	OriginRow {
		Objects.requireNonNull(source, "source");
	}

}
