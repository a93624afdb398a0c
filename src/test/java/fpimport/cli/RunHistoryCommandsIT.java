package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import fpimport.TestEmulator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After an import: Spring Batch's own records, {@code runs}, {@code report}, and a second
 * import of the failed-rows file once its cells are fixed.
 */
class RunHistoryCommandsIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private Path mapping;

	@BeforeEach
	void importAMixedFile() throws Exception {
		Path file = this.cli.path("tasks.csv");
		Files.writeString(file, ImportCommandIT.HEADER + "S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n"
				+ "S-2,坏优先级,,P5,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", StandardCharsets.UTF_8);
		this.mapping = Files.writeString(this.cli.path("m.yaml"), ImportCommandIT.MAPPING);
		CliRun run = this.cli.runConnected("import", file.toString(), "--mapping", this.mapping.toString());
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
	}

	@Test
	void springBatchRecordsTheJobAndItsSteps() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + this.cli.path("fpimport"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT S.STEP_NAME, S.STATUS, S.READ_COUNT, S.WRITE_COUNT "
						+ "FROM BATCH_STEP_EXECUTION S JOIN BATCH_JOB_EXECUTION J "
						+ "ON S.JOB_EXECUTION_ID = J.JOB_EXECUTION_ID WHERE J.STATUS = 'COMPLETED' "
						+ "ORDER BY S.STEP_EXECUTION_ID")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("preflight");
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("reconcile");
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("rows");
			assertThat(rs.getString(2)).isEqualTo("COMPLETED");
			assertThat(rs.getLong(3)).isEqualTo(2);
			assertThat(rs.getLong(4)).isEqualTo(2);
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("links");
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("report");
		}
	}

	@Test
	void runsListsAndShowsTheRun() {
		CliRun list = this.cli.run("runs", "--db", database());
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).contains("RUN").contains("completed").contains("tasks.csv");

		CliRun json = this.cli.run("runs", "1", "--json", "--db", database());
		JsonNode run = JsonMapper.builder().build().readTree(json.out());
		assertThat(run.get("created").asInt()).isEqualTo(1);
		assertThat(run.get("invalid").asInt()).isEqualTo(1);
		assertThat(run.get("reasons").get(0).get("reason").asString()).contains("unknown option 'P5'");

		CliRun missing = this.cli.run("runs", "99", "--db", database());
		assertThat(missing.exitCode()).isEqualTo(3);
		assertThat(missing.err()).contains("error: there is no run 99");
	}

	@Test
	void reportIsWrittenAgainFromTheDatabase() throws Exception {
		Path elsewhere = this.cli.path("again");
		CliRun report = this.cli.run("report", "1", "--db", database(), "--report-dir", elsewhere.toString(),
				"--report-format", "csv");
		assertThat(report.exitCode()).as(report.toString()).isZero();
		assertThat(report.out()).contains("report: " + elsewhere.resolve("tasks.report.csv"));
		assertThat(Files.readString(elsewhere.resolve("tasks.report.csv"))).contains("S-2,坏优先级").contains("INVALID");
	}

	@Test
	void theFailedRowsFileFixedAndImportedAgainCreatesTheRestOnly() throws Exception {
		Path failed = this.cli.path("tasks.failed.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(failed))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			// a new cell: POI keeps an inline string's old text beside a value set on it
			var row = sheet.getRow(1);
			row.removeCell(row.getCell(3));
			row.createCell(3).setCellValue("P2");
			try (var out = Files.newOutputStream(this.cli.path("tasks.fixed.xlsx"))) {
				workbook.write(out);
			}
		}

		CliRun again = this.cli.runConnected("import", this.cli.path("tasks.fixed.xlsx").toString(), "--mapping",
				this.mapping.toString());

		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("created 1, updated 0, skipped 0, invalid 0, failed 0");
		assertThat(this.cli.emulator().space().items()).extracting((item) -> item.name())
			.containsExactlyInAnyOrder("登录页改版", "坏优先级");
	}

	private String database() {
		return "jdbc:h2:file:" + this.cli.path("fpimport");
	}

}
