package fpimport.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.workitem.Reference;
import fpimport.workitem.ReferenceField;
import fpimport.workitem.RowProblem;

/**
 * The ids that a row's references stand for at the moment it is written: an item that
 * existed before the run, or the item a row of this run became; a row of this run that
 * became no item blocks the row naming it.
 */
final class ReferencedItems {

	/**
	 * What the values of one reference stand for now.
	 *
	 * @param ids the items' ids, in order, when every value has one
	 * @param blocked why the row cannot be written, or {@code null}
	 * @param pending whether some value names a row that has no item yet and is not
	 * refused (a dry run's valid row)
	 */
	record Ids(List<Long> ids, String blocked, boolean pending) {

		/** The field value: the id, or the list of ids of a multi relation. */
		Object value(ReferenceField field) {
			return field.multi() ? List.copyOf(this.ids) : this.ids.get(0);
		}

	}

	/**
	 * A row key made without {@code key:}: the SHA-256 of the row's cells, not a name.
	 */
	private static final java.util.regex.Pattern HASHED_KEY = java.util.regex.Pattern.compile("[0-9a-f]{64}");

	private ReferencedItems() {
	}

	/** The rows of this run that these references name, for {@link #ids}. */
	static Set<Long> namedRows(Collection<Reference> references, ReferenceGraph graph) {
		Set<Long> named = new HashSet<>();
		for (Reference reference : references) {
			for (String value : reference.values()) {
				if (graph.target(reference.field(), value) instanceof ReferenceGraph.Target.Row row) {
					named.add(row.rowNumber());
				}
			}
		}
		return named;
	}

	/**
	 * What a reference's values stand for, given the stored outcomes of the rows of this
	 * run it names.
	 */
	static Ids ids(Reference reference, ReferenceGraph graph, Map<Long, RowRecord> rows) {
		ReferenceField field = reference.field();
		List<Long> ids = new ArrayList<>();
		boolean pending = false;
		for (String value : reference.values()) {
			ReferenceGraph.Target target = graph.target(field, value);
			if (target instanceof ReferenceGraph.Target.Item item) {
				ids.add(item.workItemId());
			}
			else if (target instanceof ReferenceGraph.Target.Unknown unknown) {
				return new Ids(List.of(), unknown.problem(), false);
			}
			else if (target instanceof ReferenceGraph.Target.Row row) {
				RowRecord named = rows.get(row.rowNumber());
				if (named != null && named.workItemId() != null && (named.status().succeeded()
						|| named.status() == RowStatus.PARTIAL || named.status() == RowStatus.IN_FLIGHT)) {
					ids.add(named.workItemId());
				}
				else if (named == null || named.status() == RowStatus.VALID || named.status() == RowStatus.IN_FLIGHT) {
					pending = true;
				}
				else {
					return new Ids(List.of(), blocked(field, value, named), false);
				}
			}
		}
		return new Ids(ids, null, pending);
	}

	/**
	 * Why a row naming a row that became no item is blocked: {@code its parent SHOP-1
	 * failed (30005 Work Item Not Found)}.
	 */
	static String blocked(ReferenceField field, String value, RowRecord named) {
		String lower = field.fieldName().toLowerCase(Locale.ROOT);
		String role = (lower.contains("parent") || field.fieldName().contains("父")) ? "parent" : field.fieldName();
		String outcome = switch (named.status()) {
			case FAILED -> "failed";
			case INVALID -> "is invalid";
			case BLOCKED -> "is blocked";
			default -> "is " + named.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		};
		return "its " + role + " " + shown(value, named.rowKey()) + " " + outcome + " (" + reason(named) + ")";
	}

	/**
	 * The named row as people know it: its row key when the mapping gives one ({@code
	 * SHOP-1}), with the value the cell gave when that differs ({@code SHOP-1 (10001)}).
	 */
	static String shown(String value, String rowKey) {
		if (rowKey == null || rowKey.equals(value) || HASHED_KEY.matcher(rowKey).matches()) {
			return value;
		}
		return rowKey + " (" + value + ")";
	}

	private static String reason(RowRecord named) {
		if (named.errMsg() != null) {
			return ((named.errCode() != null) ? named.errCode() + " " : "") + named.errMsg();
		}
		return named.problems().stream().map(RowProblem::message).findFirst().orElse("no reason stored");
	}

}
