package fpimport.translation;

import java.util.List;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.disabled;
import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.option;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

class OptionTranslatorTest {

	private static final FieldDefinition PRIORITY = field("priority", "优先级", "select", option("P0", "opt_p0"),
			option("P1", "opt_p1"), option("P2", "opt_p2"), option("P3", "opt_p3"), disabled("P4", "opt_p4"));

	private static final FieldDefinition TAGS = field("tags", "标签", "multi_select", option("前端", "t_fe"),
			option("后端", "t_be"), option("Urgent", "t_urgent"));

	@Test
	void selectTakesTheOptionIdOfALabelMatchedIgnoringCaseWidthAndSpaces() {
		FieldValueTranslator priority = translator(PRIORITY);
		assertThat(priority.translate(" p1 ")).isEqualTo(Translation.of(Map.of("value", "opt_p1")));
		assertThat(priority.translate("Ｐ２")).isEqualTo(Translation.of(Map.of("value", "opt_p2")));
		assertThat(priority.translate("opt_p3")).isEqualTo(Translation.of(Map.of("value", "opt_p3")));
	}

	@Test
	void radioIsShapedLikeSelect() {
		FieldValueTranslator radio = translator(field("size", "规模", "radio", option("大", "big"), option("小", "small")));
		assertThat(radio.translate("小")).isEqualTo(Translation.of(Map.of("value", "small")));
	}

	@Test
	void unknownAndDisabledOptionsSayWhatIsAccepted() {
		FieldValueTranslator priority = translator(PRIORITY);
		assertThat(priority.translate("P5"))
			.isEqualTo(Translation.refused("unknown option 'P5' for 优先级; options: P0, P1, P2, P3"));
		assertThat(priority.translate("P4"))
			.isEqualTo(Translation.refused("option 'P4' of 优先级 is disabled; options: P0, P1, P2, P3"));
	}

	@Test
	void valuesMapCellsToLabelsOrIdsFirst() {
		FieldValueTranslator priority = FieldValueTranslator.forField(PRIORITY,
				Fields.withValues(Map.of("紧急", "P0", "高", "opt_p1")), People.none());
		assertThat(priority.translate("紧急")).isEqualTo(Translation.of(Map.of("value", "opt_p0")));
		assertThat(priority.translate("高")).isEqualTo(Translation.of(Map.of("value", "opt_p1")));
		assertThat(priority.translate("P2")).isEqualTo(Translation.of(Map.of("value", "opt_p2")));
	}

	@Test
	void multiSelectSplitsOnCommasSemicolonsAndNewlinesAndDropsRepeats() {
		FieldValueTranslator tags = translator(TAGS);
		assertThat(tags.translate("前端，后端;urgent\n前端")).isEqualTo(
				Translation.of(List.of(Map.of("value", "t_fe"), Map.of("value", "t_be"), Map.of("value", "t_urgent"))));
	}

	@Test
	void multiSelectSplitsOnTheMappingsSeparatorOnly() {
		FieldValueTranslator tags = FieldValueTranslator.forField(TAGS,
				new FieldSettings("|", Map.of(), null, null, Fields.SHANGHAI), People.none());
		assertThat(tags.translate("前端 | 后端"))
			.isEqualTo(Translation.of(List.of(Map.of("value", "t_fe"), Map.of("value", "t_be"))));
		assertThat(tags.translate("前端,后端"))
			.isEqualTo(Translation.refused("unknown option '前端,后端' for 标签; options: 前端, 后端, Urgent"));
	}

	@Test
	void multiSelectReportsEveryBadItem() {
		FieldValueTranslator tags = translator(TAGS);
		assertThat(tags.translate("前端, 测试, 运维"))
			.isEqualTo(Translation.refused(List.of("unknown option '测试' for 标签; options: 前端, 后端, Urgent",
					"unknown option '运维' for 标签; options: 前端, 后端, Urgent")));
	}

	@Test
	void aCellOfSeparatorsOnlyIsAProblem() {
		assertThat(translator(TAGS).translate(" , ;")).isEqualTo(Translation
			.refused("no value in ', ;' for 标签; leave the cell empty or write values between the separators"));
	}

}
