package fpimport.api;

import java.util.List;
import java.util.Objects;

/**
 * The body of {@code search/params}: a group of conditions on one type's work items, and
 * the page wanted.
 *
 * @param typeKey the work item type key (a path value)
 * @param group the conditions
 * @param pageNum the 1-based page
 * @param pageSize the items per page
 */
public record SearchRequest(String typeKey, Group group, int pageNum, int pageSize) {

	public SearchRequest {
		Objects.requireNonNull(typeKey, "typeKey");
		Objects.requireNonNull(group, "group");
		if (pageNum < 1 || pageSize < 1) {
			throw new IllegalArgumentException("page number and size must be 1 or more: " + pageNum + ", " + pageSize);
		}
	}

	/** Items of a type whose field {@code paramKey} equals {@code value}, first page. */
	public static SearchRequest equal(String typeKey, String paramKey, Object value) {
		return new SearchRequest(typeKey, new Group("AND", List.of(new Param(paramKey, "=", value)), List.of()), 1, 50);
	}

	/** The same search for another page. */
	public SearchRequest page(int number) {
		return new SearchRequest(this.typeKey, this.group, number, this.pageSize);
	}

	/**
	 * Conditions joined by {@code conjunction} ({@code AND} or {@code OR}), with nested
	 * groups.
	 */
	public record Group(String conjunction, List<Param> params, List<Group> groups) {

		public Group {
			Objects.requireNonNull(conjunction, "conjunction");
			params = List.copyOf(params);
			groups = List.copyOf(groups);
		}

	}

	/**
	 * One condition: a field key, an operator such as {@code =}, and a value in the
	 * field's JSON shape.
	 */
	public record Param(String paramKey, String operator, Object value) {

		public Param {
			Objects.requireNonNull(paramKey, "paramKey");
			Objects.requireNonNull(operator, "operator");
		}

	}

}
