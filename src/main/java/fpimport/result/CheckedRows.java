package fpimport.result;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import fpimport.workitem.RowProblem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of a dry run other than its plainly valid ones ({@link ValidRows}), as
 * {@link ResultStore#saveDryRunRows} keeps them: by blocks of {@value #BLOCK} row numbers
 * and status ({@code FPI_CHECKED_ROWS}), a block's rows in row order as one JSON array,
 * each with its row number, key, item, error and problems. A dry run sends nothing, so
 * nothing else of its rows is known, and their cells are in the run's file. One insert a
 * block rather than one a row: a million rows with a quarter of them invalid took 250,000
 * inserts into {@code FPI_ROW} and its three indexes.
 */
final class CheckedRows {

	/** Row numbers per stored block. */
	static final long BLOCK = 256;

	private static final TypeReference<List<Kept>> KEPT = new TypeReference<>() {
	};

	private final ObjectWriter writer;

	private final ObjectReader reader;

	CheckedRows(JsonMapper json) {
		this.writer = json.writerFor(KEPT);
		this.reader = json.readerFor(KEPT);
	}

	/** The stored text of a block's rows, which are in row order. */
	String encode(Collection<RowRecord> rows) {
		List<Kept> kept = new ArrayList<>(rows.size());
		for (RowRecord row : rows) {
			kept.add(new Kept(row.rowNumber(), row.rowKey(), row.workItemId(), row.errCode(), row.errMsg(),
					row.problems().isEmpty() ? null : row.problems()));
		}
		return this.writer.writeValueAsString(kept);
	}

	/** The rows of a stored block of a run, all of one status, in row order. */
	List<RowRecord> decode(long runId, RowStatus status, String text) {
		List<Kept> kept = this.reader.readValue(text);
		List<RowRecord> rows = new ArrayList<>(kept.size());
		for (Kept row : kept) {
			rows.add(new RowRecord(runId, row.n(), row.k(), status, row.i(), row.c(), row.m(),
					(row.p() == null) ? List.of() : row.p(), Map.of(), null, 0, runId, row.n(), null, null));
		}
		return rows;
	}

	/** A row as a block keeps it, its fields named short: a block holds hundreds. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Kept(long n, String k, Long i, Integer c, String m, List<RowProblem> p) {
	}

}
