package fpimport.mapping;

import java.util.List;
import java.util.Map;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.Headers;
import fpimport.source.SourceRow;
import fpimport.workitem.RowProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A header name the file repeats (a Jira export's {@code Labels} columns) is one column
 * of several values: a multi-value field takes them all, a text field joins them, a
 * single-value field or the row key refuses two.
 */
class RepeatedColumnsTest {

	private final TestSpace space = new TestSpace();

	private final SpaceCatalog story = SpaceCatalog.load(this.space, "story");

	private static final List<String> NAMES = List.of("Summary", "Labels", "Labels", "Priority", "Watcher", "Note",
			"Labels", "Priority", "Note", "Key", "Key");

	private final Headers headers = Headers.of(NAMES);

	private SourceRow row(String... cells) {
		return SourceRow.of(2, this.headers.cells(cells));
	}

	private RowPlanner planner(String fields) {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				name: Summary
				fields:
				""" + fields.indent(2), "jira.yaml");
		return RowPlanner.prepare(spec, this.story, this.headers.keys(), "jira.csv", null);
	}

	private static List<String> messages(RowPlan plan) {
		return plan.problems().stream().map(RowProblem::message).toList();
	}

	@Test
	void aMultiSelectTakesEveryValueOfTheRepeatedColumnsInOrder() {
		RowPlanner planner = planner("tags: Labels\npriority: {column: 'Priority#2', default: P2}");
		RowPlan plan = planner.plan(row("登录", "Urgent", "", "P0", "", "", "前端, 后端", "P1", "", "", ""));
		assertThat(PlannedValues.value(plan, "tags"))
			.isEqualTo(List.of(Map.of("value", "t_urgent"), Map.of("value", "t_fe"), Map.of("value", "t_be")));
		assertThat(PlannedValues.value(plan, "priority")).isEqualTo(Map.of("value", "opt_p1"));
		// an empty group is an empty field
		assertThat(PlannedValues.value(planner.plan(row("x", "", "", "", "", "", " ", "", "", "", "")), "tags"))
			.isNull();
	}

	@Test
	void aPositionTakesThatColumnOnly() {
		RowPlanner planner = planner("tags: 'labels#3'\nfield_9c1e: {column: 'Labels#1'}\npriority: {value: P1}");
		RowPlan plan = planner.plan(row("x", "Urgent", "前端", "", "", "", "后端", "", "", "", ""));
		assertThat(PlannedValues.value(plan, "tags")).isEqualTo(List.of(Map.of("value", "t_be")));
		assertThat(PlannedValues.value(plan, "field_9c1e")).isEqualTo("Urgent");
	}

	@Test
	void aSingleValueFieldGivenTwoValuesIsARowProblemNamingThem() {
		RowPlanner planner = planner("priority: Priority\ntags: Labels");
		RowPlan plan = planner.plan(row("x", "", "", " P0 ", "", "", "", "P1", "", "", ""));
		assertThat(plan.valid()).isFalse();
		assertThat(plan.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.column()).isEqualTo("Priority");
			assertThat(problem.field()).isEqualTo("priority");
			assertThat(problem.message()).isEqualTo("column 'Priority' has 2 values (P0, P1); field '优先级' takes one");
		});
		// one value in either column is the value
		assertThat(PlannedValues.value(planner.plan(row("x", "", "", "", "", "", "", "P3", "", "", "")), "priority"))
			.isEqualTo(Map.of("value", "opt_p3"));
	}

	@Test
	void aTextFieldJoinsTheValuesWithANewlineOrItsJoin() {
		RowPlan plan = planner("description: Note\nexternal_id: {column: Labels, join: ' / '}\npriority: {value: P1}")
			.plan(row("x", " a ", "", "", "", "第一行\n第二行", "c", "", " 第三行 ", "", ""));
		assertThat(PlannedValues.value(plan, "description")).isEqualTo("第一行\n第二行\n第三行");
		assertThat(PlannedValues.value(plan, "external_id")).isEqualTo("a / c");
	}

	@Test
	void joinFitsTextFieldsOnly() {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> planner("priority: {column: Priority, join: ','}"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"fields.priority.join: join applies to text and multi_text fields only; 优先级 is a select field"));
	}

	@Test
	void aColumnNotInTheHeaderListsTheRepeatedNamesOnce() {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> planner("tags: Label\nowner: 'Labels#4'\nfield_9c1e: Remarks\npriority: {value: P1}"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"fields.tags: column 'Label' is not in the header of jira.csv; did you mean Labels ×3?",
					"fields.owner: column 'Labels#4' is not in the header of jira.csv; did you mean Labels ×3?",
					"fields.field_9c1e: column 'Remarks' is not in the header of jira.csv; columns: "
							+ "Summary, Labels ×3, Priority ×2, Watcher, Note ×2, Key ×2"));
	}

	@Test
	void aRowKeyColumnWithTwoValuesIsARowProblem() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				key: Key
				name: Summary
				fields:
				  priority: {value: P1}
				""", "jira.yaml");
		RowPlanner planner = RowPlanner.prepare(spec, this.story, this.headers.keys(), "jira.csv", null);
		RowPlan two = planner.plan(row("x", "", "", "", "", "", "", "", "", "K-1", "K-2"));
		assertThat(messages(two)).containsExactly("column 'Key' has 2 values (K-1, K-2); a row key takes one");
		RowPlan second = planner.plan(row("x", "", "", "", "", "", "", "", "", "", " K-2 "));
		assertThat(second.problems()).isEmpty();
		assertThat(second.rowKey()).isEqualTo("K-2");
		assertThat(messages(planner.plan(row("x", "", "", "", "", "", "", "", "", "", ""))))
			.containsExactly("the key column Key is empty; every row needs a key (key: in the mapping)");
	}

	@Test
	void theRowHashTakesEveryValueOfARepeatedColumn() {
		RowPlanner planner = planner("tags: Labels\npriority: {value: P1}");
		String one = planner.rowKey(row("x", "前端", "", "", "", "", "", "", "", "", ""));
		String two = planner.rowKey(row("x", "前端", "", "", "", "", "后端", "", "", "", ""));
		String moved = planner.rowKey(row("x", "", "前端", "", "", "", "", "", "", "", ""));
		assertThat(two).isNotEqualTo(one);
		// the values count, not where the export happened to put them
		assertThat(moved).isEqualTo(one);
	}

	@Test
	void peopleOfEveryColumnAreLookedUpAndAUserFieldTakesOne() {
		RowPlanner planner = planner("watchers: Labels\nowner: Note\npriority: {value: P1}");
		SourceRow two = row("x", "wang@corp.com", "", "", "", "李四", "li@corp.com", "", "王五", "", "");
		SourceRow one = row("x", "wang@corp.com", "", "", "", "", "li@corp.com", "", "李四", "", "");
		assertThat(planner.personCells(List.of(two, one))).containsExactly("wang@corp.com", "li@corp.com", "李四", "王五");
		planner.resolvePeople(List.of(two, one), this.space);
		assertThat(messages(planner.plan(two)))
			.containsExactly("column 'Note' has 2 values (李四, 王五); field '负责人' takes one");
		RowPlan plan = planner.plan(one);
		assertThat(PlannedValues.value(plan, "watchers")).isEqualTo(List.of("u_wang", "u_li"));
		assertThat(PlannedValues.value(plan, "owner")).isEqualTo("u_li");
	}

	@Test
	void aRoleTakesThePeopleOfEveryColumn() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				name: Summary
				fields:
				  priority: {value: P1}
				roles:
				  rd: Labels
				  PM: Note
				""", "jira.yaml");
		RowPlanner planner = RowPlanner.prepare(spec, this.story, this.headers.keys(), "jira.csv", null);
		SourceRow row = row("x", "wang@corp.com", "", "", "", "李四", "li@corp.com", "", "王五", "", "");
		SourceRow one = row("x", "wang@corp.com", "", "", "", "", "li@corp.com", "", "王五", "", "");
		planner.resolvePeople(List.of(row, one), this.space);
		assertThat(messages(planner.plan(row))).containsExactly("role 产品经理 takes one person, got 2: '李四', '王五'");
		assertThat(PlannedValues.value(planner.plan(one), "role_owners"))
			.isEqualTo(List.of(Map.of("role", "role_rd", "owners", List.of("u_wang", "u_li")),
					Map.of("role", "role_pm", "owners", List.of("u_wang"))));
	}

	@Test
	void aScheduleColumnTakesOneValue() {
		RowPlanner planner = planner("schedule: {columns: [Note, Watcher]}\npriority: {value: P1}");
		RowPlan plan = planner.plan(row("x", "", "", "", "2024-03-08", "2024-03-01", "", "", "2024-03-02", "", ""));
		assertThat(plan.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.column()).isEqualTo("Note");
			assertThat(problem.message())
				.isEqualTo("column 'Note' has 2 values (2024-03-01, 2024-03-02); field '排期' takes one");
		});
		assertThat(PlannedValues
			.value(planner.plan(row("x", "", "", "", "2024-03-08", "", "", "", "2024-03-02", "", "")), "schedule"))
			.isEqualTo(Map.of("start_time", 1709337600000L, "end_time", 1709856000000L));
	}

}
