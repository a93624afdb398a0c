package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fpimport.TestEmulator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A validate run keeps the numbers alone of its valid rows and writes its report while it
 * validates them: the report still has every row with its cells, in row order,
 * {@code runs} counts them, and {@code report RUN} writes the same report again from the
 * database and the run's file.
 */
class ValidateReportIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo());

	private Path file;

	private Path mapping;

	@BeforeEach
	void validateAMixedFile() throws Exception {
		this.file = this.cli.path("tasks.csv");
		Files.writeString(this.file, ImportCommandIT.HEADER //
				+ "S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n" //
				+ "S-2,坏优先级,,P5,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n" //
				+ "S-3,支付超时,,紧急,优化 Improvement,交易 Trade/下单 Ordering,,2026/12/1,,\n" //
				+ "S-4,坏日期,,高,功能 Feature,平台 Platform/账号 Account,,2026/13/45,,\n" //
				+ "S-5,搜索,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", StandardCharsets.UTF_8);
		this.mapping = Files.writeString(this.cli.path("m.yaml"), ImportCommandIT.MAPPING);
		CliRun run = this.cli.runConnected("validate", this.file.toString(), "--mapping", this.mapping.toString(),
				"--report-format", "csv");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("valid 3, invalid 2");
	}

	@Test
	void theReportHasEveryRowInOrderAndTheFailedRowsTheInvalidOnes() throws Exception {
		List<String> report = Files.readAllLines(this.cli.path("tasks.report.csv"), StandardCharsets.UTF_8);

		assertThat(report).hasSize(6);
		assertThat(report.get(1)).startsWith("S-1,登录页改版,").contains(",2,VALID,");
		assertThat(report.get(2)).startsWith("S-2,坏优先级,").contains(",3,INVALID,").contains("P5");
		assertThat(report.get(3)).startsWith("S-3,支付超时,").contains(",4,VALID,");
		assertThat(report.get(4)).startsWith("S-4,坏日期,").contains(",5,INVALID,").contains("2026/13/45");
		assertThat(report.get(5)).startsWith("S-5,搜索,").contains(",6,VALID,");
		try (XSSFWorkbook failed = new XSSFWorkbook(this.cli.path("tasks.failed.xlsx").toFile())) {
			assertThat(failed.getSheetAt(0).getLastRowNum()).isEqualTo(2);
			assertThat(failed.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("S-2");
			assertThat(failed.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("S-4");
		}
	}

	@Test
	void runsCountsTheValidRows() {
		CliRun json = this.cli.run("runs", "1", "--json", "--db", database());

		assertThat(json.exitCode()).as(json.toString()).isZero();
		JsonNode run = JsonMapper.builder().build().readTree(json.out());
		assertThat(run.get("rows_total").asInt()).isEqualTo(5);
		assertThat(run.get("invalid").asInt()).isEqualTo(2);
	}

	@Test
	void theReportWrittenAgainIsTheSameWhileTheFileIs() throws Exception {
		Path again = this.cli.path("again");

		CliRun report = this.cli.run("report", "1", "--db", database(), "--report-dir", again.toString(),
				"--report-format", "csv");

		assertThat(report.exitCode()).as(report.toString()).isZero();
		assertThat(Files.readAllLines(again.resolve("tasks.report.csv"), StandardCharsets.UTF_8))
			.isEqualTo(Files.readAllLines(this.cli.path("tasks.report.csv"), StandardCharsets.UTF_8));
	}

	@Test
	void theReportWrittenAgainWithoutTheFileSaysWhyItsRowsHaveNoCells() throws Exception {
		Files.delete(this.file);
		Path again = this.cli.path("again");

		CliRun report = this.cli.run("report", "1", "--db", database(), "--report-dir", again.toString(),
				"--report-format", "csv");

		assertThat(report.exitCode()).as(report.toString()).isZero();
		List<String> lines = Files.readAllLines(again.resolve("tasks.report.csv"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(6);
		assertThat(lines.get(1)).startsWith(",,,,,,,,,,2,VALID,").contains("is gone");
		// a row with problems keeps them, its cells were in the file only
		assertThat(lines.get(2)).startsWith(",,,,,,,,,,3,INVALID,").contains("unknown option 'P5'");
		assertThat(lines.get(5)).startsWith(",,,,,,,,,,6,VALID,");
	}

	private String database() {
		return "jdbc:h2:file:" + this.cli.path("fpimport");
	}

}
