package fpimport.translation;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

/** Numbers, booleans and work item ids. */
class ScalarTranslatorTest {

	@Test
	void numbersAreJsonNumbersWithOptionalThousandSeparators() {
		FieldValueTranslator number = translator(field("points", "估分", "number"));
		assertThat(number.translate("1,234,567")).isEqualTo(Translation.of(1234567L));
		assertThat(number.translate("11.50")).isEqualTo(Translation.of(new BigDecimal("11.5")));
		assertThat(number.translate("-3")).isEqualTo(Translation.of(-3L));
		assertThat(number.translate("２，０００")).isEqualTo(Translation.of(2000L));
		assertThat(number.translate("8.0")).isEqualTo(Translation.of(8L));
		// zero, and a whole number too large for a long, stay numbers
		assertThat(number.translate("0.00")).isEqualTo(Translation.of(0L));
		assertThat(number.translate("12345678901234567891"))
			.isEqualTo(Translation.of(new BigDecimal("12345678901234567891")));
	}

	@Test
	void numbersRefuseWordsAndOddGroups() {
		FieldValueTranslator number = translator(field("points", "估分", "number"));
		assertThat(number.translate("12a"))
			.isEqualTo(Translation.refused("not a number '12a' for 估分; write digits such as 1234.5 or 1,234.5"));
		assertThat(number.translate("1,5"))
			.isEqualTo(Translation.refused("not a number '1,5' for 估分; write digits such as 1234.5 or 1,234.5"));
	}

	@Test
	void booleansReadTheUsualWords() {
		FieldValueTranslator bool = translator(field("reviewed", "已评审", "bool"));
		for (String yes : List.of("true", "YES", "y", "是", "1", "Ｙ")) {
			assertThat(bool.translate(yes)).as(yes).isEqualTo(Translation.of(true));
		}
		for (String no : List.of("False", "no", "N", "否", "0")) {
			assertThat(bool.translate(no)).as(no).isEqualTo(Translation.of(false));
		}
		assertThat(bool.translate("maybe")).isEqualTo(
				Translation.refused("not a yes/no value 'maybe' for 已评审; use true/false, yes/no, 是/否, 1/0 or Y/N"));
	}

	@Test
	void workItemIdsAreNumbers() {
		FieldValueTranslator related = translator(field("parent", "关联需求", "work_item_related_select"));
		assertThat(related.translate("4812084224")).isEqualTo(Translation.of(4812084224L));
		assertThat(related.translate("#42")).isEqualTo(Translation.of(42L));
		assertThat(related.translate("STORY-42")).isEqualTo(Translation
			.refused("not a work item id 'STORY-42' for 关联需求; write the numeric id, such as 4812084224"));
		FieldValueTranslator multi = translator(field("blocks", "阻塞", "work_item_related_multi_select"));
		assertThat(multi.translate("1, 2;3")).isEqualTo(Translation.of(List.of(1L, 2L, 3L)));
		assertThat(multi.translate("1, x"))
			.isEqualTo(Translation.refused("not a work item id 'x' for 阻塞; write the numeric id, such as 4812084224"));
	}

}
