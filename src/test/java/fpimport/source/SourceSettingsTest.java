package fpimport.source;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceSettingsTest {

	@Test
	void settingsDefaultsAndChecks() {
		SourceSettings defaults = SourceSettings.defaults();
		assertThat(defaults).isEqualTo(new SourceSettings(null, 1, "auto", "auto"));
		assertThat(defaults.detectEncoding()).isTrue();
		assertThat(defaults.delimiterChar()).isEqualTo((char) 0);
		assertThat(new SourceSettings(" ", 1, null, null)).isEqualTo(defaults);
		assertThat(SourceSettings.of(null, null, null, null)).isEqualTo(defaults);
		assertThat(SourceSettings.of("数据", 3, "GBK", ";")).isEqualTo(new SourceSettings("数据", 3, "GBK", ";"));
		assertThat(defaults.withDelimiter("tab").delimiterChar()).isEqualTo('\t');
		assertThat(defaults.withDelimiter("\\t").delimiterChar()).isEqualTo('\t');
		assertThat(defaults.withDelimiter("|").delimiterChar()).isEqualTo('|');
		assertThat(defaults.withEncoding("GBK").detectEncoding()).isFalse();
		assertThatThrownBy(() -> defaults.withDelimiter("::")).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("unknown CSV delimiter '::'"));
		assertThatThrownBy(() -> defaults.withHeaderRow(0)).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("header_row must be 1 or more, not 0"));
	}

}
