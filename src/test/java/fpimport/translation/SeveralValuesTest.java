package fpimport.translation;

import java.util.List;
import java.util.Map;

import fpimport.metadata.Role;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.SHANGHAI;
import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.option;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values of a repeated column (a Jira export's {@code Labels} columns): multi-value
 * fields and roles take each, free text joins them, the others take one.
 */
class SeveralValuesTest {

	private static final People PEOPLE = (person) -> switch (person) {
		case "wang@corp.com" -> Translation.of("u_wang");
		case "li@corp.com" -> Translation.of("u_li");
		default -> Translation.refused("unknown person '" + person + "'");
	};

	private static final FieldSettings SPLIT_BAR = new FieldSettings("|", Map.of(), null, null, SHANGHAI);

	@Test
	void multiValueFieldsTakeEveryItemOfEveryValueOnceInOrder() {
		FieldValueTranslator tags = translator(field("tags", "标签", "multi_select", option("前端", "t_fe"),
				option("后端", "t_be"), option("Urgent", "t_urgent")));
		assertThat(tags.takesSeveral()).isTrue();
		assertThat(tags.translate(List.of("Urgent", " 前端, 后端 ", "urgent"))).isEqualTo(
				Translation.of(List.of(Map.of("value", "t_urgent"), Map.of("value", "t_fe"), Map.of("value", "t_be"))));
		assertThat(tags.translate(List.of(",", " ;"))).isEqualTo(Translation
			.refused("no value in ', | ;' for 标签; leave the cell empty or write values between the separators"));
		FieldValueTranslator modules = translator(field("modules", "涉及模块", "tree_multi_select",
				option("前端", "fe", option("登录", "fe_login")), option("后端", "be", option("网关", "be_gw"))));
		assertThat(modules.takesSeveral()).isTrue();
		assertThat(modules.translate(List.of("前端/登录", "后端/网关"))).satisfies((translation) -> {
			assertThat(translation.ok()).isTrue();
			assertThat((List<?>) translation.value()).hasSize(2);
		});
		FieldValueTranslator blocks = translator(field("blocks", "阻塞", "work_item_related_multi_select"));
		assertThat(blocks.takesSeveral()).isTrue();
		assertThat(blocks.translate(List.of("#1", "2"))).isEqualTo(Translation.of(List.of(1L, 2L)));
	}

	@Test
	void eachValueIsSplitByTheFieldsSeparator() {
		FieldValueTranslator tags = FieldValueTranslator.forField(
				field("tags", "标签", "multi_select", option("a,b", "t_ab"), option("c", "t_c"), option("d", "t_d")),
				SPLIT_BAR, People.none());
		assertThat(tags.translate(List.of("a,b", "c|d"))).isEqualTo(
				Translation.of(List.of(Map.of("value", "t_ab"), Map.of("value", "t_c"), Map.of("value", "t_d"))));
	}

	@Test
	void peopleFieldsAndRolesTakeThePeopleOfEveryValue() {
		FieldValueTranslator watchers = FieldValueTranslator.forField(field("watchers", "关注人", "multi_user"),
				Fields.PLAIN, PEOPLE);
		assertThat(watchers.takesSeveral()).isTrue();
		assertThat(watchers.translate(List.of("wang@corp.com", "li@corp.com; wang@corp.com")))
			.isEqualTo(Translation.of(List.of("u_wang", "u_li")));
		assertThat(watchers.translate(List.of(";", ","))).isEqualTo(Translation
			.refused("no value in '; | ,' for 关注人; leave the cell empty or write values between the separators"));
		FieldValueTranslator owner = FieldValueTranslator.forField(field("owner", "负责人", "user"), Fields.PLAIN, PEOPLE);
		assertThat(owner.takesSeveral()).isFalse();
		FieldValueTranslator rd = FieldValueTranslator.forRole(new Role("role_rd", "rd", "研发", false, true),
				Fields.PLAIN, PEOPLE);
		assertThat(rd.takesSeveral()).isTrue();
		assertThat(rd.translate(List.of("wang@corp.com", "li@corp.com")))
			.isEqualTo(Translation.of(Map.of("role", "role_rd", "owners", List.of("u_wang", "u_li"))));
		assertThat(rd.translate(List.of(" ;", ","))).isEqualTo(Translation
			.refused("no value in '; | ,' for 研发; leave the cell empty or write values between the separators"));
		FieldValueTranslator pm = FieldValueTranslator.forRole(new Role("role_pm", "PM", "产品经理", true, false),
				Fields.PLAIN, PEOPLE);
		assertThat(pm.takesSeveral()).isTrue();
		assertThat(pm.translate(List.of("wang@corp.com", "li@corp.com")))
			.isEqualTo(Translation.refused("role 产品经理 takes one person, got 2: 'wang@corp.com', 'li@corp.com'"));
	}

	@Test
	void freeTextJoinsTheValuesWithANewlineOrTheJoin() {
		FieldValueTranslator note = translator(field("note", "备注", "multi_text"));
		assertThat(note.takesSeveral()).isTrue();
		assertThat(note.translate(List.of(" 第一行\n  缩进 ", "第二行 "))).isEqualTo(Translation.of("第一行\n  缩进\n第二行"));
		FieldSettings joined = new FieldSettings(null, Map.of("x", "X"), null, null, SHANGHAI, "; ");
		FieldValueTranslator title = FieldValueTranslator.forField(field("title", "标题", "text"), joined, People.none());
		assertThat(title.translate(List.of(" x ", "y"))).isEqualTo(Translation.of("X; y"));
		assertThat(FieldSettings.plain(SHANGHAI).join()).isEqualTo("\n");
	}

	@Test
	void singleValueFieldsTakeOneValueAndRefuseMore() {
		for (String type : new String[] { "select", "user", "date", "number", "bool", "link", "email", "business",
				"work_item_related_select" }) {
			FieldValueTranslator one = FieldValueTranslator.forField(field("f", "字段", type, option("P0", "opt_p0")),
					Fields.PLAIN, PEOPLE);
			assertThat(one.takesSeveral()).as(type).isFalse();
		}
		FieldValueTranslator priority = translator(field("priority", "优先级", "select", option("P0", "opt_p0")));
		assertThat(priority.translate(List.of(" P0 "))).isEqualTo(Translation.of(Map.of("value", "opt_p0")));
		assertThat(priority.translate(List.of("P0", "P1")))
			.isEqualTo(Translation.refused("2 values ('P0', 'P1') where one is taken"));
		FieldValueTranslator module = translator(
				field("module", "模块", "tree_select", option("前端", "fe", option("登录", "fe_login"))));
		assertThat(module.translate(List.of("前端/登录"))).isEqualTo(module.translate("前端/登录"));
		assertThat(module.translate(List.of("前端/登录")).value()).isInstanceOf(Map.class);
		FieldValueTranslator parent = translator(field("parent", "关联需求", "work_item_related_select"));
		assertThat(parent.translate(List.of("#42"))).isEqualTo(Translation.of(42L));
		assertThat(parent.translate(List.of("1", "2")))
			.isEqualTo(Translation.refused("2 values ('1', '2') where one is taken"));
		FieldValueTranslator link = translator(field("doc", "文档", "link"));
		assertThat(link.translate(List.of("https://a.example/x", "https://b.example/y"))).isEqualTo(
				Translation.refused("2 values ('https://a.example/x', 'https://b.example/y') where one is taken"));
	}

}
