package fpimport.translation;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Deciding a column's day/month order from the cells that prove it. */
class DayMonthOrderTest {

	@Test
	void theQuickLookNeverMissesADateThePatternFinds() {
		Random random = new Random(12);
		String alphabet = "0123456789/-.: 年aT";
		int dates = 0;
		for (int n = 0; n < 300_000; n++) {
			StringBuilder cell = new StringBuilder();
			int length = random.nextInt(6);
			for (int i = 0; i < length; i++) {
				cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			// something like a date, or near one: digits, a separator, digits, a
			// separator, digits
			digits(cell, 1 + random.nextInt(3), random);
			cell.append("-/.:".charAt(random.nextInt(4)));
			digits(cell, 1 + random.nextInt(3), random);
			cell.append("-/.:".charAt(random.nextInt(4)));
			digits(cell, 3 + random.nextInt(3), random);
			for (int i = random.nextInt(4); i > 0; i--) {
				cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = cell.toString();
			boolean date = DayMonthOrder.NUMERIC.matcher(text).find();
			dates += date ? 1 : 0;
			if (date) {
				assertThat(DayMonthOrder.yearAfterSeparator(text)).as(text).isTrue();
			}
		}
		assertThat(dates).as("dates turn up").isGreaterThan(1000);
		assertThat(DayMonthOrder.yearAfterSeparator("2024-03-04")).isFalse();
		assertThat(DayMonthOrder.yearAfterSeparator("2024-03-04 09:30")).isFalse();
		assertThat(DayMonthOrder.yearAfterSeparator("李娜")).isFalse();
		assertThat(DayMonthOrder.yearAfterSeparator("13/04/2024")).isTrue();
		assertThat(DayMonthOrder.yearAfterSeparator("due 1.2.2024, late")).isTrue();
	}

	private static void digits(StringBuilder cell, int count, Random random) {
		for (int i = 0; i < count; i++) {
			cell.append((char) ('0' + random.nextInt(10)));
		}
	}

	@Test
	void aCellWithADayAbove12DecidesAndIsNamedAsTheProof() {
		DayMonthOrder order = new DayMonthOrder("计划日期");
		assertThat(order.observe("2024-03-13", 2)).isFalse();
		assertThat(order.observe("03/04/2024", 3)).isFalse();
		// 12 is a month as well as a day: it proves nothing, on either side
		assertThat(order.observe("12/05/2024", 3)).isFalse();
		assertThat(order.observe("05/12/2024", 3)).isFalse();
		assertThat(order.decided()).isFalse();
		assertThat(order.note()).isNull();
		assertThat(order.observe("from 13/04/2024", 4)).isTrue();
		assertThat(order.note()).isEqualTo("dates read as day/month, proved by row 4 '13/04/2024'");
		assertThat(order.observe("04/13/2024", 5)).as("decided once").isTrue();
		assertThat(order.note()).contains("day/month");
	}

}
