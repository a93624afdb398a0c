package fpimport.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large file validates in a quarter gigabyte of heap: 200,000 rows, a quarter of them
 * invalid, checked by the command line in a JVM of its own started with {@code -Xmx256m},
 * with the default (xlsx) report. Memory, not time: the speed is bench/run's business
 * (docs/benchmarks.md).
 */
class LargeValidateIT {

	private static final int ROWS = 200_000;

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo());

	@Test
	void twoHundredThousandRowsValidateWithin256MegabytesOfHeap() throws Exception {
		Path file = csv(this.cli.path("large.csv"));
		Path mapping = Files.writeString(this.cli.path("large.yaml"), ImportCommandIT.MAPPING, StandardCharsets.UTF_8);
		Path log = this.cli.path("validate.log");
		Path gcLog = this.cli.path("gc.log");

		Process process = this.cli.startAsGiven(log, List.of("-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog),
				this.cli.connected("validate", file.toString(), "--mapping", mapping.toString(), "--report-dir",
						this.cli.directory().toString()));
		boolean ended = process.waitFor(15, TimeUnit.MINUTES);
		if (!ended) {
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);

		assertThat(ended).as("ended within 15 minutes:%n%s", output).isTrue();
		// exit code 1: rows are invalid; an OutOfMemoryError would end it with another
		assertThat(process.exitValue()).as(output).isEqualTo(1);
		assertThat(output).contains(ROWS + " rows in")
			.contains("valid " + (ROWS - ROWS / 4) + ", invalid " + (ROWS / 4))
			.doesNotContain("OutOfMemoryError");
		// the heap the collector sized, after every collection, stayed within the limit
		List<Integer> heaps = Pattern.compile("\\((\\d+)M\\)")
			.matcher(Files.readString(gcLog))
			.results()
			.map((heap) -> Integer.parseInt(heap.group(1)))
			.toList();
		assertThat(heaps).isNotEmpty().allSatisfy((heap) -> assertThat(heap).isLessThanOrEqualTo(256));

		// the report holds every row, and the failed-rows file every invalid one
		assertThat(countRows(this.cli.path("large.report.xlsx"))).isEqualTo(ROWS);
		assertThat(countRows(this.cli.path("large.failed.xlsx"))).isEqualTo(ROWS / 4);
	}

	/** A quarter of the rows have a priority the mapping does not know. */
	private static Path csv(Path file) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(ImportCommandIT.HEADER);
			for (int i = 1; i <= ROWS; i++) {
				String priority = (i % 4 == 0) ? "P5" : "高";
				out.write("S-" + i + ",需求标题 " + i + ",这是第 " + i + " 条需求的描述，包含中文," + priority
						+ ",功能 Feature,平台 Platform/账号 Account,\"前端 Frontend, 后端 Backend\",2026/12/1,,\n");
			}
		}
		return file;
	}

	private static long countRows(Path xlsx) {
		long rows = 0;
		try (RowSource source = Sources.open(xlsx, SourceSettings.defaults())) {
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				rows++;
			}
		}
		return rows;
	}

}
