package fpimport.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.source.SourceRow;
import fpimport.workitem.RowProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Files full of mistakes: their problems are compared with golden files under
 * {@code src/test/resources/mapping/}. On a difference the actual text is written to
 * {@code target/} for a diff.
 */
class RowPlannerMistakesTest {

	private final TestSpace space = new TestSpace();

	private final SpaceCatalog story = SpaceCatalog.load(this.space, "story");

	@Test
	void aMappingThatDoesNotFitTheSpaceOrTheFileIsRefusedWithEveryProblem() throws IOException {
		MappingSpec spec = Fixtures.mapping("unfit.yaml");
		List<String> headers = List.of("编号", "标题", "优先级", "备注", "附件", "研发", "描述", "标签", "规模", "负责人", "估分", "开始", "结束",
				"已评审");
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> RowPlanner.prepare(spec, this.story, headers, "tasks.xlsx", "Sheet1"))
			.satisfies((ex) -> assertGolden("unfit.golden.txt", ex.getMessage() + "\n"));
	}

	@Test
	void rowsFullOfMistakesReportEveryProblem() throws IOException {
		RowPlanner planner = RowPlanner.prepare(Fixtures.mapping("every-type.yaml"), this.story,
				Fixtures.headers("mistakes.tsv"), "mistakes.tsv", null);
		List<SourceRow> rows = Fixtures.rows("mistakes.tsv");
		planner.resolvePeople(rows, this.space);
		StringBuilder actual = new StringBuilder();
		for (SourceRow row : rows) {
			RowPlan plan = planner.plan(row);
			assertThat(plan.draft()).isNull();
			actual.append("# row ").append(row.rowNumber()).append(", key ").append(plan.rowKey()).append('\n');
			for (RowProblem problem : plan.problems()) {
				actual.append(problem.describe()).append('\n');
			}
		}
		assertGolden("mistakes.golden.txt", actual.toString());
	}

	private static void assertGolden(String golden, String actual) {
		String expected = Fixtures.text(golden);
		if (!expected.equals(actual)) {
			try {
				Files.createDirectories(Path.of("target"));
				Files.writeString(Path.of("target", golden + ".actual"), actual, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(lines(actual)).containsExactlyElementsOf(lines(expected));
	}

	private static List<String> lines(String text) {
		return new ArrayList<>(List.of(text.split("\n", -1)));
	}

}
