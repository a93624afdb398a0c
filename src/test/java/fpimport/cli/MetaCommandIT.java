package fpimport.cli;

import java.nio.file.Files;
import java.util.List;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fpimport meta} against the emulator's demo space. */
class MetaCommandIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo());

	@Test
	void listsTheTypes() {
		CliRun result = this.cli.runByEnvironment("meta");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Work item types (key, name):\n  story  需求\n  issue  缺陷\n")
			.contains("fpimport meta --type KEY");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void showsEveryFieldWithItsOptionsAndTheRolesAndTemplatesOfAType() {
		CliRun result = this.cli.runByEnvironment("meta", "--type", " 需求 ");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Type 需求 (story)\n\nFields (key, name, type, required):\n")
			.contains("  priority  优先级 Priority  select  required\n      P0 → 0\n")
			.contains("      P4 (已停用) → 99  (disabled)\n")
			.contains("  field_a1b2c3  标签 Tags  multi_select  optional  alias tags\n")
			.contains("      交易 Trade/下单 Ordering/购物车 Cart → mod_trade_order_cart\n")
			.contains("  field_0a9b8c  关联缺陷 Related bugs  work_item_related_multi_select  optional\n")
			.contains("  field_77ab12  验收标准 Acceptance criteria  multi_text  conditional\n")
			.contains("Roles (id, key, name):\n  PM  PM  产品经理 PM  required  one person\n")
			.contains("  role_8d2k1m  qa  测试 QA  several people\n")
			.contains("Templates (id, name):\n  4418592  需求通用流程 Standard\n  4418601  旧版需求流程 Legacy (停用)  (disabled)\n");
	}

	@Test
	void printsJsonForTools() {
		JsonMapper json = JsonMapper.builder().build();
		CliRun types = this.cli.runByEnvironment("meta", "--json");
		assertThat(types.exitCode()).as(types.err()).isZero();
		assertThat(json.readTree(types.out()).path("types").findValuesAsString("type_key")).containsExactly("story",
				"issue");

		CliRun story = this.cli.runByEnvironment("meta", "--type", "story", "--json");
		assertThat(story.exitCode()).as(story.err()).isZero();
		JsonNode root = json.readTree(story.out());
		assertThat(root.path("type_key").asString()).isEqualTo("story");
		JsonNode priority = null;
		for (JsonNode field : root.path("fields")) {
			if (field.path("field_key").asString().equals("priority")) {
				priority = field;
			}
		}
		assertThat(priority).isNotNull();
		assertThat(priority.path("field_type_key").asString()).isEqualTo("select");
		assertThat(priority.path("required").asString()).isEqualTo("required");
		assertThat(priority.path("options").get(4).toString())
			.isEqualTo("{\"label\":\"P4 (已停用)\",\"value\":\"99\",\"disabled\":true}");
		assertThat(root.path("roles").findValuesAsString("id")).containsExactly("PM", "rd", "role_8d2k1m");
		assertThat(root.path("templates").findValuesAsString("template_id")).containsExactly("4418592", "4418601");
	}

	@Test
	void settingsMayComeFromFpimportYml() throws Exception {
		Files.writeString(this.cli.path("fpimport.yml"), "project: demo\n");
		CliRun result = this.cli.runByEnvironment(List.of("FPIMPORT_PROJECT"), "meta", "--type", "缺陷");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Type 缺陷 (issue)\n");
	}

	@Test
	void aMissingProjectOrCredentialIsAnInvalidInputWithAHint() {
		CliRun noProject = this.cli.runByEnvironment(List.of("FPIMPORT_PROJECT"), "meta");
		assertThat(noProject.exitCode()).isEqualTo(3);
		assertThat(noProject.out()).isEmpty();
		assertThat(noProject.err()).isEqualTo("error: missing project\n"
				+ "hint: set --project, the environment variable FPIMPORT_PROJECT, or 'project:' in fpimport.yml\n");

		CliRun noPlugin = this.cli.runByEnvironment(List.of("FPIMPORT_PLUGIN_ID"), "meta", "--type", "story");
		assertThat(noPlugin.exitCode()).isEqualTo(3);
		assertThat(noPlugin.err()).isEqualTo("error: missing plugin id\n"
				+ "hint: set --plugin-id, the environment variable FPIMPORT_PLUGIN_ID, or 'plugin-id:' in fpimport.yml\n");

		CliRun noSecret = this.cli.runByEnvironment(List.of("FPIMPORT_PLUGIN_SECRET"), "meta");
		assertThat(noSecret.exitCode()).isEqualTo(3);
		assertThat(noSecret.err()).startsWith("error: missing plugin secret\n");

		CliRun noUser = this.cli.runByEnvironment(List.of("FPIMPORT_USER_KEY"), "meta");
		assertThat(noUser.exitCode()).isEqualTo(3);
		assertThat(noUser.err()).startsWith("error: missing user key\n");
	}

	@Test
	void anUnknownTypeNamesTheTypesThereAre() {
		CliRun result = this.cli.runByEnvironment("meta", "--type", "epic");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err()).startsWith("error: unknown work item type 'epic'; types: 需求 (story), 缺陷 (issue)\n");
	}

	@Test
	void aWrongUserKeyIsARefusalOfTheServiceWithAHint() {
		CliRun result = this.cli.runByEnvironment("meta", "--user-key", "123");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err())
			.startsWith("error: GET /open_api/:project_key/work_item/all-types failed: err_code 20042")
			.endsWith("hint: check --user-key: it must be the user_key of a member of the space\n");
	}

	@Test
	void anUnknownProjectIsRefusedWithAHintThatNamesTheProjectKey() {
		CliRun result = this.cli.runByEnvironment("meta", "--project", "nosuch");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err()).contains("err_code 10001")
			.endsWith("hint: check the project key, and that the plugin is installed in the space and the user "
					+ "has permission\n");
	}

	@Test
	void aWrongSecretIsARefusalOfTheService() {
		CliRun result = this.cli.runByEnvironment("meta", "--plugin-secret", "s3cr3t-typo");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err()).startsWith("error: ").doesNotContain("s3cr3t-typo").doesNotContain("demo-secret");
	}

}
