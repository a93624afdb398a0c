package fpimport.api;

import java.util.List;

/**
 * The body of {@code work_item/filter}: items of some types whose name contains a text
 * (fuzzy), and the page wanted.
 *
 * @param typeKeys the work item type keys
 * @param workItemName the name text, or {@code null} for any name
 * @param pageNum the 1-based page
 * @param pageSize the items per page
 */
public record FilterRequest(List<String> typeKeys, String workItemName, int pageNum, int pageSize) {

	public FilterRequest {
		typeKeys = List.copyOf(typeKeys);
		checkPage(pageNum, pageSize);
	}

	/** Items of one type whose name contains {@code name}, first page of 50. */
	public static FilterRequest byName(String typeKey, String name) {
		return new FilterRequest(List.of(typeKey), name, 1, 50);
	}

	/** The same filter for another page. */
	public FilterRequest page(int number) {
		return new FilterRequest(this.typeKeys, this.workItemName, number, this.pageSize);
	}

	static void checkPage(int pageNum, int pageSize) {
		if (pageNum < 1 || pageSize < 1) {
			throw new IllegalArgumentException("page number and size must be 1 or more: " + pageNum + ", " + pageSize);
		}
	}

}
