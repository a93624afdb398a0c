package fpimport.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 4: POI's temporary files go to a directory of the process's own, not to
 * a shared {@code poifiles} folder another user may own.
 */
class PrivateTempFilesTest {

	@Test
	void poiTempFilesGoToAnOwnerOnlyDirectoryOfThisProcess() throws Exception {
		Path directory = PrivateTempFiles.use();
		assertThat(PrivateTempFiles.use()).isEqualTo(directory);
		assertThat(directory.getFileName().toString()).startsWith("fpimport-");
		assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

		File temporary = TempFile.createTempFile("rows", ".xml");
		try {
			assertThat(temporary.toPath().getParent()).isEqualTo(directory);
			assertThat(directory.resolveSibling("poifiles").resolve(temporary.getName())).doesNotExist();
		}
		finally {
			Files.deleteIfExists(temporary.toPath());
		}
	}

	@Test
	void aStreamingReportWritesThroughThePrivateDirectory() throws Exception {
		Path out = Files.createTempDirectory("report-test");
		try (XlsxSheet sheet = new XlsxSheet(out.resolve("r.xlsx"), "report", -1)) {
			sheet.row(java.util.List.of("a", "b"), false, null);
		}
		assertThat(out.resolve("r.xlsx")).isNotEmptyFile();
		assertThat(TempFile.createTempFile("probe", ".tmp")).satisfies((file) -> {
			assertThat(file.toPath().getParent()).isEqualTo(PrivateTempFiles.use());
			Files.delete(file.toPath());
		});
	}

	@Test
	void aCellLongerThanAnXlsxCellHoldsIsCutWithANote() {
		String cell = "x".repeat(40_000);
		String fitted = XlsxSheet.fit(cell);
		assertThat(fitted).hasSize(XlsxSheet.MAX_CELL_LENGTH)
			.endsWith("[cut by fpimport: 40000 characters, an XLSX cell holds 32767]");
		assertThat(XlsxSheet.fit("short")).isEqualTo("short");
	}

	@Test
	void csvCellsAndHeadersThatASpreadsheetWouldRunAreText() {
		assertThat(CsvSheet.asText("\t=1+1")).isEqualTo("'\t=1+1");
		assertThat(CsvSheet.asText("\r=1+1")).isEqualTo("'\r=1+1");
		assertThat(CsvSheet.asText("\n=1+1")).isEqualTo("'\n=1+1");
		assertThat(CsvSheet.asText("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(CsvSheet.asText("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvSheet.asText("plain")).isEqualTo("plain");
	}

}
