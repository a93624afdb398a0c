package fpimport.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.mapping.RowPlan;
import fpimport.mapping.RowPlanner;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.Headers;
import fpimport.source.SourceRow;
import fpimport.workitem.ReferenceField;
import fpimport.workitem.RowProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waves rows are created in (parents first), cycles broken at their lowest row, and
 * what each value names: a row of the file, an item that exists, or nothing.
 */
class ReferenceGraphTest {

	private static final Headers HEADERS = Headers.of(List.of("Summary", "Key", "Id", "Parent", "Blocks"));

	private final SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "story");

	/** What the lookup of existing items was asked, per field key. */
	private final Map<String, Set<String>> asked = new HashMap<>();

	private RowPlanner planner(String fields) {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				key: [Key]
				name: Summary
				fields:
				  priority: {value: P1}
				""" + fields.indent(2), "refs.yaml");
		return RowPlanner.prepare(spec, this.story, HEADERS.keys(), "refs.csv", null);
	}

	private static SourceRow row(long number, String... cells) {
		return SourceRow.of(number, HEADERS.cells(cells));
	}

	private ReferenceGraph graph(RowPlanner planner, Map<String, ReferenceGraph.Target> existing, SourceRow... rows) {
		ReferenceGraph.Survey survey = new ReferenceGraph.Survey(planner, "story");
		for (SourceRow row : rows) {
			survey.observe(row);
		}
		return survey.finish((field, values) -> {
			this.asked.computeIfAbsent(field.fieldKey(), (key) -> new LinkedHashSet<>()).addAll(values);
			Map<String, ReferenceGraph.Target> found = new HashMap<>();
			values.forEach((value) -> {
				if (existing.containsKey(value)) {
					found.put(value, existing.get(value));
				}
			});
			return found;
		});
	}

	@Test
	void childrenListedFirstGoInLaterWavesThanTheirParents() {
		RowPlanner planner = planner("parent: {column: Parent, refers_to: {by: Id}}");
		ReferenceGraph graph = graph(planner, Map.of(), row(2, "task", "S-4", "4", "3", ""),
				row(3, "story", "S-3", "3", "2", ""), row(4, "feature", "S-2", "2", "1", ""),
				row(5, "epic", "S-1", "1", "", ""), row(6, "loner", "S-5", "5", "", ""));
		assertThat(graph.waveCount()).isEqualTo(4);
		assertThat(List.of(graph.wave(5), graph.wave(4), graph.wave(3), graph.wave(2), graph.wave(6)))
			.containsExactly(0, 1, 2, 3, 0);
		assertThat(graph.target(field(planner), "1")).isEqualTo(new ReferenceGraph.Target.Row(5));
		assertThat(graph.referringRows()).containsExactly(2L, 3L, 4L);
		assertThat(graph.later(2, "parent")).isFalse();
		// every value is in the file: nothing is looked up outside it
		assertThat(this.asked).isEmpty();
	}

	@Test
	void aCycleIsBrokenAtItsLowestRowWhoseFieldIsSetLater() {
		RowPlanner planner = planner("parent: {column: Parent, refers_to: {by: Id}}");
		// 2 -> 3 -> 4 -> 2, and 5 under 2
		ReferenceGraph graph = graph(planner, Map.of(), row(2, "a", "S-1", "1", "2", ""),
				row(3, "b", "S-2", "2", "3", ""), row(4, "c", "S-3", "3", "1", ""), row(5, "d", "S-4", "4", "1", ""));
		assertThat(graph.later(2, "parent")).isTrue();
		assertThat(graph.later(3, "parent")).isFalse();
		assertThat(graph.later(4, "parent")).isFalse();
		assertThat(graph.anyLater(2)).isTrue();
		assertThat(graph.anyLater(5)).isFalse();
		// 2 first (its link later), then 4 (names 2), then 3 (names 4); 5 names 2
		assertThat(List.of(graph.wave(2), graph.wave(4), graph.wave(3), graph.wave(5))).containsExactly(0, 1, 2, 1);
		assertThat(graph.waveCount()).isEqualTo(3);
	}

	@Test
	void aRowNamingItselfAndAFieldMarkedLaterAreSetAfterTheCreateAndDoNotOrderRows() {
		RowPlanner planner = planner(
				"parent: {column: Parent, refers_to: {by: Id}}\nblocks: {column: Blocks, refers_to: {later: true}}");
		ReferenceGraph graph = graph(planner, Map.of(), row(2, "a", "S-1", "1", "1", "S-2"),
				row(3, "b", "S-2", "2", "", "S-1"));
		assertThat(graph.later(2, "parent")).isTrue();
		assertThat(graph.later(2, "blocks")).isTrue();
		assertThat(graph.later(3, "blocks")).isTrue();
		assertThat(graph.waveCount()).isEqualTo(1);
		// by the row key: the Key column
		assertThat(graph.target(planner.bound().referenceFields().get(1), "S-2"))
			.isEqualTo(new ReferenceGraph.Target.Row(3));
	}

	@Test
	void valuesOutsideTheFileAreLookedUpOnceAndWhatNothingNamesIsAProblem() {
		RowPlanner planner = planner("parent: {column: Parent, refers_to: {by: Id}}");
		ReferenceGraph graph = graph(planner, Map.of("77", new ReferenceGraph.Target.Item(4812084224L)),
				row(2, "a", "S-1", "1", "77", ""), row(3, "b", "S-2", "2", "77", ""),
				row(4, "c", "S-3", "3", "99", ""));
		assertThat(this.asked).containsExactly(Map.entry("parent", Set.of("77", "99")));
		assertThat(graph.target(field(planner), "77")).isEqualTo(new ReferenceGraph.Target.Item(4812084224L));
		assertThat(graph.waveCount()).isEqualTo(1);
		RowPlan dangling = planner.plan(row(4, "c", "S-3", "3", "99", ""));
		assertThat(graph.problems(dangling)).extracting(RowProblem::message)
			.containsExactly("refers to 99, which is neither in this file nor imported before");
		assertThat(graph.problems(dangling)).extracting(RowProblem::column, RowProblem::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Parent", "99"));
		assertThat(graph.problems(planner.plan(row(2, "a", "S-1", "1", "77", "")))).isEmpty();
	}

	@Test
	void aValueNamingTwoRowsNamesNoneOfThem() {
		RowPlanner planner = planner("parent: {column: Parent, refers_to: {by: Id}}");
		ReferenceGraph graph = graph(planner, Map.of(), row(2, "a", "S-1", "1", "", ""),
				row(3, "b", "S-2", "1", "", ""), row(4, "c", "S-3", "3", "1", ""));
		assertThat(graph.target(field(planner), "1")).isInstanceOf(ReferenceGraph.Target.Unknown.class);
		assertThat(graph.problems(planner.plan(row(4, "c", "S-3", "3", "1", "")))).extracting(RowProblem::message)
			.containsExactly("refers to 1, which names several rows of this file by Id; make that column unique");
		assertThat(graph.wave(4)).isZero();
	}

	@Test
	void aMultiRelationWaitsForTheLastOfTheRowsItNames() {
		RowPlanner planner = planner(
				"parent: {column: Parent, refers_to: {by: Id}}\n" + "blocks: {column: Blocks, refers_to: {by: Id}}");
		ReferenceGraph graph = graph(planner, Map.of(), row(2, "a", "S-1", "1", "", "2, 3"),
				row(3, "b", "S-2", "2", "3", ""), row(4, "c", "S-3", "3", "", ""));
		assertThat(List.of(graph.wave(4), graph.wave(3), graph.wave(2))).containsExactly(0, 1, 2);
		List<String> named = new ArrayList<>();
		graph.references(2).forEach((reference) -> named.addAll(reference.values()));
		assertThat(named).containsExactly("2", "3");
	}

	private static ReferenceField field(RowPlanner planner) {
		return planner.bound().referenceFields().get(0);
	}

}
