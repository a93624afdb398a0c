package fpimport.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fpimport.result.ResultStore;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.RunRecord;
import fpimport.source.SourceRow;

/**
 * The rows a retry imports again: the rows of its parent run that did not succeed, from
 * the copies of their cells in the database, so the original file is not needed.
 */
final class StoredFeed implements RowFeed {

	private final List<String> headers;

	private final String sheet;

	private final Iterator<RowRecord> rows;

	StoredFeed(ResultStore store, RunRecord retry) {
		List<RowRecord> failed = store.rowsWithStatus(retry.parentRunId(), Set.of(RowStatus.FAILED, RowStatus.INVALID));
		Set<String> names = new LinkedHashSet<>();
		failed.forEach((row) -> names.addAll(row.cells().keySet()));
		this.headers = new ArrayList<>(names);
		this.sheet = retry.sheet();
		this.rows = failed.iterator();
	}

	@Override
	public List<String> headers() {
		return List.copyOf(this.headers);
	}

	@Override
	public String sheet() {
		return this.sheet;
	}

	@Override
	public OriginRow next() {
		if (!this.rows.hasNext()) {
			return null;
		}
		RowRecord row = this.rows.next();
		return new OriginRow(SourceRow.of(row.rowNumber(), row.cells()), row.originRunId(), row.originRowNumber());
	}

	@Override
	public void close() {
	}

}
