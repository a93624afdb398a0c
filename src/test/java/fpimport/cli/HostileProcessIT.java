package fpimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fpimport.TestEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 4, 7, 14 and 16, as the jar runs them: a JVM of its own with
 * {@code -Xmx256m} and a temporary directory of the test's, so that everything the
 * process prints and leaves behind is seen.
 */
class HostileProcessIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(500));

	private Path temporary;

	@BeforeEach
	void start() throws IOException {
		this.temporary = Files.createDirectories(this.cli.path("tmp"));
		this.cli.write("m.yaml", ImportCommandIT.MAPPING);
	}

	/**
	 * Item 14: a 50 MB mapping in a quarter gigabyte is one line, not an
	 * OutOfMemoryError.
	 */
	@Test
	void aFiftyMegabyteMappingIsRefusedInOneLine() throws Exception {
		Path mapping = this.cli.path("huge.yaml");
		byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
			.getBytes(StandardCharsets.UTF_8);
		try (var out = Files.newOutputStream(mapping)) {
			for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
				out.write(line);
			}
		}
		Path data = Files.writeString(this.cli.path("a.csv"), ImportCommandIT.HEADER + "S-1,x,,,,,,,,\n");

		Run run = run("import", data.toString(), "--mapping", mapping.toString());

		assertThat(run.exit()).as(run.output()).isEqualTo(3);
		assertThat(run.output().lines()).as(run.output()).hasSize(2);
		assertThat(run.output()).contains("is too large for a mapping").doesNotContain("OutOfMemoryError");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** Item 16: no H2 stack trace before the one line. */
	@Test
	void aDatabaseInAnUnwritablePlaceIsOneLine() throws Exception {
		Path file = Files.writeString(this.cli.path("a-file"), "x");

		Run run = runWithoutConnection("runs", "--db", "jdbc:h2:file:" + file.resolve("sub/db"));

		assertThat(run.exit()).as(run.output()).isEqualTo(3);
		assertThat(run.output().lines()).as(run.output()).hasSize(2);
		assertThat(run.output()).startsWith("error: cannot keep the job repository");
	}

	/**
	 * Items 4 and 7: a 5 MB cell finishes its run with its report written; POI's
	 * temporary files went to a private directory that is gone when the process ends.
	 */
	@Test
	void aFiveMegabyteCellFinishesTheRunAndLeavesNoTemporaryFiles() throws Exception {
		String huge = "x".repeat(5 * 1024 * 1024);
		Path data = Files.writeString(this.cli.path("huge-cell.csv"),
				ImportCommandIT.HEADER + "S-1,大单元格," + huge + ",高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
						+ "S-2,普通,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");

		Run run = run("import", data.toString(), "--mapping", this.cli.path("m.yaml").toString());

		assertThat(run.exit()).as(run.output()).isIn(0, 1);
		assertThat(run.output()).contains("run 1 finished").doesNotContain("internal error");
		assertThat(this.cli.path("huge-cell.report.xlsx")).isNotEmptyFile();
		assertThat(this.cli.emulator().space().itemCount()).isBetween(1, 2);
		try (Stream<Path> left = Files.list(this.temporary)) {
			assertThat(left.map((path) -> path.getFileName().toString())).doesNotContain("poifiles")
				.noneMatch((name) -> name.startsWith("fpimport-"));
		}
	}

	private Run run(String... args) throws Exception {
		return launch(this.cli.connected(args));
	}

	private Run runWithoutConnection(String... args) throws Exception {
		return launch(args);
	}

	private Run launch(String... args) throws Exception {
		Path log = this.cli.path("process.log");
		Process process = this.cli.startAsGiven(log, List.of("-Djava.io.tmpdir=" + this.temporary), args);
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		// the summary is on standard output: keep only the lines a user reads as errors
		// and what was logged, which is everything on standard error
		return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private record Run(int exit, String output) {
	}

}
