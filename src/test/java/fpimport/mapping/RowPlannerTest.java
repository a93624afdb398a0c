package fpimport.mapping;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.SourceRow;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RowPlannerTest {

	private final TestSpace space = new TestSpace();

	private final SpaceCatalog story = SpaceCatalog.load(this.space, "story");

	private final List<SourceRow> rows = Fixtures.rows("every-type.tsv");

	private RowPlanner planner;

	@BeforeEach
	void prepare() {
		this.planner = RowPlanner.prepare(Fixtures.mapping("every-type.yaml"), this.story,
				Fixtures.headers("every-type.tsv"), "every-type.tsv", null);
	}

	private static Map<String, Object> node(String value, Map<String, Object> children) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("value", value);
		node.put("children", children);
		return node;
	}

	@Test
	void everyFieldTypeAndPersonFormBecomesItsJsonShape() {
		this.planner.resolvePeople(this.rows, this.space);
		RowPlan plan = this.planner.plan(this.rows.get(0));
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.rowKey()).isEqualTo("S-1");
		assertThat(plan.row()).isEqualTo(new RowRef("every-type.tsv", null, 2));
		assertThat(plan.draft())
			.isEqualTo(new WorkItemDraft("story", 1002L, "登录页改版", List.of(new FieldValuePair("description", "第一行\n第二行"),
					new FieldValuePair("priority", Map.of("value", "opt_p0")),
					new FieldValuePair("size", Map.of("value", "big")),
					new FieldValuePair("tags", List.of(Map.of("value", "t_fe"), Map.of("value", "t_urgent"))),
					new FieldValuePair("module", node("fe", node("fe_login", null))),
					new FieldValuePair("modules",
							List.of(node("fe", node("fe_logout", null)), node("be", node("be_gw", null)))),
					new FieldValuePair("owner", "u_wang"),
					new FieldValuePair("watchers", List.of("u_li", "7351585340534063109")),
					new FieldValuePair("planned_date", 1709481600000L),
					new FieldValuePair("schedule", Map.of("start_time", 1709222400000L, "end_time", 1709827200000L)),
					new FieldValuePair("points", new BigDecimal("1234.5")), new FieldValuePair("reviewed", true),
					new FieldValuePair("doc_link", "https://example.com/prd/1"),
					new FieldValuePair("contact", "li@corp.com"), new FieldValuePair("phone", "+86 10 1234 5678"),
					new FieldValuePair("parent", 4812084224L), new FieldValuePair("blocks", List.of(1L, 2L)),
					new FieldValuePair("business", "662f0e13b1a20d5dd5fb3320"), new FieldValuePair("field_5a3f", "能登录"),
					new FieldValuePair("role_owners",
							List.of(Map.of("role", "role_pm", "owners", List.of("u_wang")),
									Map.of("role", "role_rd", "owners", List.of("7351585340534063109", "u_li")))),
					new FieldValuePair("external_id", "S-1"))));
	}

	@Test
	void emptyCellsTakeTheDefaultOrAreLeftOut() {
		this.planner.resolvePeople(this.rows, this.space);
		assertThat(this.planner.plan(this.rows.get(1)).draft()).isEqualTo(new WorkItemDraft("story", 1002L, "第二条",
				List.of(new FieldValuePair("priority", Map.of("value", "opt_p2")),
						new FieldValuePair("business", "662f0e13b1a20d5dd5fb3320"),
						new FieldValuePair("external_id", "S-2"))));
	}

	@Test
	void everyPersonProblemOfARowIsReported() {
		this.planner.resolvePeople(this.rows, this.space);
		RowPlan plan = this.planner.plan(this.rows.get(2));
		assertThat(plan.draft()).isNull();
		assertThat(plan.rowKey()).isEqualTo("S-3");
		assertThat(plan.problems()).extracting(RowProblem::describe)
			.containsExactly(
					"every-type.tsv, row 4, column 负责人 (field owner), value '张伟': name '张伟' is shared by 2 people: "
							+ "张伟 <zhangwei1@corp.com>, 张伟 <zhangwei2@corp.com>; write the e-mail instead or add users.aliases",
					"every-type.tsv, row 4, column 关注人 (field watchers), value '赵六, nobody@corp.com': "
							+ "person '赵六' (赵六 <zhao@corp.com>) is resigned; name someone active",
					"every-type.tsv, row 4, column 关注人 (field watchers), value '赵六, nobody@corp.com': "
							+ "no person 'nobody@corp.com' found by email, name, user_key; check the spelling or add it to users.aliases",
					"every-type.tsv, row 4, column 产品经理 (field role_pm), value 'chen@corp.com': "
							+ "person 'chen@corp.com' (陈七 <chen@corp.com>) is frozen; name someone active");
	}

	@Test
	void peopleAreCollectedFirstThenLookedUpInBatches() {
		assertThat(this.planner.personCells(this.rows)).containsExactly("wang@corp.com", "李四", "7351585340534063109",
				"老王", "孙八", "LI@corp.com", "张伟", "赵六", "nobody@corp.com", "chen@corp.com", "王五");
		this.planner.resolvePeople(this.rows, this.space);
		assertThat(this.space.lookups).containsExactly("emails:4", "name:李四", "name:孙八", "name:张伟", "name:赵六",
				"name:王五", "keys:1");
	}

	@Test
	void rowsThatNamePeopleWaitForThePeople() {
		assertThatIllegalStateException().isThrownBy(() -> this.planner.plan(this.rows.get(0)))
			.withMessage("resolvePeople must run before rows that name people are planned");
	}

	@Test
	void anUnreadableRowIsItsProblem() {
		RowPlan plan = this.planner.plan(SourceRow.malformed(7, "unterminated quote"));
		assertThat(plan.rowKey()).isEqualTo("unreadable row 7");
		assertThat(plan.problems()).extracting(RowProblem::describe)
			.containsExactly("every-type.tsv, row 7: unterminated quote");
	}

	@Test
	void withoutKeyColumnsTheKeyIsAHashOfTheMappedCellsWhateverTheirOrder() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				name: 标题
				fields:
				  priority: 优先级
				  description: 描述
				""", "hash.yaml");
		RowPlanner first = RowPlanner.prepare(spec, this.story, List.of("标题", "优先级", "描述", "备注"), "a.csv", null);
		RowPlanner second = RowPlanner.prepare(spec, this.story, List.of("描述", "备注", " 优先级", "标题"), "b.csv", null);
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("标题", "登录");
		cells.put("优先级", "P1");
		cells.put("描述", "x");
		cells.put("备注", "not mapped");
		Map<String, String> reordered = new LinkedHashMap<>();
		reordered.put("描述", "x");
		reordered.put("备注", "changed, but not mapped");
		reordered.put(" 优先级", "P1 ");
		reordered.put("标题", "登录");
		String key = first.plan(SourceRow.of(2, cells)).rowKey();
		assertThat(key).isEqualTo("02af49d8501814cf50150878f0790ba618e882dbecfb31e46fc07a3b186fc712");
		assertThat(second.plan(SourceRow.of(9, reordered)).rowKey()).isEqualTo(key);
		cells.put("描述", "y");
		assertThat(first.plan(SourceRow.of(2, cells)).rowKey()).isNotEqualTo(key);
	}

	@Test
	void theMappingsTypeMustBeTheCatalogs() {
		MappingSpec spec = MappingLoader.parse("type: 缺陷\nfields: {description: 描述}\n", "m.yaml");
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> RowPlanner.prepare(spec, this.story, List.of("描述"), "f.csv", null))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"type: the mapping is for '缺陷', but the space's metadata is for 需求 (story)",
					"name: required field 名称 (name) is not mapped and has no default; add name: <column>",
					"fields: required field 优先级 (priority) is not mapped and has no default; add it under fields:"));
	}

	@Test
	void planningIsTheSameOnManyThreads() {
		this.planner.resolvePeople(this.rows, this.space);
		List<RowPlan> sequential = this.rows.stream().map(this.planner::plan).toList();
		for (int round = 0; round < 20; round++) {
			assertThat(this.rows.parallelStream().map(this.planner::plan).toList()).isEqualTo(sequential);
		}
	}

	@Test
	void severalKeyColumnsJoinTheirValuesAndConstantsMayNamePeople() {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				key: [批次, 编号]
				name: 标题
				fields:
				  priority: {value: P1}
				  owner: {value: 老王}
				  watchers: {column: 关注人, default: "孙八"}
				users:
				  aliases: {老王: wang@corp.com}
				""", "m.yaml");
		RowPlanner planner = RowPlanner.prepare(spec, this.story, List.of("编号", "批次", "标题", "关注人"), "f.csv", null);
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("编号", "S-9");
		cells.put("批次", "2024");
		cells.put("标题", "常量");
		cells.put("关注人", "");
		List<SourceRow> rows = List.of(SourceRow.of(2, cells));
		assertThat(planner.personCells(rows)).containsExactly("老王", "孙八");
		planner.resolvePeople(rows, this.space);
		RowPlan plan = planner.plan(rows.get(0));
		assertThat(plan.rowKey()).isEqualTo("2024 / S-9");
		assertThat(plan.draft()).isEqualTo(new WorkItemDraft("story", null, "常量",
				List.of(new FieldValuePair("priority", Map.of("value", "opt_p1")),
						new FieldValuePair("owner", "u_wang"),
						new FieldValuePair("watchers", List.of("7351585340534063109")))));
	}

}
