package fpimport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file whose header repeats a name keeps every column through a run: the report and the
 * failed rows write the name as often as the file did, the failed rows import again with
 * the same mapping, and a retry reads the stored rows with every value.
 */
class RepeatedHeadersIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private static final Pattern RUN_ID = Pattern.compile("run (\\d+) ");

	private static final String MAPPING = """
			project: demo
			type: 需求
			key: [Key]
			timezone: Asia/Shanghai
			name: Summary
			fields:
			  priority: {value: P1}
			  需求类型 Requirement type: {value: 功能 Feature}
			  field_7e8f9a: {value: 平台 Platform/账号 Account}
			  tags: {column: Labels}
			  description: {column: Note, join: ' // '}
			""";

	private static final String FILE = """
			Key,Summary,Labels,Note,Labels,Note,Labels
			S-1,登录,前端 Frontend,甲,,乙,数据 Data
			S-2,支付,后端 Backend,,运维 Ops,,前端 Frontend
			""";

	@Test
	void failedRowsKeepTheRepeatedNamesAndRetryAndReimportWithEveryValue() throws Exception {
		Path file = this.cli.write("jira.csv", FILE);
		Path mapping = this.cli.write("jira.yaml", MAPPING);
		CliRun first = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString());
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		assertThat(first.out()).contains("created 1, updated 0, skipped 0, invalid 1, failed 0");
		StoredItem login = item("登录");
		assertThat(login.optionValues("field_a1b2c3")).containsExactly("q4xi0i9dq", "b0c9zz1ta");
		assertThat(login.field("description").orElseThrow().asString()).isEqualTo("甲 // 乙");

		List<String> header = List.of("Key", "Summary", "Labels", "Note", "Labels", "Note", "Labels");
		assertThat(firstRow(this.cli.path("jira.report.xlsx"))).startsWith(header.toArray(String[]::new));
		Path failed = this.cli.path("jira.failed.xlsx");
		List<String> failedHeader = new ArrayList<>(header);
		failedHeader.add("fpimport_reason");
		assertThat(firstRow(failed)).isEqualTo(failedHeader);

		this.cli.emulator().space().enableOption("story", "field_a1b2c3", "xk3l9p0qe");
		CliRun again = this.cli.runConnected("validate", failed.toString(), "--mapping", mapping.toString());
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("valid 1, invalid 0");

		CliRun retry = this.cli.runConnected("retry", runId(first));
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(retry.out()).contains("created 1, updated 0, skipped 0, invalid 0, failed 0");
		assertThat(item("支付").optionValues("field_a1b2c3")).containsExactly("7r2kd81mx", "xk3l9p0qe", "q4xi0i9dq");
	}

	private StoredItem item(String name) {
		return this.cli.emulator().space().item("story", name).orElseThrow();
	}

	private static List<String> firstRow(Path xlsx) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
			Row row = workbook.getSheetAt(0).getRow(0);
			List<String> cells = new ArrayList<>();
			for (Cell cell : row) {
				cells.add(cell.getStringCellValue());
			}
			return cells;
		}
	}

	private static String runId(CliRun run) {
		Matcher matcher = RUN_ID.matcher(run.out());
		assertThat(matcher.find()).as(run.toString()).isTrue();
		return matcher.group(1);
	}

}
