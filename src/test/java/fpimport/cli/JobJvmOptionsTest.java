package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/fpimport-job.args}, the JVM options {@code bin/fpimport} gives every job: a
 * java argument file this Java accepts, each of its options in force as written. An
 * option this Java refused would stop every import that {@code bin/fpimport} starts.
 */
class JobJvmOptionsTest {

	private static final Path ARGS = Path.of("bin", "fpimport-job.args");

	private static final Pattern OPTION = Pattern.compile("-XX:([A-Za-z0-9]+)=(\\S+)");

	@Test
	void everyOptionOfTheFileIsTakenByThisJava() throws Exception {
		List<String> options = Files.readAllLines(ARGS, StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(options).as("options in %s", ARGS).isNotEmpty().allMatch((line) -> OPTION.matcher(line).matches());

		Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"@" + ARGS.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version")
			.redirectErrorStream(true)
			.start();
		String printed = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(java.exitValue()).as(printed).isZero();
		for (String option : options) {
			Matcher written = OPTION.matcher(option);
			assertThat(written.matches()).isTrue();
			// e.g. "intx MaxInlineLevel = 9 {C2 product} {command line}"
			Pattern inForce = Pattern.compile("(?m)^\\s*\\S+\\s+" + written.group(1) + "\\s+=\\s+"
					+ Pattern.quote(written.group(2)) + "\\s+\\{[^}]*\\}\\s+\\{command line\\}");
			assertThat(inForce.matcher(printed).find()).as("%s in force in:%n%s", option, printed).isTrue();
		}
	}

}
