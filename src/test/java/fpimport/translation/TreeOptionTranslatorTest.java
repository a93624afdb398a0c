package fpimport.translation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.option;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

class TreeOptionTranslatorTest {

	private static final FieldDefinition MODULE = field("module", "模块", "tree_select",
			option("前端", "fe", option("登录", "fe_login"), option("登出", "fe_logout"),
					new FieldOption("旧版", "fe_old", true, List.of())),
			option("后端", "be", option("网关", "be_gw", option("限流", "be_gw_rl"))));

	static Map<String, Object> node(String value, Map<String, Object> children) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("value", value);
		node.put("children", children);
		return node;
	}

	@Test
	void aPathBecomesNestedOptionsEndingInNullChildren() {
		FieldValueTranslator module = translator(MODULE);
		Map<String, Object> feLogin = node("fe", node("fe_login", null));
		assertThat(module.translate("前端/登录")).isEqualTo(Translation.of(feLogin));
		assertThat(module.translate("前端 > 登录")).isEqualTo(Translation.of(feLogin));
		assertThat(module.translate("后端 / 网关 / 限流"))
			.isEqualTo(Translation.of(node("be", node("be_gw", node("be_gw_rl", null)))));
	}

	@Test
	void aPathMustReachALeafUnlessMinLevelAllowsLess() {
		assertThat(translator(MODULE).translate("前端")).isEqualTo(Translation
			.refused("'前端' stops before a leaf of 模块; continue with one of: 登录, 登出 (or set min_level for the field)"));
		FieldValueTranslator levelTwo = FieldValueTranslator.forField(MODULE,
				new FieldSettings(null, Map.of(), null, 2, Fields.SHANGHAI), People.none());
		assertThat(levelTwo.translate("后端/网关")).isEqualTo(Translation.of(node("be", node("be_gw", null))));
		assertThat(levelTwo.translate("后端")).isEqualTo(
				Translation.refused("'后端' stops at level 1 of 模块, which needs level 2; continue with one of: 网关"));
	}

	@Test
	void unknownDisabledAndTooDeepStepsSayWhereTheyWentWrong() {
		FieldValueTranslator module = translator(MODULE);
		assertThat(module.translate("前端/注册"))
			.isEqualTo(Translation.refused("unknown option '注册' under '前端' for 模块; options: 登录, 登出"));
		assertThat(module.translate("移动端/登录"))
			.isEqualTo(Translation.refused("unknown option '移动端' for 模块; options: 前端, 后端"));
		assertThat(module.translate("前端/旧版"))
			.isEqualTo(Translation.refused("option '旧版' under '前端' of 模块 is disabled; options: 登录, 登出"));
		assertThat(module.translate("前端/登录/短信"))
			.isEqualTo(Translation.refused("'前端/登录/短信' goes below a leaf of 模块: '登录' has no sub-options"));
		assertThat(module.translate("前端//登录"))
			.isEqualTo(Translation.refused("empty level in '前端//登录' for 模块; write a path such as 前端/登录 or 前端 > 登录"));
	}

	@Test
	void treeMultiSelectIsAListOfPaths() {
		FieldDefinition modules = field("modules", "涉及模块", "tree_multi_select",
				MODULE.options().toArray(FieldOption[]::new));
		assertThat(translator(modules).translate("前端/登录, 前端/登出")).isEqualTo(
				Translation.of(List.of(node("fe", node("fe_login", null)), node("fe", node("fe_logout", null)))));
	}

}
