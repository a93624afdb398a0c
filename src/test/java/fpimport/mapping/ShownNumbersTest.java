package fpimport.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.SourceRow;
import fpimport.workitem.FieldValuePair;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A text field takes a number as the spreadsheet shows it; a number field its value. */
class ShownNumbersTest {

	@Test
	void textFieldsTakeTheShownTextAndNumberFieldsTheValue() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				name: Summary
				fields:
				  priority: {value: P1}
				  external_id: Rate
				  description: Price
				  points: Rate
				""", "prices.yaml");
		RowPlanner planner = RowPlanner.prepare(spec, SpaceCatalog.load(new TestSpace(), "story"),
				List.of("Summary", "Rate", "Price"), "prices.xlsx", null);
		SourceRow row = SourceRow.of(2, Map.of("Summary", "x", "Rate", "0.15", "Price", "1200"),
				Map.of("Rate", "15%", "Price", "¥1,200.00"));
		RowPlan plan = planner.plan(row);
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.draft().fields()).contains(new FieldValuePair("external_id", "15%"),
				new FieldValuePair("description", "¥1,200.00"), new FieldValuePair("points", new BigDecimal("0.15")));
	}

}
