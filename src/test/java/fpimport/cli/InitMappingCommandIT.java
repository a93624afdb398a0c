package fpimport.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fpimport.api.OpenApiSpace;
import fpimport.TestEmulator;
import fpimport.emulator.SpaceFixture;
import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.mapping.RowPlanner;
import fpimport.mapping.SourceSection;
import fpimport.metadata.SpaceCatalog;
import fpimport.source.RowSource;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@code fpimport init-mapping} against the emulator's demo space, with real CSV, XLSX
 * and XLS files.
 */
class InitMappingCommandIT {

	/** Every header names a field or role of the demo story, in the forms users write. */
	private static final List<String> MATCHING = List.of("名称 Name", "优先级 priority", "需求类型 Requirement type", "ＴＡＧＳ",
			"所属模块 Module", "field_9f1e2d", "排期 Schedule", "产品经理 PM", "qa");

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo());

	private SpaceCatalog story;

	@BeforeEach
	void start() {
		this.story = SpaceCatalog.load(new OpenApiSpace(this.cli.client(), SpaceFixture.demo().projectKey()), "story");
	}

	@Test
	void aCsvWhoseHeadersAllMatchGivesAMappingThatLoadsAndFitsTheSpace() throws IOException {
		Path csv = this.cli.path("stories.csv");
		Files.writeString(csv, String.join(",", MATCHING) + "\nS-1,P1,功能,,,,,,\n", StandardCharsets.UTF_8);
		Path yaml = this.cli.path("out/stories.yaml");

		CliRun result = this.cli.runByEnvironment("init-mapping", csv.toString(), "--type", "需求", "-o",
				yaml.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("wrote " + yaml + "\n"
				+ "9 of 9 headers matched a field or role of 需求 (story)\n" + "every required field is mapped\n");
		String text = Files.readString(yaml);
		assertThat(text).contains("project: \"6a3f9c1e0b7d24e58f1a9c3d\"\ntype: story\nname: \"名称 Name\"\nfields:\n")
			.contains("  field_a1b2c3: ＴＡＧＳ    # 标签 Tags, multi_select: 前端 Frontend, 后端 Backend, 数据 Data\n")
			.contains(
					"roles:\n  PM: \"产品经理 PM\"    # role 产品经理 PM, one person\n  qa: qa    # role 测试 QA, several people\n")
			.doesNotContain("source:");
		MappingSpec spec = MappingLoader.load(yaml);
		assertThatNoException().isThrownBy(() -> RowPlanner.prepare(spec, this.story, MATCHING, "stories.csv", null));
	}

	@Test
	void printsTheDraftAndSaysWhatIsLeftToMap() throws IOException {
		Path csv = this.cli.path("stories.csv");
		Files.writeString(csv, "\uFEFF名称 Name,描述 Description,备注\n", StandardCharsets.UTF_8);

		CliRun result = this.cli.runByEnvironment("init-mapping", csv.toString(), "--type", "story");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("# fpimport mapping for 需求 (story), drafted by init-mapping.\n")
			.contains("name: \"名称 Name\"\nfields:\n  description: \"描述 Description\"    # 描述 Description, multi_text\n")
			.contains(
					"# Headers with no field or role of the same name (map them by hand or leave them out):\n#   备注\n")
			.contains("# Required fields no column fills yet (add them under fields:, or name: for the name):\n"
					+ "#   priority (优先级 Priority, select)\n");
		assertThat(result.err()).isEqualTo("2 of 3 headers matched a field or role of 需求 (story); not matched: 备注\n"
				+ "required fields still unmapped: priority (优先级 Priority, select), "
				+ "field_5c1d2e (需求类型 Requirement type, radio), field_7e8f9a (所属模块 Module, tree_select)\n"
				+ "hint: map them under fields: (the name under name:) before importing; "
				+ "`fpimport meta --type story` lists their options\n");
	}

	@Test
	void readsAnOldXlsAsDocsCliMdSays() throws IOException {
		Path xls = this.cli.path("stories.xls");
		try (HSSFWorkbook book = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
			Row header = book.createSheet("需求清单").createRow(0);
			for (int i = 0; i < MATCHING.size(); i++) {
				header.createCell(i).setCellValue(MATCHING.get(i));
			}
			book.write(out);
		}

		CliRun result = this.cli.runByEnvironment("init-mapping", xls.toString(), "--type", "story");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("type: story\n").contains("name: \"名称 Name\"\n");
		assertThat(result.err()).contains("9 of 9 headers matched");
	}

	@Test
	void readsTheChosenSheetAndHeaderRowOfAnXlsxAndWritesThemIntoTheMapping() throws IOException {
		Path xlsx = this.cli.path("stories.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			book.createSheet("说明").createRow(0).createCell(0).setCellValue("read me");
			Sheet sheet = book.createSheet("需求清单");
			sheet.createRow(0).createCell(0).setCellValue("2026 backlog");
			Row header = sheet.createRow(1);
			for (int i = 0; i < MATCHING.size(); i++) {
				header.createCell(i).setCellValue(MATCHING.get(i));
			}
			sheet.createRow(2).createCell(0).setCellValue("S-1");
			book.write(out);
		}
		Path yaml = this.cli.path("stories.yaml");

		CliRun result = this.cli.runByEnvironment("init-mapping", xlsx.toString(), "--type", "story", "--sheet", "2",
				"--header-row", "2", "-o", yaml.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.err()).contains("9 of 9 headers matched").contains("every required field is mapped");
		String text = Files.readString(yaml);
		assertThat(text).contains("type: story\nsource:\n  sheet: 需求清单\n  header_row: 2\nname: \"名称 Name\"\n");
		MappingSpec spec = MappingLoader.load(yaml);
		assertThat(spec.source()).isEqualTo(new SourceSection("需求清单", 2, null, null));
		List<String> headers;
		try (RowSource rows = Sources.open(xlsx, SourceSettings.of(spec.source().sheet(), spec.source().headerRow(),
				spec.source().encoding(), spec.source().delimiter()))) {
			headers = rows.headers();
		}
		assertThat(headers).containsExactlyElementsOf(MATCHING);
		assertThatNoException().isThrownBy(() -> RowPlanner.prepare(spec, this.story, headers, "stories.xlsx", "需求清单"));
	}

	@Test
	void readsGbkCsvWithSemicolons() throws IOException {
		Path csv = this.cli.path("export.csv");
		Files.write(csv, "名称 Name;优先级 Priority;\"备注;说明\"\r\n".getBytes(Charset.forName("GBK")));

		CliRun result = this.cli.runByEnvironment("init-mapping", csv.toString(), "--type", "story");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("name: \"名称 Name\"\nfields:\n  priority: \"优先级 Priority\"    #")
			.contains("#   备注;说明\n");
	}

	@Test
	void refusesToOverwriteAMappingUnlessForced() throws IOException {
		Path csv = this.cli.path("stories.csv");
		Files.writeString(csv, "名称 Name\n");
		Path yaml = this.cli.path("stories.yaml");
		Files.writeString(yaml, "# my edits\n");

		CliRun refused = this.cli.runByEnvironment("init-mapping", csv.toString(), "--type", "story", "-o",
				yaml.toString());
		assertThat(refused.exitCode()).isEqualTo(3);
		assertThat(refused.err()).isEqualTo(
				"error: " + yaml + " exists already\n" + "hint: choose another -o, or add --force to overwrite it\n");
		assertThat(Files.readString(yaml)).isEqualTo("# my edits\n");

		CliRun forced = this.cli.runByEnvironment("init-mapping", csv.toString(), "--type", "story", "-o",
				yaml.toString(), "--force");
		assertThat(forced.exitCode()).as(forced.err()).isZero();
		assertThat(Files.readString(yaml)).startsWith("# fpimport mapping for 需求 (story)");
	}

	@Test
	void namesTheProblemOfAFileItCannotUse() throws IOException {
		Path xlsx = this.cli.path("stories.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("名称 Name");
			book.write(out);
		}
		CliRun noSheet = this.cli.runByEnvironment("init-mapping", xlsx.toString(), "--type", "story", "--sheet",
				"Backlog");
		assertThat(noSheet.exitCode()).isEqualTo(3);
		assertThat(noSheet.err()).startsWith("error: " + xlsx + ": there is no sheet 'Backlog'; sheets: 'Sheet1'\n");

		CliRun emptyRow = this.cli.runByEnvironment("init-mapping", xlsx.toString(), "--type", "story", "--header-row",
				"3");
		assertThat(emptyRow.exitCode()).isEqualTo(3);
		assertThat(emptyRow.err())
			.startsWith("error: " + xlsx + ", sheet 'Sheet1': no rows at or after row 3 (the header row)\n");

		Path xls = this.cli.path("old.xls");
		Files.write(xls, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 });
		CliRun oldFormat = this.cli.runByEnvironment("init-mapping", xls.toString(), "--type", "story");
		assertThat(oldFormat.exitCode()).isEqualTo(3);
		// only an .xls header here: the same reader as import says it is damaged
		assertThat(oldFormat.err()).isEqualTo("error: " + xls + ": not a readable .xls file (truncated or damaged)\n"
				+ "hint: open it in Excel or WPS and save it again as .xlsx\n");

		Path missing = this.cli.path("nothing.csv");
		CliRun noFile = this.cli.runByEnvironment("init-mapping", missing.toString(), "--type", "story");
		assertThat(noFile.exitCode()).isEqualTo(3);
		assertThat(noFile.err()).startsWith("error: " + missing + ": no such file\n");

		CliRun noType = this.cli.runByEnvironment("init-mapping", xlsx.toString());
		assertThat(noType.exitCode()).isEqualTo(2);
		assertThat(noType.err()).contains("Missing required option: '--type=TYPE'");
	}

}
