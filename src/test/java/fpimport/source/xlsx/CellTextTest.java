package fpimport.source.xlsx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

	@Test
	void formatKinds() {
		assertThat(CellText.kind(0, "General")).isEqualTo(CellText.Kind.NUMBER);
		assertThat(CellText.kind(10, "0.00%")).isEqualTo(CellText.Kind.NUMBER);
		assertThat(CellText.kind(14, "m/d/yy")).isEqualTo(CellText.Kind.DATE);
		assertThat(CellText.kind(22, "m/d/yy h:mm")).isEqualTo(CellText.Kind.DATE_TIME);
		assertThat(CellText.kind(164, "yyyy\"年\"m\"月\"d\"日\"")).isEqualTo(CellText.Kind.DATE);
		assertThat(CellText.kind(165, "[$-F400]h:mm:ss\\ AM/PM")).isEqualTo(CellText.Kind.TIME);
		assertThat(CellText.kind(166, "mmm-yy")).isEqualTo(CellText.Kind.DATE);
		assertThat(CellText.kind(46, "[h]:mm:ss")).isEqualTo(CellText.Kind.DURATION);
		assertThat(CellText.kind(31, "reserved-0x1F")).isEqualTo(CellText.Kind.DATE);
		assertThat(CellText.kind(34, null)).isEqualTo(CellText.Kind.TIME);
		assertThat(CellText.kind(57, "reserved-0x39")).isEqualTo(CellText.Kind.DATE);
		assertThat(CellText.kind(169, "\"TRUE\";\"TRUE\";\"FALSE\"")).isEqualTo(CellText.Kind.BOOLEAN);
	}

	@Test
	void numbersAsExcelShowsThem() {
		assertThat(CellText.number("42")).isEqualTo("42");
		assertThat(CellText.number("42.0")).isEqualTo("42");
		assertThat(CellText.number("1.23456789012345E+17")).isEqualTo("123456789012345000");
		assertThat(CellText.number("0.30000000000000004")).isEqualTo("0.3");
		assertThat(CellText.number("1E-7")).isEqualTo("0.0000001");
		assertThat(CellText.number("-0")).isEqualTo("0");
		assertThat(CellText.number(-2.5)).isEqualTo("-2.5");
		assertThat(CellText.number(1e15)).isEqualTo("1000000000000000");
	}

	@Test
	void datesTimesAndDurations() {
		assertThat(CellText.of(45356.0, CellText.Kind.DATE, false)).isEqualTo("2024-03-05");
		assertThat(CellText.of(45356.604166666664, CellText.Kind.DATE_TIME, false)).isEqualTo("2024-03-05T14:30");
		assertThat(CellText.of(45356.60418981482, CellText.Kind.DATE_TIME, false)).isEqualTo("2024-03-05T14:30:02");
		assertThat(CellText.of(0.25, CellText.Kind.TIME, false)).isEqualTo("06:00");
		assertThat(CellText.of(1.0, CellText.Kind.BOOLEAN, false)).isEqualTo("true");
		assertThat(CellText.of("0", CellText.Kind.BOOLEAN, false)).isEqualTo("false");
		assertThat(CellText.of(1.5, CellText.Kind.DURATION, false)).isEqualTo("36:00");
		assertThat(CellText.of("45356", CellText.Kind.DATE, true)).isEqualTo("2028-03-06");
		assertThat(CellText.of(-1.0, CellText.Kind.DATE, false)).isEqualTo("-1");
		assertThat(CellText.isoDate("2024-03-05T00:00:00")).isEqualTo("2024-03-05");
		assertThat(CellText.isoDate("2024-03-05T14:30:00")).isEqualTo("2024-03-05T14:30");
		assertThat(CellText.isoDate("2024-03-05T14:30:15.000Z")).isEqualTo("2024-03-05T14:30:15");
	}

}
