package fpimport.job;

import java.util.ArrayList;
import java.util.List;

import fpimport.result.SetReference;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.ReferenceField;

/**
 * Sets a relation field once the items it names exist (a reference set later: a cycle,
 * {@code later: true}, or a row whose item existed before this run): an update of that
 * one field, done when the item holds those ids already.
 */
final class LinkStep implements AfterCreateStep {

	private final ReferenceField field;

	private final List<String> names;

	private final ReferencedItems.Ids ids;

	LinkStep(ReferenceField field, List<String> names, ReferencedItems.Ids ids) {
		this.field = field;
		this.names = List.copyOf(names);
		this.ids = ids;
	}

	@Override
	public String kind() {
		return "link";
	}

	@Override
	public String what() {
		return this.field.fieldName() + " = " + String.join(", ", this.names) + " ("
				+ String.join(", ", this.ids.ids().stream().map(String::valueOf).toList()) + ")";
	}

	@Override
	public boolean done(ItemView item) {
		return ids(item.value(this.field.fieldKey())).equals(this.ids.ids());
	}

	@Override
	public void run(ItemView item, String key) {
		item.client()
			.update(item.projectKey(), item.typeKey(), item.itemId(),
					List.of(new FieldValuePair(this.field.fieldKey(), this.ids.value(this.field))));
		item.updated();
	}

	/** What the field is set to, for the report. */
	SetReference set(long runId, long rowNumber) {
		return new SetReference(runId, rowNumber, this.field.fieldKey(), this.field.fieldName(), this.field.typeKey(),
				this.names, this.ids.ids());
	}

	/** The ids a relation field value holds, in order: a number, or a list of them. */
	static List<Long> ids(Object value) {
		List<Long> ids = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((element) -> add(ids, element));
		}
		else if (value != null) {
			add(ids, value);
		}
		return ids;
	}

	private static void add(List<Long> ids, Object element) {
		if (element instanceof Number number) {
			ids.add(number.longValue());
		}
		else if (element != null && String.valueOf(element).matches("\\d{1,18}")) {
			ids.add(Long.parseLong(String.valueOf(element)));
		}
	}

}
