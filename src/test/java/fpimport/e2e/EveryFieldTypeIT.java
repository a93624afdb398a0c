package fpimport.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fpimport.TestEmulator;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiSpace;
import fpimport.emulator.StoredItem;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance of issue 4 against the emulator's demo space over HTTP: a file that uses
 * every writable field type of the story type and every way of naming a person maps to
 * drafts that the space accepts, and the space then holds exactly the expected values.
 */
class EveryFieldTypeIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	@Test
	void everyFieldTypeAndEveryPersonFormIsCreatedAsExpected() throws IOException {
		Map<String, String> related = createRelatedItems();
		CsvSheet sheet = CsvSheet.write(this.dir, "every-type.csv", related);
		Path mappingFile = this.dir.resolve("every-type.yaml");
		Files.writeString(mappingFile, CsvSheet.resource("every-type.yaml", Map.of()), StandardCharsets.UTF_8);
		MappingSpec spec = MappingLoader.load(mappingFile);
		OpenApiSpace space = new OpenApiSpace(this.emulator.client(), spec.project());
		SpaceCatalog catalog = SpaceCatalog.load(space, spec.type());

		RowPlanner planner = RowPlanner.prepare(spec, catalog, sheet.headers(), sheet.fileName(), null);
		planner.resolvePeople(sheet.rows(), space);
		List<RowPlan> plans = sheet.rows().stream().map(planner::plan).toList();

		assertThat(plans).allSatisfy((plan) -> assertThat(plan.problems()).extracting(RowProblem::describe).isEmpty());
		assertThat(plans).extracting(RowPlan::rowKey).containsExactly("S-1", "S-2", "S-3", "S-4");
		assertThat(plans).extracting((plan) -> plan.row().rowNumber()).containsExactly(2L, 4L, 5L, 7L);
		List<Long> ids = new ArrayList<>();
		for (RowPlan plan : plans) {
			ids.add(this.emulator.client().create(spec.project(), plan.draft(), UUID.randomUUID().toString()));
		}

		ArrayNode stored = JSON.createArrayNode();
		for (long id : ids) {
			StoredItem item = this.emulator.space().item(id).orElseThrow();
			assertThat(item.typeKey()).isEqualTo("story");
			ObjectNode entry = stored.addObject();
			entry.put("name", item.name());
			entry.put("template_id", item.templateId());
			entry.put("created_by", item.createdBy());
			ObjectNode fields = entry.putObject("fields");
			item.fields().forEach(fields::set);
		}
		JsonNode expected = JSON.readTree(CsvSheet.resource("every-type.expected.json", related));
		// read back as text, so that numbers compare by value, not by the node class
		JsonNode actual = JSON.readTree(JSON.writeValueAsString(stored));
		if (!expected.equals(actual)) {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "every-type.expected.json.actual"),
					JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual), StandardCharsets.UTF_8);
		}
		for (int i = 0; i < expected.size(); i++) {
			assertThat(actual.get(i)).as("item of row %s", plans.get(i).rowKey()).isEqualTo(expected.get(i));
		}
		assertThat(actual).hasSize(expected.size());
		assertThat(this.emulator.space().createCalls()).isEqualTo(3 + plans.size());
	}

	/** A story and two bugs for the related-item fields, created through the client. */
	private Map<String, String> createRelatedItems() {
		String project = this.emulator.space().fixture().simpleName();
		long story = this.emulator.client()
			.create(project,
					new WorkItemDraft("story", null, "账号体系",
							List.of(new FieldValuePair("priority", Map.of("value", "1")),
									new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")),
									new FieldValuePair("field_7e8f9a", tree("mod_platform", "mod_platform_account")))),
					null);
		Map<String, String> related = new LinkedHashMap<>();
		related.put("story", Long.toString(story));
		for (String bug : List.of("bug1", "bug2")) {
			long id = this.emulator.client()
				.create(project,
						new WorkItemDraft("issue", null, "登录失败 " + bug, List
							.of(new FieldValuePair("priority", Map.of("value", "1")),
									new FieldValuePair("field_b4c5d6", 1772380800000L),
									new FieldValuePair("role_owners", List
										.of(Map.of("role", "operator", "owners", List.of("7340018273645501234")))))),
						null);
			related.put(bug, Long.toString(id));
		}
		return related;
	}

	private static Map<String, Object> tree(String parent, String child) {
		Map<String, Object> leaf = new LinkedHashMap<>();
		leaf.put("value", child);
		leaf.put("children", null);
		Map<String, Object> top = new LinkedHashMap<>();
		top.put("value", parent);
		top.put("children", leaf);
		return top;
	}

}
