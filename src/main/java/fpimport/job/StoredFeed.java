package fpimport.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fpimport.result.ResultStore;
import fpimport.result.RowFilter;
import fpimport.result.RowRecord;
import fpimport.result.RunRecord;
import fpimport.source.SourceRow;

/**
 * The rows a retry imports again: the rows of its parent run that did not succeed (and
 * whose original row did not succeed since), chosen by the retry's stored filter, from
 * the copies of their cells in the database, so the original file is not needed. The same
 * rows in the same order each time it is opened, which a restart relies on.
 */
final class StoredFeed implements RowFeed {

	private final List<String> headers;

	private final String sheet;

	private final Iterator<RowRecord> rows;

	StoredFeed(ResultStore store, RunRecord retry) {
		RowFilter filter = store.rowFilter(retry.runId());
		List<RowRecord> chosen = store.retryCandidates(retry.parentRunId(), retry.runId())
			.stream()
			.filter(filter::matches)
			.toList();
		// the parent's header in its order, and any column only the stored cells name
		Set<String> names = new LinkedHashSet<>();
		store.run(retry.parentRunId()).map(RunRecord::headers).ifPresent(names::addAll);
		chosen.forEach((row) -> names.addAll(row.cells().keySet()));
		this.headers = new ArrayList<>(names);
		this.sheet = retry.sheet();
		this.rows = chosen.iterator();
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
