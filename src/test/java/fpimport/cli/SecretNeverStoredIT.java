package fpimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fpimport.TestEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin secret (and the token it buys) never reaches a log line, the console, a
 * report, the summary file or any row of the database, also when the run fails.
 */
class SecretNeverStoredIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private Level rootLevel;

	@BeforeEach
	void start() {
		this.rootLevel = this.root.getLevel();
		this.root.setLevel(Level.DEBUG);
		this.log.start();
		this.root.addAppender(this.log);
	}

	@AfterEach
	void stop() {
		this.root.detachAppender(this.log);
		this.root.setLevel(this.rootLevel);
	}

	@Test
	void secretIsNowhereAfterAnImportThatPartlyFailsAndOneThatIsRefused() throws Exception {
		String secret = this.cli.emulator().space().fixture().plugin().secret();
		Path file = this.cli.path("s.csv");
		Files.writeString(file,
				ImportCommandIT.HEADER + "S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
						+ "S-2,坏行,,P9,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
						+ "S-3,关联不存在,,低,功能 Feature,平台 Platform/账号 Account,,2026/12/1,424242,\n",
				StandardCharsets.UTF_8);
		Path mapping = Files.writeString(this.cli.path("s.yaml"), ImportCommandIT.MAPPING);
		List<String> printed = new ArrayList<>();

		CliRun partly = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(), "--verbose",
				"--summary-json", this.cli.path("summary.json").toString());
		assertThat(partly.exitCode()).as(partly.toString()).isEqualTo(1);
		printed.add(partly.out());
		printed.add(partly.err());
		this.cli.emulator().space().revokePermission();
		CliRun refused = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(), "--verbose",
				"--report-format", "csv", "--on-existing", "update");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		printed.add(refused.out());
		printed.add(refused.err());

		assertThat(this.log.list).as("debug log lines were captured").hasSizeGreaterThan(10);
		assertThat(this.log.list).allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain(secret));
		assertThat(printed).allSatisfy((text) -> assertThat(text).doesNotContain(secret));
		assertThat(databaseTexts()).isNotEmpty().allSatisfy((text) -> assertThat(text).doesNotContain(secret));
		assertThat(Files.readAllBytes(this.cli.path("fpimport.mv.db"))).asString(StandardCharsets.ISO_8859_1)
			.doesNotContain(secret);
		List<Path> reports;
		try (Stream<Path> files = Files.list(this.cli.directory())) {
			reports = files
				.filter((path) -> path.toString().contains(".report.") || path.toString().contains(".failed.")
						|| path.toString().endsWith(".json"))
				.toList();
		}
		assertThat(reports).hasSizeGreaterThanOrEqualTo(3);
		for (Path report : reports) {
			assertThat(textOf(report)).as(report.toString()).doesNotContain(secret);
		}
	}

	/** Every value of every table in the job repository, as text. */
	private List<String> databaseTexts() throws Exception {
		List<String> texts = new ArrayList<>();
		String url = "jdbc:h2:file:" + this.cli.path("fpimport");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			assertThat(tables).contains("FPI_RUN", "FPI_ROW", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS");
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
					while (rs.next()) {
						for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
							texts.add(String.valueOf(rs.getObject(i)));
						}
					}
				}
			}
		}
		return texts;
	}

	/** A file's text; for a zip (xlsx) the text of every entry. */
	private static String textOf(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		if (!file.toString().endsWith(".xlsx")) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		StringBuilder text = new StringBuilder();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return text.toString();
	}

}
