package fpimport.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.workitem.RowProblem;

/**
 * Why rows did not succeed, counted: a failed, partial or blocked row's code and message,
 * an invalid row's distinct problems. The run summary shows the most common; counted as
 * the report's rows go by, or from the stored rows ({@link ResultStore#errorReasons}).
 */
public final class ErrorReasons {

	private final Map<String, Long> counts = new LinkedHashMap<>();

	/** Counts the reasons of a row; a row that succeeded (or is valid) has none. */
	public void count(RowRecord row) {
		count(row.status(), row.errCode(), row.errMsg(), row.problems());
	}

	void count(RowStatus status, Integer errCode, String errMsg, List<RowProblem> problems) {
		switch (status) {
			case INVALID -> problems.stream()
				.map(RowProblem::message)
				.distinct()
				.forEach((reason) -> this.counts.merge(reason, 1L, Long::sum));
			case FAILED, PARTIAL, BLOCKED ->
				this.counts.merge(((errCode == null) ? "" : errCode + " ") + errMsg, 1L, Long::sum);
			default -> {
			}
		}
	}

	/** The most common reasons first, then by text; at most {@code limit}. */
	public List<ErrorReason> top(int limit) {
		return this.counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map((entry) -> new ErrorReason(entry.getKey(), entry.getValue()))
			.toList();
	}

}
