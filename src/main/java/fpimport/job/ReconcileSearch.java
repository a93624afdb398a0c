package fpimport.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import fpimport.api.SearchRequest;
import fpimport.api.WorkItemInfo;

/**
 * The one search that tells whether a row's create went through, built only from
 * documented {@code search/params} keys: the key field with {@code =} and the row key as
 * a string (the key field is text, link, email or telephone, which all take a string), or
 * {@code name =} with {@code created_at >=} the run's start less the clock skew, the
 * creator then compared on the items found. {@code created_by} is not a documented param
 * key: the service answers it with 20068.
 *
 * @param request the search
 * @param userKey for a search by name, the importing user, whom every item found must be
 * created by; {@code null} for a search by key field
 */
public record ReconcileSearch(SearchRequest request, String userKey) {

	/**
	 * The clocks of this machine and of the service may differ: an item made just after
	 * the run started must not be missed, so the name search looks this much earlier.
	 */
	public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	public ReconcileSearch {
		Objects.requireNonNull(request, "request");
	}

	/** By the key field, which holds the row key as a string. */
	public static ReconcileSearch byKeyField(String typeKey, String keyField, String rowKey) {
		return new ReconcileSearch(SearchRequest.equal(typeKey, keyField, rowKey), null);
	}

	/**
	 * By exact name among the items created since the run started (less
	 * {@link #CLOCK_SKEW}); the creator is compared on the items found.
	 */
	public static ReconcileSearch byName(String typeKey, String name, Instant runStarted, String userKey) {
		long since = runStarted.minus(CLOCK_SKEW).toEpochMilli();
		return new ReconcileSearch(
				new SearchRequest(typeKey,
						new SearchRequest.Group("AND",
								List.of(new SearchRequest.Param("name", "=", name),
										new SearchRequest.Param("created_at", ">=", since)),
								List.of()),
						1, 50),
				Objects.requireNonNull(userKey, "userKey"));
	}

	/** Whether an item the search found may be the row's. */
	public boolean matches(WorkItemInfo item) {
		if (this.userKey == null) {
			return true;
		}
		Object name = this.request.group().params().get(0).value();
		// an answer without created_by cannot tell: the name and the time still match
		return name.equals(item.name()) && (item.createdBy() == null || item.createdBy().equals(this.userKey));
	}

	/**
	 * The search as people read it, e.g.
	 * {@code search/params on story: name = "X" AND created_at >= 1764000000000}.
	 */
	public String describe() {
		return "search/params on " + this.request.typeKey() + ": "
				+ this.request.group()
					.params()
					.stream()
					.map((param) -> param.paramKey() + " " + param.operator() + " " + shown(param.value()))
					.collect(Collectors.joining(" AND "));
	}

	private static String shown(Object value) {
		return (value instanceof String text) ? "\"" + text + "\"" : String.valueOf(value);
	}

}
