package fpimport.api;

import java.util.List;

/**
 * One page of work items and the answer's pagination.
 *
 * @param items the items of this page
 * @param pageNum the 1-based page number
 * @param pageSize the items per page
 * @param total the items of all pages, or {@value #UNKNOWN_TOTAL} when the answer had no
 * pagination
 */
public record WorkItemPage(List<WorkItemInfo> items, int pageNum, int pageSize, long total) {

	/** The total of an answer without pagination. */
	public static final long UNKNOWN_TOTAL = -1;

	public WorkItemPage {
		items = List.copyOf(items);
	}

	/**
	 * Whether pages after this one may hold more items; without a total, a full page says
	 * so.
	 */
	public boolean hasMore() {
		if (this.items.isEmpty()) {
			return false;
		}
		if (this.total == UNKNOWN_TOTAL) {
			return this.items.size() >= this.pageSize;
		}
		return (long) this.pageNum * this.pageSize < this.total;
	}

}
