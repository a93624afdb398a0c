package fpimport.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import fpimport.TestEmulator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run reads a workbook without first looking for its merged ranges; a sheet that has
 * some is read again with them, so its rows are what Excel shows, as for any reader.
 */
class MergedCellsIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	@Test
	void aMergedRangeHidesTheValuesLeftInItsCoveredCells() throws Exception {
		Path file = this.cli.path("merged.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("需求");
			row(sheet, 0, ImportCommandIT.HEADER.strip().split(","));
			row(sheet, 1, "S-1", "登录页改版", "", "高", "功能 Feature", "平台 Platform/账号 Account", "", "2026/12/1");
			// a value left in a covered cell, as LibreOffice can keep it: P9 is no
			// priority
			row(sheet, 2, "S-2", "支付超时", "", "P9", "功能 Feature", "平台 Platform/账号 Account", "", "2026/12/1");
			row(sheet, 3, "S-3", "数据看板", "", "中", "功能 Feature", "平台 Platform/账号 Account", "", "2026/12/1");
			// 优先级 of S-1 and S-2 merged: Excel shows 高 for S-1 and nothing for S-2
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 3, 3));
			book.write(out);
		}
		Path mapping = this.cli.write("merged.yaml", ImportCommandIT.MAPPING);

		CliRun run = this.cli.runConnected("validate", file.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");

		// S-2's priority is empty, as Excel shows it, not the P9 its cell still holds
		assertThat(run.out()).as(run.toString())
			.contains("valid 2, invalid 1")
			.contains("required field 优先级 Priority is empty")
			.doesNotContain("P9");
		assertThat(Files.readAllLines(this.cli.path("merged.report.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("S-2,支付超时,,,功能 Feature").doesNotContain("P9"));
	}

	private static void row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			row.createCell(i).setCellValue(cells[i]);
		}
	}

}
