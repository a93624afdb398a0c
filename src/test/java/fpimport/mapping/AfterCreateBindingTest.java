package fpimport.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.metadata.Workflow;
import fpimport.source.Headers;
import fpimport.source.SourceRow;
import fpimport.workitem.AfterCreatePlan;
import fpimport.workitem.RowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps a row plans after its create: state moves, comments, files. */
class AfterCreateBindingTest {

	private static final Workflow NODES = new Workflow("1002", true,
			List.of(new Workflow.State("started", "开始 Start"), new Workflow.State("develop", "开发中 Development"),
					new Workflow.State("done", "已完成 Done")),
			List.of(new Workflow.Connection("started", "develop", 0, List.of()),
					new Workflow.Connection("develop", "done", 0, List.of())));

	private static final Workflow STATES = new Workflow("1002", false,
			List.of(new Workflow.State("OPEN", "Open"), new Workflow.State("FIXED", "Fixed"),
					new Workflow.State("GONE", "Gone")),
			List.of(new Workflow.Connection("OPEN", "FIXED", 7, List.of("size"))));

	@TempDir
	Path dir;

	private final TestSpace space = new TestSpace();

	private final SpaceCatalog story = SpaceCatalog.load(this.space, "story");

	private final Headers headers = Headers
		.of(List.of("Summary", "Status", "Resolution", "Comment", "Comment", "File"));

	private RowPlanner planner(String settings, Workflow workflow) {
		MappingSpec spec = MappingLoader.parse("""
				type: story
				template: 1002
				name: Summary
				fields:
				  priority: {value: P1}
				""" + settings, "m.yaml");
		RowPlanner planner = RowPlanner.prepare(spec, this.story, this.headers.keys(), "f.csv", null);
		if (workflow != null) {
			planner.bound().after().useWorkflow(workflow);
		}
		planner.bound().after().useFolder(this.dir);
		return planner;
	}

	private RowPlan plan(RowPlanner planner, String... cells) {
		SourceRow row = SourceRow.of(2, this.headers.cells(cells));
		planner.resolvePeople(List.of(row), this.space);
		return planner.plan(row);
	}

	@Test
	void movesAlongTheNodesAbortsAndSortsTheCommentsOldestFirst() {
		RowPlanner planner = planner("""
				state:
				  column: Status
				  values: {Finished: 已完成 Done, Dropped: abort}
				  abort: {column: Resolution, values: ["Won't Do"]}
				comments: {columns: [Comment]}
				""", NODES);
		assertThat(planner.bound().after().needsWorkflow()).isTrue();
		assertThat(planner.bound().after().any()).isTrue();

		RowPlan done = plan(planner, "A", "Finished", "", "20/Mar/24 11:03 AM;li@corp.com;second",
				"12/Mar/24 2:11 PM;nobody;first; with a semicolon", "");
		AfterCreatePlan after = done.after();
		assertThat(done.problems()).isEmpty();
		assertThat(after.nodeFlow()).isTrue();
		assertThat(after.hops()).extracting(AfterCreatePlan.Hop::to).containsExactly("develop", "done");
		assertThat(after.abortReason()).isNull();
		assertThat(after.comments()).containsExactly("2024-03-12 14:11 · nobody\nfirst; with a semicolon",
				"2024-03-20 11:03 · Li Si\nsecond");

		assertThat(plan(planner, "B", "Dropped", "", "", "", "").after().abortReason()).isEqualTo("Dropped");
		AfterCreatePlan wontDo = plan(planner, "C", "开发中 Development", "won't do", "plain text", "", "").after();
		assertThat(wontDo.abortReason()).isEqualTo("won't do");
		assertThat(wontDo.hops()).hasSize(1);
		assertThat(wontDo.comments()).containsExactly("plain text");
		assertThat(plan(planner, "D", "", "", "", "", "").after().hops()).isEmpty();

		RowPlan unknown = plan(planner, "E", "Closed", "", "", "", "");
		assertThat(unknown.problems()).extracting(RowProblem::message)
			.containsExactly("unknown state 'Closed'; the template's nodes: 开始 Start, 开发中 Development, 已完成 Done; "
					+ "map the cell in state.values");
	}

	@Test
	void aStateFlowNeedsTheTransitionsFieldsAndCannotAbort() {
		RowPlanner without = planner("""
				state: {column: Status, values: {x: abort}}
				""", STATES);
		assertThat(plan(without, "A", "Fixed", "", "", "", "").problems()).extracting(RowProblem::message)
			.containsExactly("the move OPEN -> FIXED needs field size, which state.fields does not give; "
					+ "add it there (like an entry of fields:)");
		assertThat(plan(without, "A", "Gone", "", "", "", "").problems()).extracting(RowProblem::message)
			.containsExactly("state 'Gone' cannot be reached from 'Open' in the template's workflow");
		assertThat(plan(without, "A", "x", "", "", "", "").problems()).extracting(RowProblem::message)
			.containsExactly("'x' aborts the item, but the template's workflow is a state flow, which cannot be "
					+ "aborted; map it to a state in state.values");

		RowPlanner with = planner("""
				state:
				  value: FIXED
				  fields:
				    size: {value: 大}
				""", STATES);
		AfterCreatePlan fixed = plan(with, "A", "", "", "", "", "").after();
		assertThat(fixed.nodeFlow()).isFalse();
		assertThat(fixed.hops()).singleElement().satisfies((hop) -> {
			assertThat(hop.transitionId()).isEqualTo(7);
			assertThat(hop.fields()).singleElement().satisfies((pair) -> assertThat(pair.fieldKey()).isEqualTo("size"));
		});
	}

	@Test
	void uploadsTheFilesACellNamesFromTheFolderAndSaysWhichAreMissing() throws IOException {
		Files.createDirectories(this.dir.resolve("files"));
		Path shot = Files.writeString(this.dir.resolve("files/shot.png"), "png");
		RowPlanner planner = planner("""
				attachments: {column: File, dir: files}
				""", null);
		assertThat(planner.bound().after().needsWorkflow()).isFalse();
		assertThat(planner.bound().after().any()).isTrue();

		AfterCreatePlan found = plan(planner, "A", "", "", "", "",
				"13/Mar/24 9:02 AM;557058:x;shot.png;https://jira.example.net/secure/attachment/1/shot.png")
			.after();
		assertThat(found.files()).containsExactly(shot.toAbsolutePath().normalize().toString());
		assertThat(found.fileField()).isEqualTo("attachment");

		RowPlan missing = plan(planner, "B", "", "", "", "", "gone.png");
		assertThat(missing.problems()).extracting(RowProblem::message)
			.containsExactly("file not found: " + this.dir.resolve("files/gone.png").toAbsolutePath().normalize()
					+ " (attachments.dir: files)");
	}

}
