package fpimport.api;

import java.util.List;

/**
 * One page of work items and the answer's pagination; without pagination the page holds
 * everything.
 */
public record WorkItemPage(List<WorkItemInfo> items, int pageNum, int pageSize, long total) {

	public WorkItemPage {
		items = List.copyOf(items);
	}

	/** Whether pages after this one hold more items. */
	public boolean hasMore() {
		return !this.items.isEmpty() && (long) this.pageNum * this.pageSize < this.total;
	}

}
