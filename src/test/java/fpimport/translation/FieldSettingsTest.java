package fpimport.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date format is checked when the mapping is read: a bad pattern says what is wrong.
 */
class FieldSettingsTest {

	@Test
	void aBadDateFormatIsNamedWithAnExampleAndAGoodOneIsNot() {
		assertThat(FieldSettings.formatProblem("yyyy/M/d")).isNull();
		assertThat(FieldSettings.formatProblem("dd.MM.yyyy HH:mm")).isNull();
		assertThat(FieldSettings.formatProblem("yyyy-MM-dd {")).startsWith("bad date format 'yyyy-MM-dd {': ")
			.endsWith("; write a pattern such as yyyy/M/d or dd.MM.yyyy HH:mm");
	}

}
