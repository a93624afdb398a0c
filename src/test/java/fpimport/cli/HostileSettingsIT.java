package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 1, 13, 14 and 16: settings and files that are configuration never run
 * code, never exhaust memory, and a database place that cannot be written is one line.
 */
class HostileSettingsIT {

	@TempDir
	Path directory;

	/** Item 1: from the settings file, the environment or the flag alike. */
	@Test
	void h2SettingsThatRunCodeOrTouchFilesAreRefusedFromEverySource() throws Exception {
		Path script = Files.writeString(this.directory.resolve("x.sql"),
				"CREATE ALIAS TOUCH AS 'void touch() throws Exception { java.nio.file.Files.createFile("
						+ "java.nio.file.Path.of(\"" + this.directory.resolve("ran") + "\")); }'; CALL TOUCH();");
		String hostile = "jdbc:h2:file:" + this.directory.resolve("db") + ";INIT=RUNSCRIPT FROM '" + script + "'";
		Files.writeString(this.directory.resolve("fpimport.yml"), "db: \"" + hostile + "\"\n");

		Result fromFile = run(Map.of(), "runs");
		Result fromEnvironment = run(Map.of("FPIMPORT_DB", hostile), "runs");
		Result fromFlag = run(Map.of(), "runs", "--db",
				"jdbc:h2:file:" + this.directory.resolve("db") + ";TRACE_LEVEL_FILE=4");
		Result listener = run(Map.of(), "runs", "--db",
				"jdbc:h2:file:" + this.directory.resolve("db") + ";DATABASE_EVENT_LISTENER='x.Evil'");
		Result zip = run(Map.of(), "runs", "--db", "jdbc:h2:zip:" + this.directory.resolve("a.zip") + "!/db");
		Result postgres = run(Map.of(), "runs", "--db",
				"jdbc:postgresql://127.0.0.1/fp?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext");

		for (Result result : new Result[] { fromFile, fromEnvironment, fromFlag, listener, zip, postgres }) {
			assertThat(result.exit()).as(result.toString()).isEqualTo(3);
			assertThat(result.err()).startsWith("error: the job repository URL ");
			assertThat(result.err().lines()).as(result.toString()).hasSize(2);
		}
		assertThat(fromFile.err()).contains("the H2 setting INIT is not allowed");
		assertThat(fromFlag.err()).contains("the H2 setting TRACE_LEVEL_FILE is not allowed");
		assertThat(listener.err()).contains("DATABASE_EVENT_LISTENER");
		assertThat(zip.err()).contains("is not a file, mem, tcp or ssl database");
		assertThat(postgres.err()).contains("the PostgreSQL parameter socketFactory is not allowed");
		assertThat(fromFile.out()).doesNotContain("no runs yet");
		// nothing ran and nothing was created
		assertThat(this.directory.resolve("ran")).doesNotExist();
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("x.sql",
					"fpimport.yml");
		}
	}

	/** Item 1: an H2 server elsewhere only when the user asks on the command line. */
	@Test
	void anH2ServerOffThisMachineNeedsTheFlag() {
		Result refused = run(Map.of(), "runs", "--db", "jdbc:h2:tcp://10.11.12.13:9092/~/fp");
		Result allowed = run(Map.of(), "runs", "--db", "jdbc:h2:tcp://127.0.0.1:1/~/fp;IFEXISTS=TRUE");

		assertThat(refused.exit()).isEqualTo(3);
		assertThat(refused.err()).contains("is an H2 server on 10.11.12.13:9092, not on this machine")
			.contains("--allow-remote-db");
		// the loopback passes the check and then fails to connect, in one line
		assertThat(allowed.exit()).isEqualTo(3);
		assertThat(allowed.err()).startsWith("error: cannot open the job repository");
	}

	/** Item 16: a database place that cannot be written is one line. */
	@Test
	void aDatabaseInAPlaceThatCannotHoldItIsOneLine() throws IOException {
		Path file = Files.writeString(this.directory.resolve("a-file"), "x");

		Result result = run(Map.of(), "runs", "--db", "jdbc:h2:file:" + file.resolve("sub/db"));

		assertThat(result.exit()).isEqualTo(3);
		assertThat(result.err())
			.startsWith("error: cannot keep the job repository jdbc:h2:file:" + file.resolve("sub/db"))
			.contains(file + " is a file, not a directory");
		assertThat(result.err().lines()).hasSize(2);
	}

	/** Item 14: a mapping or settings file too large is refused before it is read. */
	@Test
	void aHugeMappingOrSettingsFileIsRefusedBeforeReading() throws IOException {
		Path mapping = this.directory.resolve("huge.yaml");
		Files.write(mapping, new byte[2 * 1024 * 1024]);
		Path data = Files.writeString(this.directory.resolve("a.csv"), ImportCommandIT.HEADER, StandardCharsets.UTF_8);

		Result result = run(Map.of(), "validate", data.toString(), "--mapping", mapping.toString(), "--base-url",
				"http://127.0.0.1:1", "--plugin-id", "p", "--plugin-secret", "s", "--user-key", "u", "--db",
				"jdbc:h2:file:" + this.directory.resolve("db"));
		Files.write(this.directory.resolve("fpimport.yml"), new byte[100 * 1024]);
		Result settings = run(Map.of(), "runs");

		assertThat(result.exit()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).startsWith("error: " + mapping + ": 2097152 bytes is too large for a mapping");
		assertThat(settings.exit()).isEqualTo(3);
		assertThat(settings.err()).contains("fpimport.yml: too large for a settings file");
	}

	/** Item 13: a tab in the mapping is reported on its line, quoted. */
	@Test
	void aTabInTheMappingQuotesTheLineItNames() throws IOException {
		Path mapping = Files.writeString(this.directory.resolve("tab.yaml"),
				"project: demo\ntype: 需求\nname: 标题\nfields:\n  description: 描述\n\tpriority: 优先级\n");
		Path data = Files.writeString(this.directory.resolve("a.csv"), ImportCommandIT.HEADER, StandardCharsets.UTF_8);

		Result result = run(Map.of(), "validate", data.toString(), "--mapping", mapping.toString(), "--base-url",
				"http://127.0.0.1:1", "--plugin-id", "p", "--plugin-secret", "s", "--user-key", "u", "--db",
				"jdbc:h2:file:" + this.directory.resolve("db"));

		assertThat(result.exit()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).contains("line 6, column 1: not valid YAML")
			.contains("the line reads '\\tpriority: 优先级'");
	}

	private Result run(Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = FpImport.run(args, environment, this.directory, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(exit, out.toString(), err.toString());
	}

	private record Result(int exit, String out, String err) {
	}

}
