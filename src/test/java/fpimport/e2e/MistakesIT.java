package fpimport.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiSpace;
import fpimport.mapping.InvalidMappingException;
import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.mapping.RowPlan;
import fpimport.mapping.RowPlanner;
import fpimport.metadata.SpaceCatalog;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.RowProblem;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Acceptance of issue 4 against the emulator's demo space over HTTP: a file and a mapping
 * full of mistakes yield exactly the problems of the golden files under
 * {@code src/test/resources/e2e/}, and nothing is created.
 */
class MistakesIT {

	@TempDir
	Path dir;

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	@Test
	void everyProblemOfEveryRowIsReported() {
		Map<String, String> related = Map.of("story", Long.toString(createStory()));
		CsvSheet sheet = CsvSheet.write(this.dir, "mistakes.csv", related);
		MappingSpec spec = MappingLoader.parse(CsvSheet.resource("every-type.yaml", Map.of()), "every-type.yaml");
		OpenApiSpace space = new OpenApiSpace(this.emulator.client(), spec.project());
		RowPlanner planner = RowPlanner.prepare(spec, SpaceCatalog.load(space, spec.type()), sheet.headers(),
				sheet.fileName(), null);
		planner.resolvePeople(sheet.rows(), space);

		StringBuilder actual = new StringBuilder();
		for (RowPlan plan : sheet.rows().stream().map(planner::plan).toList()) {
			assertThat(plan.draft()).isNull();
			actual.append("# row ").append(plan.row().rowNumber()).append(", key ").append(plan.rowKey()).append('\n');
			for (RowProblem problem : plan.problems()) {
				actual.append(problem.describe()).append('\n');
			}
		}
		Golden.assertMatches("mistakes.golden.txt", related, actual.toString());
		assertThat(this.emulator.space().createCalls()).isEqualTo(1);
	}

	@Test
	void aMappingThatFitsNeitherTheSpaceNorTheFileIsRefusedWithEveryProblem() {
		CsvSheet sheet = CsvSheet.write(this.dir, "mistakes.csv", Map.of("story", "1"));
		MappingSpec spec = MappingLoader.parse(CsvSheet.resource("unfit.yaml", Map.of()), "unfit.yaml");
		SpaceCatalog catalog = SpaceCatalog.load(new OpenApiSpace(this.emulator.client(), spec.project()), spec.type());

		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> RowPlanner.prepare(spec, catalog, sheet.headers(), sheet.fileName(), null))
			.satisfies((ex) -> Golden.assertMatches("unfit.golden.txt", Map.of(), ex.getMessage() + "\n"));
	}

	private long createStory() {
		Map<String, Object> leaf = new HashMap<>();
		leaf.put("value", "mod_platform_account");
		leaf.put("children", null);
		return this.emulator.client()
			.create("demo", new WorkItemDraft("story", null, "账号体系",
					List.of(new FieldValuePair("priority", Map.of("value", "1")),
							new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")),
							new FieldValuePair("field_7e8f9a", Map.of("value", "mod_platform", "children", leaf)))),
					null);
	}

}
