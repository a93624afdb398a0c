package fpimport.mapping;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.Headers;
import fpimport.source.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RowPlanner#survey}: one pass over the rows decides the day/month order of each
 * date column a cell proves, and looks people up.
 */
class DateColumnSurveyTest {

	private final TestSpace space = new TestSpace();

	private final SpaceCatalog story = SpaceCatalog.load(this.space, "story");

	private final Headers headers = Headers.of(List.of("Summary", "Created", "Created", "Due", "Owner"));

	private RowPlanner planner(String fields) {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				timezone: Asia/Shanghai
				name: Summary
				fields:
				  priority: {value: P1}
				""" + fields.indent(2), "jira.yaml");
		return RowPlanner.prepare(spec, this.story, this.headers.keys(), "jira.csv", null);
	}

	private SourceRow row(long number, String... cells) {
		return SourceRow.of(number, this.headers.cells(cells));
	}

	private static long midnight(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
	}

	@Test
	void aCellOfAnyColumnOfTheFieldDecidesTheOrderForTheWholeColumn() {
		RowPlanner planner = planner("planned_date: {column: 'Created#2'}\nschedule: {columns: ['Created#1', Due]}");
		List<SourceRow> rows = List.of(row(2, "a", "01/02/2024", "03/04/2024", "05/06/2024", ""),
				SourceRow.malformed(3, "unreadable"), row(4, "b", "01/02/2024", "", "28/06/2024", ""),
				row(5, "c", "01/02/2024", "04/14/2024", "05/06/2024", ""));
		assertThat(planner.survey(rows, this.space)).containsExactly(
				"column Created#2: dates read as month/day, proved by row 5 '04/14/2024'",
				"column Created#1, Due: dates read as day/month, proved by row 4 '28/06/2024'");
		RowPlan first = planner.plan(rows.get(0));
		assertThat(PlannedValues.value(first, "planned_date")).isEqualTo(midnight(2024, 3, 4));
		assertThat(PlannedValues.value(first, "schedule"))
			.isEqualTo(java.util.Map.of("start_time", midnight(2024, 2, 1), "end_time", midnight(2024, 6, 5)));
	}

	@Test
	void aColumnNoCellProvesStaysUndecidedAndItsSwappableDatesAreRefused() {
		RowPlanner planner = planner("planned_date: Due");
		List<SourceRow> rows = List.of(row(2, "a", "13/01/2024", "", "03/04/2024", ""),
				row(3, "b", "", "", "2024-04-13", ""));
		assertThat(planner.survey(rows, this.space)).isEmpty();
		assertThat(planner.plan(rows.get(0)).problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith("ambiguous date '03/04/2024'"));
	}

	@Test
	void theSamePassLooksPeopleUp() {
		RowPlanner planner = planner("planned_date: Due\nowner: Owner");
		List<SourceRow> rows = List.of(row(2, "a", "", "", "13/04/2024", "wang@corp.com"));
		assertThat(planner.survey(rows, this.space))
			.containsExactly("column Due: dates read as day/month, proved by row 2 '13/04/2024'");
		RowPlan plan = planner.plan(rows.get(0));
		assertThat(PlannedValues.value(plan, "owner")).isEqualTo("u_wang");
		assertThat(PlannedValues.value(plan, "planned_date")).isEqualTo(midnight(2024, 4, 13));
	}

}
