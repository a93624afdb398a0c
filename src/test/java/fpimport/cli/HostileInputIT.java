package fpimport.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: broken and hostile input files, end to end against the emulator. Each case
 * checks the exit code, the one line that names the problem and its place, what was
 * created in the space, and what was written.
 */
class HostileInputIT {

	private static final String ROW = ",新的登录页,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n";

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(500));

	@BeforeEach
	void startEmulator() throws IOException {
		this.cli.write("m.yaml", ImportCommandIT.MAPPING);
	}

	/**
	 * Item 5: cells and header names a spreadsheet would run get a leading apostrophe.
	 */
	@Test
	void csvReportNeutralisesTabAndCarriageReturnLeadingCellsAndHeaders() throws Exception {
		Path file = write("inject.csv", ImportCommandIT.HEADER.strip() + ",\"\t=2+2\",\"@SUM(1)\"\n" + "S-1,\"\t=1+1\""
				+ ROW.strip() + ",\"\r=cmd|' /C calc'!A0\",x\n");

		CliRun run = importFile(file, "--report-format", "csv");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		String report = Files.readString(this.cli.path("inject.report.csv"), StandardCharsets.UTF_8);
		// the CSV reader reads a carriage return in a quoted cell as a line feed
		assertThat(report).contains("'\t=2+2", "'@SUM(1)", "'\t=1+1", "'\n=cmd|' /C calc'!A0");
		assertThat(report).doesNotContain(",\t=", ",\"\t=", ",\"\r=", ",@");
	}

	/** Item 6: control characters of cells reach no terminal, in preview or validate. */
	@Test
	void controlCharactersOfCellsArePrintedAsEscapes() throws Exception {
		Path file = write("escape.csv", ImportCommandIT.HEADER + "S-1,\u001b[2J\u001b]0;owned\u0007" + ROW
				+ "S-2,ok,,\u001b[1K紧急X,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");

		CliRun preview = this.cli.run("preview", file.toString());
		CliRun validate = this.cli.runConnected("validate", file.toString(), "--mapping",
				this.cli.path("m.yaml").toString());

		assertThat(preview.exitCode()).as(preview.toString()).isZero();
		assertThat(preview.out()).contains("\\u001b[2J\\u001b]0;owned\\u0007").doesNotContain("\u001b", "\u0007");
		assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
		assertThat(validate.out()).contains("top reasons:").contains("\\u001b[1K").doesNotContain("\u001b");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/**
	 * Item 7: a cell longer than an xlsx cell holds is cut in the report, with a note;
	 * the run finishes.
	 */
	@Test
	void aCellLongerThanAnXlsxCellFinishesTheRunAndIsCutInTheReport() throws Exception {
		String longText = "长".repeat(40_000);
		Path file = write("long.csv",
				ImportCommandIT.HEADER + "S-1,标题一," + longText + ROW.substring(",新的登录页".length()) + "S-2,标题二" + ROW);

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
		assertThat(run.out()).contains("run 1 finished");
		try (XSSFWorkbook report = new XSSFWorkbook(this.cli.path("long.report.xlsx").toFile())) {
			String cell = report.getSheetAt(0).getRow(1).getCell(2).getStringCellValue();
			assertThat(cell).hasSize(32_767).endsWith("[cut by fpimport: 40000 characters, an XLSX cell holds 32767]");
		}
		assertThat(this.cli.emulator().space().itemCount()).isBetween(1, 2);
	}

	/** Item 8: more columns than fpimport reads: refused before anything is created. */
	@Test
	void twentyThousandColumnsAreRefusedNamingTheLimit() throws Exception {
		StringBuilder header = new StringBuilder(ImportCommandIT.HEADER.strip());
		for (int i = 0; i < 20_000 - 10; i++) {
			header.append(",extra").append(i);
		}
		Path file = write("wide.csv", header + "\nS-1,标题" + ROW);

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.err()).contains("the header has 20000 columns; fpimport reads at most 16000");
		assertThat(run.err().lines().filter((line) -> line.startsWith("error:"))).hasSize(1);
		assertThat(run.err()).doesNotContain("Exception", "\tat ");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** Item 9: a NUL byte in a cell is a problem of its row, by line and column. */
	@Test
	void aNulInACellIsARowProblemNamingLineAndColumn() throws Exception {
		StringBuilder rows = new StringBuilder(ImportCommandIT.HEADER);
		for (int i = 2; i <= 30; i++) {
			rows.append("S-").append(i).append(",标题").append(i).append((i == 25) ? "\u0000x" : "").append(ROW);
		}
		Path file = write("nul.csv", rows.toString());

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("created 28, updated 0, skipped 0, invalid 1, failed 0")
			.contains("line 25, column 2 ('标题'): the cell holds a NUL character");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(28);
		assertThat(names()).noneMatch((name) -> name.indexOf('\u0000') >= 0);
	}

	/** Item 9: a lone NUL near the top is not taken for a binary file. */
	@Test
	void aNulNearTheTopIsStillARowProblem() throws Exception {
		Path file = write("nul-top.csv", ImportCommandIT.HEADER + "S-1,Ti\u0000tle" + ROW + "S-2,好" + ROW);

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("line 2, column 2 ('标题')");
		assertThat(names()).containsExactly("好");
	}

	/** Item 10: bytes that do not decode are named by line and column. */
	@Test
	void anInvalidByteIsNamedByLineAndColumn() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(ImportCommandIT.HEADER.getBytes(StandardCharsets.UTF_8));
		for (int i = 2; i <= 950; i++) {
			bytes.writeBytes(("S-" + i + ",标题").getBytes(StandardCharsets.UTF_8));
			if (i == 900) {
				bytes.write(0xFF);
			}
			bytes.writeBytes(ROW.getBytes(StandardCharsets.UTF_8));
		}
		Path file = this.cli.path("bad-byte.csv");
		Files.write(file, bytes.toByteArray());

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.err()).contains("line 900, column ").doesNotContain("the start of the file");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** Item 11: a formula error is a problem of its row, naming the cell. */
	@Test
	void aFormulaErrorIsARowProblemNamingTheCell() throws Exception {
		Path file = this.cli.path("errors.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("s");
			header(sheet.createRow(0));
			data(sheet.createRow(1), "S-1", "好");
			Row broken = sheet.createRow(2);
			data(broken, "S-2", "x");
			broken.getCell(1).setCellErrorValue(FormulaError.NA.getCode());
			Row divided = sheet.createRow(3);
			data(divided, "S-3", "y");
			divided.getCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
			save(workbook, file);
		}

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("cell B3 (column '标题') holds the formula error #N/A").contains("invalid 2");
		assertThat(names()).containsExactly("好");
	}

	/**
	 * Item 12: a damaged cell reference refuses the file, naming the part and the
	 * reference.
	 */
	@Test
	void aDamagedCellReferenceRefusesTheFile() throws Exception {
		Path good = this.cli.path("good.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("s");
			header(sheet.createRow(0));
			data(sheet.createRow(1), "S-1", "好");
			data(sheet.createRow(2), "S-2", "坏");
			save(workbook, good);
		}
		Path file = this.cli.path("damaged.xlsx");
		rewriteSheet(good, file, (xml) -> xml.replace("<c r=\"A3\"", "<c r=\"A0\""));

		CliRun run = importFile(file);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.err()).contains("(part /xl/worksheets/sheet1.xml), row 3: damaged cell reference 'A0'");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** Item 17: a report place that cannot be written is refused before any create. */
	@Test
	void anUnwritableReportPlaceIsRefusedBeforeAnyCreate() throws Exception {
		Path file = write("rows.csv", ImportCommandIT.HEADER + "S-1,好" + ROW);
		Path notADirectory = write("not-a-directory", "x");

		CliRun toFile = importFile(file, "--report-dir", notADirectory.resolve("reports").toString());
		Files.createDirectories(this.cli.path("rows.report.xlsx"));
		CliRun overDirectory = importFile(write("rows.csv", ImportCommandIT.HEADER + "S-2,好" + ROW));

		assertThat(toFile.exitCode()).as(toFile.toString()).isEqualTo(3);
		assertThat(toFile.err())
			.startsWith("error: cannot write the report: " + notADirectory + " is a file, not a directory");
		assertThat(toFile.err().lines()).hasSize(2);
		assertThat(overDirectory.exitCode()).as(overDirectory.toString()).isEqualTo(3);
		assertThat(overDirectory.err())
			.contains(this.cli.path("rows.report.xlsx") + " exists and cannot be overwritten");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** Item 18: counts of 0 or less are usage errors. */
	@Test
	void concurrencyZeroAndNegativeChunkSizeAreUsageErrors() throws Exception {
		Path file = write("rows.csv", ImportCommandIT.HEADER + "S-1,好" + ROW);

		CliRun concurrency = importFile(file, "--concurrency", "0");
		CliRun chunkSize = importFile(file, "--chunk-size", "-1");

		assertThat(concurrency.exitCode()).as(concurrency.toString()).isEqualTo(2);
		assertThat(concurrency.err().lines().findFirst().orElseThrow())
			.isEqualTo("error: Invalid value for option '--concurrency': '0' must be 1 or more");
		assertThat(concurrency.err().lines()).hasSize(2);
		assertThat(chunkSize.exitCode()).as(chunkSize.toString()).isEqualTo(2);
		assertThat(chunkSize.err()).contains("'--chunk-size': '-1' must be 1 or more").doesNotContain("internal");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
		assertThat(this.cli.path("fpimport.mv.db")).doesNotExist();
	}

	/** Item 19: a file with a header and no rows says so. */
	@Test
	void aHeaderOnlyFileSaysNoRows() throws Exception {
		CliRun run = importFile(write("empty.csv", ImportCommandIT.HEADER));

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("no rows: the file has a header and no data rows");
		assertThat(this.cli.emulator().space().itemCount()).isZero();
	}

	/** Item 15: an unreachable service is named by host and port. */
	@Test
	void anUnreachableServiceIsNamedByHostAndPort() throws Exception {
		int closedPort;
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
			closedPort = probe.getLocalPort();
		}
		Path file = write("rows.csv", ImportCommandIT.HEADER + "S-1,好" + ROW);
		String[] args = this.cli.connected("validate", file.toString(), "--mapping",
				this.cli.path("m.yaml").toString());
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--base-url")) {
				args[i + 1] = "http://127.0.0.1:" + closedPort;
			}
		}
		long started = System.nanoTime();
		CliRun run = this.cli.run(args);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
		assertThat(run.err()).contains("connection failed to 127.0.0.1:" + closedPort)
			.contains("hint: check that 127.0.0.1:" + closedPort + " is the Open API (--base-url)");
		assertThat(System.nanoTime() - started).isLessThan(150_000_000_000L);
	}

	private CliRun importFile(Path file, String... more) {
		List<String> args = new ArrayList<>(
				List.of("import", file.toString(), "--mapping", this.cli.path("m.yaml").toString()));
		args.addAll(List.of(more));
		return this.cli.runConnected(args.toArray(String[]::new));
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.cli.path(name), text, StandardCharsets.UTF_8);
	}

	private List<String> names() {
		return this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
	}

	private static void header(Row row) {
		String[] names = ImportCommandIT.HEADER.strip().split(",");
		for (int i = 0; i < names.length; i++) {
			row.createCell(i).setCellValue(names[i]);
		}
	}

	private static void data(Row row, String key, String title) {
		String[] cells = (key + "," + title + ROW.strip()).split(",", -1);
		for (int i = 0; i < cells.length; i++) {
			row.createCell(i).setCellValue(cells[i]);
		}
	}

	private static void save(XSSFWorkbook workbook, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
	}

	private static void rewriteSheet(Path from, Path to, java.util.function.UnaryOperator<String> edit)
			throws IOException {
		try (ZipFile zip = new ZipFile(from.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				byte[] bytes;
				try (InputStream in = zip.getInputStream(entry)) {
					bytes = in.readAllBytes();
				}
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
	}

}
