package fpimport.job;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fpimport.api.OpenApiClient;
import fpimport.api.SearchRequest;
import fpimport.api.WorkItemInfo;
import fpimport.result.LedgerEntry;
import fpimport.result.ResultStore;
import fpimport.workitem.ReferenceField;

/**
 * The items that values naming rows outside this run became, looked up in this order:
 * rows imported by earlier runs (by their row key in the ledger, or by the {@code by}
 * column of their stored cells), then the space, searched by the field of that type that
 * holds the value ({@code key_field}). A search finding several items is a problem, never
 * a guess.
 */
final class ExistingItems implements ReferenceGraph.Existing {

	private final ResultStore store;

	private final OpenApiClient client;

	private final String projectKey;

	private final long runId;

	ExistingItems(ResultStore store, OpenApiClient client, String projectKey, long runId) {
		this.store = store;
		this.client = client;
		this.projectKey = projectKey;
		this.runId = runId;
	}

	@Override
	public Map<String, ReferenceGraph.Target> find(ReferenceField field, Set<String> values) {
		Map<String, ReferenceGraph.Target> found = new LinkedHashMap<>();
		if (field.by() == null) {
			Map<String, LedgerEntry> ledger = this.store.ledgerEntries(this.projectKey, field.typeKey(), values);
			ledger.forEach((value, entry) -> found.put(value, new ReferenceGraph.Target.Item(entry.workItemId())));
		}
		else {
			this.store.itemsByCell(this.projectKey, field.typeKey(), field.by(), values, this.runId)
				.forEach((value, id) -> found.put(value, new ReferenceGraph.Target.Item(id)));
		}
		if (field.keyField() != null) {
			Set<String> left = new LinkedHashSet<>(values);
			left.removeAll(found.keySet());
			for (String value : left) {
				List<WorkItemInfo> items = this.client.searchAll(this.projectKey,
						SearchRequest.equal(field.typeKey(), field.keyField(), value));
				if (items.size() == 1) {
					found.put(value, new ReferenceGraph.Target.Item(items.get(0).id()));
				}
				else if (items.size() > 1) {
					found.put(value,
							new ReferenceGraph.Target.Unknown("refers to " + value + ", which " + items.size()
									+ " items of type " + field.typeKey() + " hold in " + field.keyField() + " ("
									+ String.join(", ",
											items.stream().map((item) -> String.valueOf(item.id())).toList())
									+ "); keep one, or name the item by its id"));
				}
			}
		}
		return found;
	}

}
