package fpimport.translation;

import java.util.Map;

import fpimport.metadata.FieldDefinition;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

class DateTranslatorTest {

	private static final FieldDefinition PLANNED = field("planned_date", "计划日期", "date");

	/** 2024-03-04 00:00 in Asia/Shanghai. */
	private static final long MARCH_4 = 1709481600000L;

	@Test
	void dateOnlyFormsMeanMidnightInTheMappingsZone() {
		FieldValueTranslator date = translator(PLANNED);
		assertThat(date.translate("2024-03-04")).isEqualTo(Translation.of(MARCH_4));
		assertThat(date.translate("2024/3/4")).isEqualTo(Translation.of(MARCH_4));
		assertThat(date.translate("2024.03.04")).isEqualTo(Translation.of(MARCH_4));
		assertThat(date.translate("2024年3月4日")).isEqualTo(Translation.of(MARCH_4));
		assertThat(date.translate("２０２４年３月４日")).isEqualTo(Translation.of(MARCH_4));
	}

	@Test
	void dateTimeFormsKeepTheirTime() {
		FieldValueTranslator date = translator(PLANNED);
		assertThat(date.translate("2024-03-04 09:30")).isEqualTo(Translation.of(1709515800000L));
		assertThat(date.translate("2024-03-04T09:30:15")).isEqualTo(Translation.of(1709515815000L));
		assertThat(date.translate("2024/3/4 9:30")).isEqualTo(Translation.of(1709515800000L));
		assertThat(date.translate("2024年3月4日 09:30")).isEqualTo(Translation.of(1709515800000L));
		assertThat(date.translate("2024-03-04T09:30:00Z")).isEqualTo(Translation.of(1709544600000L));
		assertThat(date.translate("2024-03-04T09:30:00+08:00")).isEqualTo(Translation.of(1709515800000L));
		assertThat(date.translate("2024-03-04 09:30+08:00")).isEqualTo(Translation.of(1709515800000L));
		assertThat(date.translate("2024-03-04T09:30-05:00")).isEqualTo(Translation.of(1709562600000L));
		assertThat(date.translate("1709481600000")).isEqualTo(Translation.of(MARCH_4));
	}

	@Test
	void swappableDayAndMonthNeedAFormat() {
		assertThat(translator(PLANNED).translate("03/04/2024")).isEqualTo(Translation.refused(
				"ambiguous date '03/04/2024' for 计划日期: day and month could be swapped; add format: dd/MM/yyyy or MM/dd/yyyy to the field's mapping"));
		FieldValueTranslator dayFirst = FieldValueTranslator.forField(PLANNED, Fields.withFormat("dd/MM/yyyy"),
				People.none());
		assertThat(dayFirst.translate("04/03/2024")).isEqualTo(Translation.of(MARCH_4));
		FieldValueTranslator monthFirst = FieldValueTranslator.forField(PLANNED, Fields.withFormat("MM/dd/yyyy"),
				People.none());
		assertThat(monthFirst.translate("03/04/2024")).isEqualTo(Translation.of(MARCH_4));
	}

	@Test
	void aFormatIsStrict() {
		FieldValueTranslator format = FieldValueTranslator.forField(PLANNED, Fields.withFormat("yyyy/M/d"),
				People.none());
		assertThat(format.translate("2024/2/29")).isEqualTo(Translation.of(1709136000000L));
		assertThat(format.translate("2024/2/30"))
			.isEqualTo(Translation.refused("not a date '2024/2/30' in format yyyy/M/d for 计划日期; write it as 2024/3/4"));
	}

	@Test
	void impossibleAndUnknownDatesSayWhichFormsWork() {
		String forms = "; use 2024-03-04, 2024/3/4, 2024年3月4日 (a time such as 09:30 may follow) or set format: for the field";
		assertThat(translator(PLANNED).translate("2024-13-01"))
			.isEqualTo(Translation.refused("not a date '2024-13-01' for 计划日期" + forms));
		assertThat(translator(PLANNED).translate("next week"))
			.isEqualTo(Translation.refused("not a date 'next week' for 计划日期" + forms));
	}

	@Test
	void scheduleIsAStartAndAnEnd() {
		FieldValueTranslator schedule = translator(field("schedule", "排期", "schedule"));
		Map<String, Object> range = Map.of("start_time", 1709222400000L, "end_time", 1709827200000L);
		assertThat(schedule.translate("2024-03-01 ~ 2024-03-08")).isEqualTo(Translation.of(range));
		assertThat(schedule.translate("2024/3/1～2024/3/8")).isEqualTo(Translation.of(range));
		assertThat(schedule.translate("2024年3月1日 至 2024年3月8日")).isEqualTo(Translation.of(range));
	}

	@Test
	void scheduleProblemsNameTheBadEnd() {
		FieldValueTranslator schedule = translator(field("schedule", "排期", "schedule"));
		assertThat(schedule.translate("2024-03-01")).isEqualTo(Translation
			.refused("a schedule needs a start and an end, such as 2024-03-01 ~ 2024-03-08; got '2024-03-01' for 排期"));
		assertThat(schedule.translate("2024-03-08 ~ 2024-03-01"))
			.isEqualTo(Translation.refused("the end '2024-03-01' is before the start '2024-03-08' for 排期"));
		assertThat(schedule.translate("2024-03-01 ~ soon")).isEqualTo(Translation.refused(
				"not a date 'soon' for 排期; use 2024-03-04, 2024/3/4, 2024年3月4日 (a time such as 09:30 may follow) or set format: for the field"));
	}

}
