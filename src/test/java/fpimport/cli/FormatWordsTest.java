package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The help texts name the input formats from the one list of them. */
class FormatWordsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			import       | Import a CSV, XLSX or XLS file as work items
			preview      | Show the rows of a CSV, XLSX or XLS file
			preview      | the .csv, .xlsx or .xls file
			init-mapping | Write a starting mapping for FILE (.csv, .xlsx or .xls)
			init-mapping | the spreadsheet: .csv, .xlsx or .xls
			watch        | import each new CSV, XLSX or XLS file
			""")
	void helpNamesTheFormats(String command, String text) {
		StringWriter out = new StringWriter();
		int exit = FpImport.run(new String[] { command, "--help" }, Map.of(), Path.of(""), new PrintWriter(out, true),
				new PrintWriter(new StringWriter(), true));
		assertThat(exit).isZero();
		assertThat(out.toString().replaceAll("\\s+", " ")).contains(text).doesNotContain("${bundle");
	}

}
