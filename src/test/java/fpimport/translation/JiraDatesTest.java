package fpimport.translation;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jira's date shapes read without a {@code format}, and the day/month order of numeric
 * dates decided by a cell of their column.
 */
class JiraDatesTest {

	private static final FieldDefinition CREATED = field("created", "创建时间", "date");

	private static long shanghai(int year, int month, int day, int hour, int minute, int second) {
		return LocalDateTime.of(year, month, day, hour, minute, second)
			.atZone(Fields.SHANGHAI)
			.toInstant()
			.toEpochMilli();
	}

	private static Translation at(long millis) {
		return Translation.of(millis);
	}

	@Test
	void jiraDateTimesAreReadInTheMappingsZone() {
		FieldValueTranslator date = translator(CREATED);
		assertThat(date.translate("24/Jun/26 5:39 PM")).isEqualTo(at(shanghai(2026, 6, 24, 17, 39, 0)));
		assertThat(date.translate("24/jun/26 5:39 pm")).isEqualTo(at(shanghai(2026, 6, 24, 17, 39, 0)));
		assertThat(date.translate("4/JUN/26 8:15 AM")).isEqualTo(at(shanghai(2026, 6, 4, 8, 15, 0)));
		assertThat(date.translate("19/Jan/2025 12:00 AM")).isEqualTo(at(shanghai(2025, 1, 19, 0, 0, 0)));
		assertThat(date.translate("19/Jan/2025 12:30 PM")).isEqualTo(at(shanghai(2025, 1, 19, 12, 30, 0)));
		assertThat(date.translate("01/Dec/25 17:39")).isEqualTo(at(shanghai(2025, 12, 1, 17, 39, 0)));
		assertThat(date.translate("2025-11-15 04:00")).isEqualTo(at(shanghai(2025, 11, 15, 4, 0, 0)));
		assertThat(date.translate("2025-11-15 04:00:59")).isEqualTo(at(shanghai(2025, 11, 15, 4, 0, 59)));
		assertThat(date.translate("10/Mar/24")).isEqualTo(at(shanghai(2024, 3, 10, 0, 0, 0)));
		for (String month : new String[] { "Feb", "Apr", "May", "Jul", "Aug", "Sep", "Oct", "Nov" }) {
			assertThat(date.translate("1/" + month + "/24")).as(month)
				.satisfies((read) -> assertThat(read.ok()).isTrue());
		}
		assertThat(date.translate("1/Nov/24")).isEqualTo(at(shanghai(2024, 11, 1, 0, 0, 0)));
		FieldValueTranslator utc = FieldValueTranslator.forField(CREATED, FieldSettings.plain(ZoneId.of("UTC")),
				People.none());
		assertThat(utc.translate("24/Jun/26 5:39 PM")).isEqualTo(at(1782322740000L));
	}

	@Test
	void impossibleJiraDatesAreRefused() {
		String forms = "; use 2024-03-04, 2024/3/4, 2024年3月4日 (a time such as 09:30 may follow) or set format: for the field";
		FieldValueTranslator date = translator(CREATED);
		for (String cell : new String[] { "31/Feb/24", "24/Jun/26 13:10 PM", "24/Jun/26 0:10 AM", "24/Jux/26",
				"24/Jun/26 25:00" }) {
			assertThat(date.translate(cell)).as(cell)
				.isEqualTo(Translation.refused("not a date '" + cell + "' for 创建时间" + forms));
		}
	}

	@Test
	void aColumnThatProvesDayFirstReadsEveryNumericDateSo() {
		FieldValueTranslator date = translator(CREATED);
		DayMonthOrder order = date.dayMonthOrder();
		assertThat(order.decided()).isFalse();
		assertThat(order.note()).isNull();
		assertThat(order.observe("03/04/2024", 2)).isFalse();
		assertThat(order.observe("2024-04-13", 3)).isFalse();
		assertThat(date.translate("03/04/2024").problems()).singleElement().asString().startsWith("ambiguous date");
		assertThat(order.observe("from 13/04/2024 9:00", 14)).isTrue();
		assertThat(order.decided()).isTrue();
		// a later proof of the other order changes nothing
		assertThat(order.observe("04/13/2024", 15)).isTrue();
		assertThat(order.note()).isEqualTo("dates read as day/month, proved by row 14 '13/04/2024'");
		assertThat(date.translate("03/04/2024")).isEqualTo(at(shanghai(2024, 4, 3, 0, 0, 0)));
		assertThat(date.translate("7-9-2026 10:00")).isEqualTo(at(shanghai(2026, 9, 7, 10, 0, 0)));
		assertThat(date.translate("7.9.2026 10:00:05 pm")).isEqualTo(at(shanghai(2026, 9, 7, 22, 0, 5)));
		assertThat(date.translate("04/13/2024")).isEqualTo(Translation.refused(
				"not a date '04/13/2024' for 创建时间: this column's dates read as day/month, proved by row 14 '13/04/2024'"));
	}

	@Test
	void aColumnThatProvesMonthFirstReadsEveryNumericDateSo() {
		FieldValueTranslator date = translator(CREATED);
		DayMonthOrder order = date.dayMonthOrder();
		assertThat(order.observe("12/31/2024 14:42", 9)).isTrue();
		assertThat(order.note()).isEqualTo("dates read as month/day, proved by row 9 '12/31/2024'");
		assertThat(date.translate("03/04/2024")).isEqualTo(at(shanghai(2024, 3, 4, 0, 0, 0)));
		assertThat(date.translate("12-12-2024 14:42")).isEqualTo(at(shanghai(2024, 12, 12, 14, 42, 0)));
	}

	@Test
	void aScheduleColumnIsProvedByEitherEnd() {
		FieldValueTranslator schedule = translator(field("schedule", "排期", "schedule"));
		DayMonthOrder order = schedule.dayMonthOrder();
		assertThat(order.observe("01/02/2024 ~ 03/04/2024", 2)).isFalse();
		assertThat(order.observe("01/02/2024 ~ 23/04/2024", 3)).isTrue();
		assertThat(schedule.translate("01/02/2024 ~ 03/04/2024")).isEqualTo(Translation
			.of(Map.of("start_time", shanghai(2024, 2, 1, 0, 0, 0), "end_time", shanghai(2024, 4, 3, 0, 0, 0))));
	}

	@Test
	void aFormatSaysTheOrderItself() {
		FieldValueTranslator date = FieldValueTranslator.forField(CREATED, Fields.withFormat("dd/MM/yyyy"),
				People.none());
		assertThat(date.dayMonthOrder()).isNull();
		assertThat(translator(field("n", "估分", "number")).dayMonthOrder()).isNull();
	}

}
