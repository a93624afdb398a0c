package fpimport.report;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.result.NewRun;
import fpimport.result.ErrorReason;
import fpimport.result.ResultStore;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.RunKind;
import fpimport.result.RunRecord;
import fpimport.result.RunStatus;
import fpimport.workitem.RowProblem;
import fpimport.workitem.RowRef;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import fpimport.source.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports written from a real H2 store and read back with POI. */
class ReportWriterIT {

	@TempDir
	Path directory;

	private ResultStore store;

	private RunRecord run;

	@BeforeEach
	void storeARun() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.directory.resolve("db") + ";WRITE_DELAY=0");
		ResultStore.createSchema(dataSource);
		this.store = new ResultStore(dataSource);
		long runId = this.store.startRun(new NewRun(RunKind.IMPORT, null, false, "/data/tasks.csv", "sha", null,
				"m.yaml", "msha", "type: story", "skip", "demo", "story"));
		save(runId, 2, RowStatus.CREATED, 1001L, null, null, List.of(), "登录页改版", "=1+1");
		save(runId, 3, RowStatus.FAILED, null, 20050, "option value wrong", List.of(), "支付", "-3");
		save(runId, 4, RowStatus.INVALID, null, null, null, List.of(new RowProblem(new RowRef("tasks.csv", null, 4),
				"优先级", "priority", "P5", "unknown option 'P5'; options: P0, P1")), "搜索", "@x");
		this.store.finishRun(runId, RunStatus.COMPLETED, null, null);
		this.run = this.store.run(runId).orElseThrow();
	}

	@Test
	void xlsxReportHasEveryColumnAndOutcomeWithFailuresHighlighted() throws Exception {
		ReportFiles files = new ReportWriter(this.store, "https://project.feishu.cn").write(this.run,
				this.directory.resolve("out"), ReportFormat.XLSX);

		assertThat(files.report().getFileName().toString()).isEqualTo("tasks.report.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(files.report().toFile())) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(texts(sheet.getRow(0))).containsExactly("标题", "公式", "fpimport_row", "fpimport_status",
					"fpimport_work_item_id", "fpimport_link", "fpimport_err_code", "fpimport_message");
			assertThat(texts(sheet.getRow(1))).containsExactly("登录页改版", "=1+1", "2", "CREATED", "1001",
					"https://project.feishu.cn/demo/story/detail/1001", "", "");
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(5).getHyperlink().getAddress())
				.isEqualTo("https://project.feishu.cn/demo/story/detail/1001");
			assertThat(texts(sheet.getRow(2))).containsExactly("支付", "-3", "3", "FAILED", "", "", "20050",
					"option value wrong");
			assertThat(texts(sheet.getRow(3))).containsExactly("搜索", "@x", "4", "INVALID", "", "", "",
					"优先级: unknown option 'P5'; options: P0, P1");
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
			assertThat(sheet.getRow(2).getCell(0).getCellStyle().getFillPattern())
				.isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(sheet.getRow(3).getCell(0).getCellStyle().getFillPattern())
				.isEqualTo(FillPatternType.SOLID_FOREGROUND);
		}
	}

	@Test
	void failedRowsFileHoldsOnlyTheRowsToFixWithTheirOriginalColumns() throws Exception {
		ReportFiles files = new ReportWriter(this.store, "https://project.feishu.cn").write(this.run, this.directory,
				ReportFormat.XLSX);

		try (XSSFWorkbook workbook = new XSSFWorkbook(files.failedRows().toFile())) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(texts(sheet.getRow(0))).containsExactly("标题", "公式", "fpimport_reason");
			assertThat(texts(sheet.getRow(1))).containsExactly("支付", "-3", "FAILED: option value wrong");
			assertThat(texts(sheet.getRow(2))).containsExactly("搜索", "@x",
					"INVALID: 优先级: unknown option 'P5'; options: P0, P1");
		}
	}

	@Test
	void failedRowsSheetHasTheNameTheMappingReadsSoTheSameMappingImportsItAgain() throws Exception {
		long runId = this.store.startRun(new NewRun(RunKind.IMPORT, null, false, "/data/stories.xlsx", "sha3", "需求清单",
				"m.yaml", "msha", "type: story", "skip", "demo", "story"));
		save(runId, 2, RowStatus.FAILED, null, 30005, "Work Item Not Found", List.of(), "关联", "x");
		ReportFiles files = new ReportWriter(this.store, "https://x").write(this.store.run(runId).orElseThrow(),
				this.directory, ReportFormat.XLSX);

		try (XSSFWorkbook workbook = new XSSFWorkbook(files.failedRows().toFile())) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(workbook.getSheetName(0)).isEqualTo("需求清单");
		}
		assertThat(ReportWriter.failedSheetName(null)).isEqualTo("failed");
		assertThat(ReportWriter.failedSheetName("1")).isEqualTo("failed");
	}

	@Test
	void csvReportIsUtf8WithBomAndFormulaLikeCellsAsText() throws Exception {
		ReportFiles files = new ReportWriter(this.store, "https://project.feishu.cn").write(this.run, this.directory,
				ReportFormat.CSV);

		byte[] bytes = Files.readAllBytes(files.report());
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		List<String> lines = Files.readAllLines(files.report(), StandardCharsets.UTF_8);
		assertThat(lines.get(1))
			.isEqualTo("登录页改版,'=1+1,2,CREATED,1001,https://project.feishu.cn/demo/story/detail/1001,,");
		assertThat(lines.get(2)).isEqualTo("支付,'-3,3,FAILED,,,20050,option value wrong");
		assertThat(lines.get(3)).startsWith("搜索,'@x,4,INVALID");
	}

	@Test
	void aPassTakesAReadersCellsInTheHeadersOrderWhateverTheirOwn() throws Exception {
		this.store.setTarget(this.run.runId(), "demo", "story", List.of("标题", "公式"));
		RunRecord run = this.store.run(this.run.runId()).orElseThrow();
		Headers inOrder = Headers.of(List.of("标题", "公式"));
		Headers swapped = Headers.of(List.of("公式", "标题"));
		ReportFiles files;
		try (ReportWriter.Pass pass = new ReportWriter(this.store, "https://x").open(run, this.directory.resolve("p"),
				ReportFormat.CSV, 1)) {
			for (int n = 2; n <= 4; n++) {
				Map<String, String> cells = (n == 3) ? swapped.cells(new String[] { "=" + n, "标题" + n })
						: inOrder.cells(new String[] { "标题" + n, "=" + n });
				pass.row(new RowRecord(run.runId(), n, "k" + n, RowStatus.VALID, null, null, null, List.of(), cells,
						null, 0, run.runId(), n, null, null), null);
			}
			files = pass.finish();
		}

		List<String> lines = Files.readAllLines(files.report(), StandardCharsets.UTF_8);
		assertThat(lines.subList(1, 4)).extracting((line) -> line.substring(0, line.indexOf(",VALID")))
			.containsExactly("标题2,'=2,2", "标题3,'=3,3", "标题4,'=4,4");
	}

	@Test
	void noFailedRowsFileWhenEveryRowSucceeded() {
		long runId = this.store.startRun(new NewRun(RunKind.IMPORT, null, false, "/data/ok.csv", "sha2", null, "m.yaml",
				"msha", "type: story", "skip", "demo", "story"));
		save(runId, 2, RowStatus.CREATED, 7L, null, null, List.of(), "a", "b");
		ReportFiles files = new ReportWriter(this.store, "https://x").write(this.store.run(runId).orElseThrow(),
				this.directory, ReportFormat.XLSX);
		assertThat(files.failedRows()).isNull();
		assertThat(new File(this.directory.toFile(), "ok.failed.xlsx")).doesNotExist();
	}

	@Test
	void theReportCountsWhyRowsDidNotSucceedAsTheStoredRowsSay() {
		long runId = this.run.runId();
		save(runId, 5, RowStatus.INVALID, null, null, null, List.of(
				new RowProblem(new RowRef("tasks.csv", null, 5), "优先级", "priority", "P5",
						"unknown option 'P5'; options: P0, P1"),
				new RowProblem(new RowRef("tasks.csv", null, 5), "优先级", "priority", "P5",
						"unknown option 'P5'; options: P0, P1"),
				new RowProblem(new RowRef("tasks.csv", null, 5), "负责人", "owner", "nobody", "no user named 'nobody'")),
				"两个问题", "");
		save(runId, 6, RowStatus.BLOCKED, null, null, "its parent SHOP-1 failed", List.of(), "子需求", "");
		save(runId, 7, RowStatus.SKIPPED, 1007L, null, null, List.of(), "旧需求", "");
		ReportFiles files = new ReportWriter(this.store, "https://x").write(this.run, this.directory, ReportFormat.CSV);
		List<ErrorReason> expected = List.of(new ErrorReason("unknown option 'P5'; options: P0, P1", 2),
				new ErrorReason("20050 option value wrong", 1), new ErrorReason("its parent SHOP-1 failed", 1),
				new ErrorReason("no user named 'nobody'", 1));
		assertThat(files.reasons().top(5)).isEqualTo(expected).isEqualTo(this.store.errorReasons(runId, 5));
		assertThat(files.reasons().top(2)).isEqualTo(expected.subList(0, 2));
	}

	private void save(long runId, long rowNumber, RowStatus status, Long itemId, Integer code, String message,
			List<RowProblem> problems, String title, String formula) {
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("标题", title);
		cells.put("公式", formula);
		this.store.saveRow(new RowRecord(runId, rowNumber, "k" + rowNumber, status, itemId, code, message, problems,
				cells, null, 1, runId, rowNumber, null, null));
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			Cell cell = row.getCell(i);
			// as shown: a report writes plain numbers as numbers
			texts.add((cell == null) ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell));
		}
		return texts;
	}

}
