package fpimport.translation;

import java.util.List;
import java.util.Map;

import fpimport.metadata.Role;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static org.assertj.core.api.Assertions.assertThat;

class UserTranslatorTest {

	private static final People PEOPLE = (person) -> switch (person) {
		case "wang@corp.com", "王五" -> Translation.of("u_wang");
		case "li@corp.com" -> Translation.of("u_li");
		default -> Translation.refused("unknown person '" + person + "'");
	};

	@Test
	void userIsOneUserKey() {
		FieldValueTranslator owner = FieldValueTranslator.forField(field("owner", "负责人", "user"), Fields.PLAIN, PEOPLE);
		assertThat(owner.translate(" wang@corp.com ")).isEqualTo(Translation.of("u_wang"));
		assertThat(owner.persons("wang@corp.com")).containsExactly("wang@corp.com");
		assertThat(owner.translate("wang@corp.com, li@corp.com"))
			.isEqualTo(Translation.refused("only one person fits 负责人, got 2: 'wang@corp.com', 'li@corp.com'"));
		assertThat(owner.translate("nobody")).isEqualTo(Translation.refused("unknown person 'nobody'"));
		assertThat(owner.translate(" ;")).isEqualTo(Translation
			.refused("no value in ';' for 负责人; leave the cell empty or write values between the separators"));
	}

	@Test
	void multiUserIsAListOfDistinctUserKeys() {
		FieldValueTranslator watchers = FieldValueTranslator.forField(field("watchers", "关注人", "multi_user"),
				Fields.PLAIN, PEOPLE);
		assertThat(watchers.translate("wang@corp.com，li@corp.com\n王五"))
			.isEqualTo(Translation.of(List.of("u_wang", "u_li")));
		assertThat(watchers.persons("wang@corp.com，li@corp.com\n王五")).containsExactly("wang@corp.com", "li@corp.com",
				"王五");
		assertThat(watchers.translate("x, y"))
			.isEqualTo(Translation.refused(List.of("unknown person 'x'", "unknown person 'y'")));
	}

	@Test
	void fieldValuesMayNamePeopleToo() {
		FieldValueTranslator owner = FieldValueTranslator.forField(field("owner", "负责人", "user"),
				Fields.withValues(Map.of("老王", "wang@corp.com")), PEOPLE);
		assertThat(owner.persons("老王")).containsExactly("wang@corp.com");
		assertThat(owner.translate("老王")).isEqualTo(Translation.of("u_wang"));
	}

	@Test
	void roleOwnersEntryNamesTheRoleById() {
		FieldValueTranslator rd = FieldValueTranslator.forRole(new Role("role_rd", "rd", "研发", false, true),
				Fields.PLAIN, PEOPLE);
		assertThat(rd.translate("wang@corp.com, li@corp.com"))
			.isEqualTo(Translation.of(Map.of("role", "role_rd", "owners", List.of("u_wang", "u_li"))));
		FieldValueTranslator pm = FieldValueTranslator.forRole(new Role("role_pm", "pm", "产品经理", true, false),
				Fields.PLAIN, PEOPLE);
		assertThat(pm.translate("wang@corp.com; li@corp.com"))
			.isEqualTo(Translation.refused("role 产品经理 takes one person, got 2: 'wang@corp.com', 'li@corp.com'"));
		assertThat(pm.translate("王五"))
			.isEqualTo(Translation.of(Map.of("role", "role_pm", "owners", List.of("u_wang"))));
	}

}
