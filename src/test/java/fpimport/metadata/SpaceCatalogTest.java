package fpimport.metadata;

import java.util.List;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpaceCatalogTest {

	private final SpaceCatalog story = SpaceCatalog.load(new TestSpace(), "需求");

	@Test
	void findsTheTypeByKeyApiNameOrName() {
		assertThat(SpaceCatalog.load(new TestSpace(), "story").type().typeKey()).isEqualTo("story");
		assertThat(SpaceCatalog.load(new TestSpace(), " ISSUE ").type().typeKey()).isEqualTo("issue");
		assertThat(this.story.type().typeKey()).isEqualTo("story");
		assertThat(this.story.fields()).isEqualTo(TestSpace.STORY_FIELDS);
		assertThat(this.story.templates()).isEqualTo(TestSpace.STORY_TEMPLATES);
		assertThat(this.story.roles()).isEqualTo(TestSpace.STORY_ROLES);
	}

	@Test
	void refusesUnknownAndDisabledTypes() {
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> SpaceCatalog.load(new TestSpace(), "task"))
			.withMessage("unknown work item type 'task'; types: 需求 (story), 缺陷 (issue), 旧需求 (old)")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FpImportException.Reason.INVALID_INPUT));
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> SpaceCatalog.load(new TestSpace(), "旧需求"))
			.withMessage("work item type 旧需求 (old) is disabled in the space");
	}

	@Test
	void findsFieldsByKeyAliasOrNameAndAnswersEveryNameMatch() {
		assertThat(this.story.findFields("priority")).extracting(FieldDefinition::fieldKey).containsExactly("priority");
		assertThat(this.story.findFields("acceptance")).extracting(FieldDefinition::fieldKey)
			.containsExactly("field_5a3f");
		assertThat(this.story.findFields(" 优先级 ")).extracting(FieldDefinition::fieldKey).containsExactly("priority");
		assertThat(this.story.findFields("重复名")).extracting(FieldDefinition::fieldKey)
			.containsExactly("field_9c1e", "field_9c1f");
		assertThat(this.story.findFields("nothing")).isEmpty();
	}

	@Test
	void findsTemplatesByIdOrNameAndRolesByIdKeyOrName() {
		assertThat(this.story.findTemplates("1002")).extracting(Template::name).containsExactly("敏捷流程");
		assertThat(this.story.findTemplates("默认流程")).extracting(Template::id).containsExactly("1001");
		assertThat(this.story.findRoles("role_rd")).extracting(Role::name).containsExactly("研发");
		assertThat(this.story.findRoles("pm")).extracting(Role::id).containsExactly("role_pm");
		assertThat(this.story.findRoles("测试")).extracting(Role::id).containsExactly("role_qa");
		assertThat(this.story.findRoles("运维")).isEqualTo(List.of());
	}

	@Test
	void describesTheSpaceAsTextAndJson() {
		String text = SpaceDescription.text(this.story);
		assertThat(text).startsWith("Type 需求 (story)\n\nFields (key, name, type, required):\n"
				+ "  name  名称  text  required\n" + "  description  描述  multi_text  optional\n"
				+ "  priority  优先级  select  required\n" + "      P0 → opt_p0\n" + "      P1 → opt_p1\n"
				+ "      P2 → opt_p2\n" + "      P3 → opt_p3\n" + "      P4 → opt_p4  (disabled)\n");
		assertThat(text).contains("  module  模块  tree_select  optional\n      前端 → fe\n      前端/登录 → fe_login\n");
		assertThat(text).contains("  field_5a3f  验收标准  text  optional  alias acceptance\n");
		assertThat(text).endsWith("\nRoles (id, key, name):\n" + "  role_pm  PM  产品经理  required  one person\n"
				+ "  role_rd  rd  研发  several people\n" + "  role_qa  qa  测试  several people\n" + "\n"
				+ "Templates (id, name):\n" + "  1001  默认流程\n" + "  1002  敏捷流程\n" + "  1003  旧流程  (disabled)\n");
		assertThat(SpaceDescription.text(TestSpace.TYPES))
			.isEqualTo("Work item types (key, name):\n  story  需求\n  issue  缺陷\n  old  旧需求  (disabled)\n");
		assertThat(SpaceDescription.json(this.story)).containsEntry("type_key", "story").containsEntry("name", "需求");
		assertThat(SpaceDescription.json(this.story).get("templates"))
			.isEqualTo(List.of(java.util.Map.of("template_id", "1001", "template_name", "默认流程", "disabled", false),
					java.util.Map.of("template_id", "1002", "template_name", "敏捷流程", "disabled", false),
					java.util.Map.of("template_id", "1003", "template_name", "旧流程", "disabled", true)));
	}

}
