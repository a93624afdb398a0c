package fpimport.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.TestSpace;
import fpimport.translation.FieldKind;
import fpimport.translation.FieldKinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The documentation of the mapping tells the truth: its examples load, its schema
 * matches.
 */
class MappingDocsTest {

	private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

	private static String doc(String name) throws IOException {
		return Files.readString(Path.of("docs", name), StandardCharsets.UTF_8);
	}

	private static List<String> examples() throws IOException {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = YAML_BLOCK.matcher(doc("mapping.md"));
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	@Test
	void everyExampleMappingLoads() throws IOException {
		List<String> examples = examples();
		assertThat(examples).hasSize(5);
		for (String example : examples) {
			assertThatNoException().as(example).isThrownBy(() -> MappingLoader.parse(example, "mapping.md"));
		}
	}

	@Test
	void theCompleteExampleFitsASpaceWithThoseFields() throws IOException {
		MappingSpec spec = MappingLoader.parse(examples().get(0), "mapping.md");
		List<String> headers = List.of("编号", "标题", "描述", "优先级", "标签", "计划日期", "开始日期", "结束日期", "开发", "产品经理");
		assertThatNoException().isThrownBy(() -> RowPlanner.prepare(spec,
				SpaceCatalog.load(new TestSpace(), spec.type()), headers, "tasks.xlsx", "Sheet1"));
	}

	@Test
	void everyWritableTypeIsDocumented() throws IOException {
		String doc = doc("mapping.md");
		for (FieldKind kind : FieldKinds.all()) {
			assertThat(doc).as(kind.typeKey()).containsPattern("### [^\\n]*`" + kind.typeKey() + "`");
		}
		assertThat(doc).contains("### `role_owners`");
	}

	@Test
	void theSchemaKnowsExactlyTheSettingsTheLoaderKnows() throws IOException {
		JsonNode schema = JsonMapper.shared().readTree(doc("mapping.schema.json"));
		JsonNode top = schema.get("properties");
		assertThat(top.propertyNames()).containsExactlyInAnyOrderElementsOf(MappingLoader.TOP);
		assertThat(top.get("source").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(MappingLoader.SOURCE);
		assertThat(top.get("users").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(MappingLoader.USERS);
		assertThat(top.get("name").get("oneOf").get(1).get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(MappingLoader.NAME);
		JsonNode definitions = schema.get("definitions");
		assertThat(definitions.get("field").get("oneOf").get(1).get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(MappingLoader.FIELD);
		assertThat(definitions.get("role").get("oneOf").get(1).get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(MappingLoader.ROLE);
	}

}
