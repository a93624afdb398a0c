package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code preview} shows a repeated header as one column of several values. */
class PreviewRepeatedHeadersTest {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private Path file() throws IOException {
		return Files.write(this.dir.resolve("jira.csv"),
				"Summary,Labels,Labels,Note,Labels\nLogin,a,,x,c\nPay,,,,\n".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theTableShowsAGroupOnceWithItsCountAndItsValues() throws IOException {
		Path file = file();
		assertThat(run("preview", file.toString())).isZero();
		assertThat(this.out.toString()).isEqualTo(String.join("\n", //
				file + ": CSV, encoding UTF-8 (detected), delimiter ',', 5 columns", //
				"line | Summary | Labels ×3 | Note", //
				"-----+---------+-----------+-----", //
				"2    | Login   | a | c     | x", //
				"3    | Pay     |           |", //
				"2 rows shown", ""));
	}

	@Test
	void jsonLinesGiveAGroupAsTheListOfItsValues() throws IOException {
		Path file = file();
		assertThat(run("preview", file.toString(), "--json")).isZero();
		assertThat(this.out.toString()).isEqualTo(String.join("\n", //
				"{\"Summary\":\"Login\",\"Labels\":[\"a\",\"c\"],\"Note\":\"x\"}", //
				"{\"Summary\":\"Pay\",\"Labels\":[],\"Note\":\"\"}", ""));
	}

	private int run(String... args) {
		return FpImport.run(args, Map.of(), this.dir, new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

}
