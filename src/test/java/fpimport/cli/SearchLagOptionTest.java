package fpimport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --search-lag}: a time in ms, s or m, from the flag, {@code FPIMPORT_SEARCH_LAG}
 * or {@code search-lag:} in fpimport.yml, else 5 s; it reaches the job settings.
 */
class SearchLagOptionTest {

	@TempDir
	Path directory;

	@Test
	void timesAreReadInMillisecondsSecondsAndMinutes() {
		JobOptions.LagConverter converter = new JobOptions.LagConverter();
		assertThat(converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
		assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(converter.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
		assertThat(converter.convert("0")).isZero();
		assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class)
			.hasMessageContaining("write e.g. 5s, 500ms or 2m");
		assertThatThrownBy(() -> converter.convert("-1s")).isInstanceOf(TypeConversionException.class);
	}

	@Test
	void flagBeatsEnvironmentBeatsFileBeatsTheDefault() throws Exception {
		assertThat(parse(Map.of()).job.settings("x").searchLag()).isEqualTo(Duration.ofSeconds(5));
		Files.writeString(this.directory.resolve("fpimport.yml"), "search-lag: 8s\n");
		assertThat(parse(Map.of()).job.searchLag).isEqualTo(Duration.ofSeconds(8));
		assertThat(parse(Map.of("FPIMPORT_SEARCH_LAG", "3s")).job.searchLag).isEqualTo(Duration.ofSeconds(3));
		assertThat(parse(Map.of("FPIMPORT_SEARCH_LAG", "3s"), "--search-lag", "250ms").job.searchLag)
			.isEqualTo(Duration.ofMillis(250));
	}

	private Probe parse(Map<String, String> environment, String... args) {
		return SettingsDefaultsTest.parse(new Probe(), this.directory, environment, args);
	}

	@Command(name = "probe")
	static final class Probe implements Runnable {

		@Mixin
		JobOptions job;

		@Override
		public void run() {
		}

	}

}
