package fpimport.translation;

import java.util.ArrayList;
import java.util.List;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.option;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

/** An option that matched none names the near options, or a short list of them. */
class NearOptionsTest {

	@Test
	void aMisspeltOptionNamesTheNearOne() {
		FieldValueTranslator tags = translator(field("tags", "标签", "multi_select", option("前端", "t_fe"),
				option("后端", "t_be"), option("Urgent", "t_urgent")));
		assertThat(tags.translate("Urgnet"))
			.isEqualTo(Translation.refused("unknown option 'Urgnet' for 标签; did you mean Urgent?"));
	}

	@Test
	void aMisspeltLevelOfATreeNamesTheNearOption() {
		FieldValueTranslator module = translator(field("module", "模块", "tree_select",
				option("前端", "m_fe", option("登录", "m_login"), option("登出", "m_logout")), option("后端", "m_be")));
		assertThat(module.translate("前端/登陆"))
			.isEqualTo(Translation.refused("unknown option '登陆' under '前端' for 模块; did you mean 登录 or 登出?"));
	}

	@Test
	void aLongListOfOptionsIsCut() {
		List<FieldOption> options = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			options.add(option("Sprint " + i, "s" + i));
		}
		FieldDefinition sprint = field("sprint", "迭代", "select", options.toArray(FieldOption[]::new));
		assertThat(translator(sprint).translate("Backlog")).isEqualTo(Translation.refused(
				"unknown option 'Backlog' for 迭代; options: Sprint 1, Sprint 2, Sprint 3, Sprint 4, Sprint 5, Sprint 6, "
						+ "Sprint 7, Sprint 8, Sprint 9, Sprint 10, Sprint 11, Sprint 12 and 8 more"));
	}

}
