package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV saved as {@code .xlsx} is refused with exit code 3, not read as CSV. */
class PlainTextWorkbookTest {

	@TempDir
	Path dir;

	@Test
	void previewRefusesPlainTextNamedXlsxWithExitCode3() throws IOException {
		Path file = Files.writeString(this.dir.resolve("x.xlsx"), "Summary,Labels\nLogin,a\n");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = FpImport.run(new String[] { "preview", file.toString() }, Map.of(), this.dir,
				new PrintWriter(out, true), new PrintWriter(err, true));
		assertThat(code).isEqualTo(3);
		assertThat(out.toString()).isEmpty();
		assertThat(err.toString()).startsWith(
				"error: " + file + " is not an Excel workbook: it holds plain text; if it is CSV, rename it to .csv");
	}

}
