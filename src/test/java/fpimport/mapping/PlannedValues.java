package fpimport.mapping;

import fpimport.workitem.FieldValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/** What a planned row sends for one field, for the planner's tests. */
final class PlannedValues {

	private PlannedValues() {
	}

	/**
	 * The field_value the row's draft gives a field, or {@code null}; the row must have
	 * no problem.
	 */
	static Object value(RowPlan plan, String key) {
		assertThat(plan.problems()).isEmpty();
		return plan.draft()
			.fields()
			.stream()
			.filter((pair) -> pair.fieldKey().equals(key))
			.map(FieldValuePair::fieldValue)
			.findFirst()
			.orElse(null);
	}

}
