package fpimport.result;

import java.util.List;
import java.util.Objects;

/**
 * What a relation field naming rows ({@code refers_to:}) was set to on a row's item: the
 * names its cells gave and the ids they stood for.
 *
 * @param runId the run
 * @param rowNumber the row
 * @param fieldKey the relation field
 * @param fieldName its name
 * @param typeKey the type of the items it names
 * @param names the names, in order
 * @param itemIds the ids, in the same order
 */
public record SetReference(long runId, long rowNumber, String fieldKey, String fieldName, String typeKey,
		List<String> names, List<Long> itemIds) {

	public SetReference {
		Objects.requireNonNull(fieldKey, "fieldKey");
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(typeKey, "typeKey");
		names = List.copyOf(names);
		itemIds = List.copyOf(itemIds);
	}

	/**
	 * Each name with the id it stood for, for the report: {@code 关联需求 10003 → 4812084224}
	 * with {@code link} giving what follows each id.
	 */
	public String describe(java.util.function.LongFunction<String> link) {
		StringBuilder text = new StringBuilder(this.fieldName);
		for (int i = 0; i < this.names.size(); i++) {
			text.append((i == 0) ? " " : ", ").append(this.names.get(i));
			if (i < this.itemIds.size()) {
				text.append(" → ").append(this.itemIds.get(i)).append(link.apply(this.itemIds.get(i)));
			}
		}
		return text.toString();
	}

}
