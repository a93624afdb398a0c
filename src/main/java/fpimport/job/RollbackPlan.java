package fpimport.job;

import java.util.List;
import java.util.Objects;

import fpimport.result.RowRecord;

/**
 * What rolling back a run would do: each item the run (or a retry of it) created, with
 * what becomes of it.
 *
 * @param runId the run rolled back
 * @param runIds that run and its retries
 * @param items the items, in run and row order
 */
public record RollbackPlan(long runId, List<Long> runIds, List<Item> items) {

	public RollbackPlan {
		runIds = List.copyOf(runIds);
		items = List.copyOf(items);
	}

	/** The items of one fate. */
	public List<Item> items(Fate fate) {
		return this.items.stream().filter((item) -> item.fate() == fate).toList();
	}

	/** What a rollback does with an item. */
	public enum Fate {

		/** Delete it. */
		DELETE,
		/** It is gone already: the row counts as rolled back. */
		GONE,
		/** Leave it, for the reason given. */
		KEEP

	}

	/**
	 * One item a run created.
	 *
	 * @param row the row that created it, as stored
	 * @param projectKey the space of its run
	 * @param typeKey its type
	 * @param fate what the rollback does with it
	 * @param reason why it is kept, else {@code null}
	 */
	public record Item(RowRecord row, String projectKey, String typeKey, Fate fate, String reason) {

		public Item {
			Objects.requireNonNull(row, "row");
			Objects.requireNonNull(row.workItemId(), "workItemId");
			Objects.requireNonNull(fate, "fate");
		}

		public long workItemId() {
			return this.row.workItemId();
		}

		/** The item as a person finds it in a list: its id, its row and the row's key. */
		public String describe() {
			return "item " + workItemId() + " (run " + this.row.runId() + ", row " + this.row.rowNumber() + ", key "
					+ this.row.rowKey() + ")";
		}

	}

}
