package fpimport.result;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which rows that did not succeed a retry takes: by status (INVALID, FAILED; none named
 * means both) and by the service's err_code (none named means any; a code only ever
 * matches a FAILED row, since an invalid row was never sent).
 *
 * @param statuses the statuses wanted, a subset of INVALID and FAILED
 * @param codes the err_codes wanted
 */
public record RowFilter(Set<RowStatus> statuses, Set<Integer> codes) {

	/** Every row that did not succeed. */
	public static final RowFilter ALL = new RowFilter(Set.of(), Set.of());

	private static final Set<RowStatus> RETRIED = Set.of(RowStatus.INVALID, RowStatus.FAILED, RowStatus.PARTIAL,
			RowStatus.BLOCKED);

	public RowFilter {
		statuses = Set.copyOf(statuses);
		codes = Set.copyOf(codes);
		for (RowStatus status : statuses) {
			if (!RETRIED.contains(status)) {
				throw new IllegalArgumentException("only INVALID and FAILED rows are retried, not " + status);
			}
		}
	}

	/** Whether a row of the parent run is one to retry. */
	public boolean matches(RowRecord row) {
		if (!RETRIED.contains(row.status())) {
			return false;
		}
		if (!this.statuses.isEmpty() && !this.statuses.contains(row.status())) {
			return false;
		}
		return this.codes.isEmpty() || (row.errCode() != null && this.codes.contains(row.errCode()));
	}

	/** The filter in words, such as {@code status FAILED, code 30005}; empty for all. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		if (!this.statuses.isEmpty()) {
			text.append("status ")
				.append(String.join(" or ", new TreeSet<>(this.statuses.stream().map(Enum::name).toList())));
		}
		if (!this.codes.isEmpty()) {
			text.append((text.length() > 0) ? ", " : "")
				.append("code ")
				.append(String.join(" or ", new TreeSet<>(this.codes).stream().map(String::valueOf).toList()));
		}
		return text.toString();
	}

}
