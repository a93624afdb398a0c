package fpimport.mapping;

import java.util.List;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.Headers;
import fpimport.source.SourceRow;
import fpimport.workitem.Reference;
import fpimport.workitem.ReferenceField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A relation field whose cells name rows ({@code refers_to:}): how the mapping binds it,
 * and what a row's plan holds instead of ids.
 */
class RefersToTest {

	private static final Headers HEADERS = Headers
		.of(List.of("Summary", "Issue key", "Issue id", "Parent", "Links", "Links", "Priority"));

	private final SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "story");

	private RowPlanner planner(String top, String fields) {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				name: Summary
				""" + top + """

				fields:
				  priority: {value: P1}
				""" + fields.indent(2), "jira.yaml");
		return RowPlanner.prepare(spec, this.story, HEADERS.keys(), "jira.csv", null);
	}

	private static SourceRow row(String... cells) {
		return SourceRow.of(7, HEADERS.cells(cells));
	}

	private List<String> problems(String top, String fields) {
		return assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> planner(top, fields))
			.actual()
			.problems();
	}

	@Test
	void aRowsReferencesAreItsNamesNotIds() {
		RowPlanner planner = planner("key: [Issue key]", "parent: {column: Parent, refers_to: {by: Issue id}}\n"
				+ "blocks: {column: Links, values: {old-1: SHOP-1}, refers_to: {type: 缺陷, key_field: f_ext}}");
		RowPlan plan = planner.plan(row("Login", "SHOP-2", "10002", " 10001 ", "old-1, BUG-7", "BUG-7; BUG-8", ""));
		assertThat(plan.valid()).isTrue();
		assertThat(plan.draft().fields()).extracting((pair) -> pair.fieldKey()).doesNotContain("parent", "blocks");
		assertThat(plan.references()).extracting(Reference::values)
			.containsExactly(List.of("10001"), List.of("SHOP-1", "BUG-7", "BUG-8"));
		ReferenceField parent = plan.references().get(0).field();
		assertThat(parent)
			.isEqualTo(new ReferenceField("parent", "关联需求", "Parent", false, "story", "Issue id", null, false));
		ReferenceField blocks = plan.references().get(1).field();
		assertThat(blocks).isEqualTo(new ReferenceField("blocks", "阻塞", "Links", true, "issue", null, "f_ext", false));
		assertThat(planner.references(row("Login", "SHOP-2", "10002", "10001", "", "", "")))
			.containsExactly(new Reference(parent, List.of("10001")));
		assertThat(planner.cell(row("Login", " SHOP-2 ", "10002", "", "", "", ""), "issue KEY")).isEqualTo("SHOP-2");
		assertThat(planner.cell(row("Login", "SHOP-2", "10002", "", "", "", ""), "Epic Link")).isNull();
		assertThat(planner.bound().referenceFields()).containsExactly(parent, blocks);
		assertThat(planner.bound().refers()).isTrue();
		// an empty cell names nothing
		assertThat(planner.plan(row("Login", "SHOP-2", "10002", "", "", "", "")).references()).isEmpty();
	}

	@Test
	void theRowKeyColumnAndTheMappingsKeyFieldNameTheRowsByDefault() {
		RowPlanner planner = planner("key: [Issue key]\nkey_field: external_id",
				"parent: {column: Parent, refers_to: {by: issue key, later: true}}");
		ReferenceField parent = planner.bound().referenceFields().get(0);
		assertThat(parent.by()).as("the key column: the ledger knows rows by it").isNull();
		assertThat(parent.byLabel()).isEqualTo("row key");
		assertThat(parent.keyField()).isEqualTo("external_id");
		assertThat(parent.later()).isTrue();
		assertThat(planner("key: [Issue key]", "description: Summary").bound().refers()).isFalse();
	}

	@Test
	void everyMistakeIsNamedWithItsPath() {
		assertThat(problems("", "size: {column: Priority, refers_to: {by: Issue id}}"))
			.containsExactly("fields.size.refers_to: refers_to applies to relation fields (work_item_related_select, "
					+ "work_item_related_multi_select) only; 规模 is a radio field");
		assertThat(problems("", "parent: {column: Parent, refers_to: {}}")).containsExactly(
				"fields.parent.refers_to: the rows are named by their row key, but the mapping has no key:; "
						+ "write by: (the column of the rows it names, such as Issue key) or key: columns");
		assertThat(problems("", "parent: {column: Parent, refers_to: {by: Issue ids}}")).singleElement()
			.asString()
			.startsWith("fields.parent.refers_to.by: column 'Issue ids' is not in the header of jira.csv; "
					+ "did you mean Issue id");
		assertThat(problems("", "parent: {column: Parent, refers_to: {by: Issue id, type: 缺陷}}")).containsExactly(
				"fields.parent.refers_to.type: field 关联需求 relates to story items, not issue; write one of those "
						+ "types, or map another relation field");
		assertThat(problems("", "parent: {column: Parent, refers_to: {by: Issue id, type: task}}")).singleElement()
			.asString()
			.startsWith("fields.parent.refers_to.type: unknown work item type 'task'");
		assertThat(problems("", "parent: {column: Parent, refers_to: {by: Issue id, key_field: priority}}"))
			.containsExactly("fields.parent.refers_to.key_field: 'priority' is no text field of 需求 (story) "
					+ "holding the value; write the field_key of one");
	}

	@Test
	void whenTheSpaceDoesNotSayWhatAFieldPointsAtTheTypeIsAskedNotGuessed() {
		String mapping = """
				type: story
				template: 1002
				key: [Issue key]
				name: Summary
				fields:
				  priority: {value: P1}
				  parent: {column: Parent, refers_to: {by: Issue id}}
				""";
		SpaceCatalog silent = SpaceCatalog.load(TestSpace.withoutRelations(), "story");
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> RowPlanner.prepare(MappingLoader.parse(mapping, "jira.yaml"), silent, HEADERS.keys(),
					"jira.csv", null))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("fields.parent.refers_to.type: the space "
					+ "does not say which type 关联需求 points at (its relation is not readable); write the type of "
					+ "the items it names"));
		MappingSpec typed = MappingLoader.parse(mapping.replace("by: Issue id", "by: Issue id, type: 缺陷"), "jira.yaml");
		assertThat(RowPlanner.prepare(typed, silent, HEADERS.keys(), "jira.csv", null).bound().referenceFields())
			.extracting(ReferenceField::typeKey)
			.containsExactly("issue");
	}

	@Test
	void theLoaderRefusesWhatRefersToCannotHold() {
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> MappingLoader.parse("""
				type: story
				fields:
				  parent: {column: Parent, refers_to: Issue id}
				  blocks: {column: Links, refers_to: {by: ' ', later: soon, via: x}}
				""", "m.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"fields.parent.refers_to: write settings such as by: (the column of the rows it names)",
					"fields.blocks.refers_to.via: unknown setting; settings here: by, type, key_field, later",
					"fields.blocks.refers_to.by: empty; remove it or write a value",
					"fields.blocks.refers_to.later: must be true or false; got 'soon'",
					"fields: maps nothing; map at least one column"));
		FieldMapping parsed = MappingLoader
			.parse("type: story\nfields:\n  parent: {column: P, refers_to: {by: ' Issue id ', type: ' 需求 '}}\n",
					"m.yaml")
			.fields()
			.get(0);
		assertThat(parsed.refersTo()).isEqualTo(new RefersTo("Issue id", "需求", null, false));
	}

}
