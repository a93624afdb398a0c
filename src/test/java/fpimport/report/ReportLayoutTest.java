package fpimport.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report is read by people: its header is frozen with a filter on it, plain numbers and
 * ISO dates are numbers and dates, and everything else stays text.
 */
class ReportLayoutTest {

	@TempDir
	Path directory;

	@Test
	void theHeaderIsFrozenWithAFilterOverEveryRow() throws Exception {
		Path file = this.directory.resolve("r.xlsx");
		try (XlsxSheet sheet = new XlsxSheet(file, "report", 2, true)) {
			sheet.row(List.of("标题", "fpimport_row", "fpimport_link"), false, null);
			sheet.row(List.of("a", "2", "https://x/1"), false, "https://x/1");
			sheet.row(List.of("b", "3", ""), true, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
			assertThat(sheet.getHyperlink(1, 2).getAddress()).isEqualTo("https://x/1");
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getFillForegroundColor()).isEqualTo((short) 45);
		}
	}

	@Test
	void numbersAndDatesAreTypedOnlyWhereThatIsSafe() throws Exception {
		Path file = this.directory.resolve("t.xlsx");
		List<String> cells = List.of("8", "-12.5", "3天", "007", "1.50", "123456789012345", "2026-03-01", "2026-02-30",
				"=1+1", "1e5", "+3", "-0", "REQ-1", "2026/3/1");
		try (XlsxSheet sheet = new XlsxSheet(file, "report", -1, true)) {
			sheet.row(List.of("8", "2026-03-01"), false, null);
			sheet.row(cells, true, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFRow header = workbook.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getCellType()).as("the header stays text").isEqualTo(CellType.STRING);
			XSSFRow row = workbook.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(8.0);
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-12.5);
			for (int i : new int[] { 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13 }) {
				assertThat(row.getCell(i).getCellType()).as(cells.get(i)).isEqualTo(CellType.STRING);
				assertThat(row.getCell(i).getStringCellValue()).isEqualTo(cells.get(i));
			}
			assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
			assertThat(row.getCell(6).getCellStyle().getFillForegroundColor()).as("highlighted").isEqualTo((short) 45);
			DataFormatter shown = new DataFormatter();
			assertThat(shown.formatCellValue(row.getCell(6))).isEqualTo("2026-03-01");
			assertThat(shown.formatCellValue(row.getCell(1))).isEqualTo("-12.5");
		}
	}

	@Test
	void aPlainNumberIsExactlyWhatItsPatternSays() {
		// the rule written as a pattern; the sheet reads it character by character
		Pattern plain = Pattern.compile("-?(0|[1-9][0-9]{0,10})(\\.[0-9]{0,5}[1-9])?");
		Random random = new Random(16);
		int numbers = 0;
		for (int n = 0; n < 200_000; n++) {
			StringBuilder text = new StringBuilder();
			if (random.nextInt(4) == 0) {
				text.append('-');
			}
			int length = 1 + random.nextInt(14);
			int point = random.nextBoolean() ? random.nextInt(length + 1) : -1;
			for (int i = 0; i < length; i++) {
				text.append((i == point) ? '.' : (char) ('0' + random.nextInt(10)));
				if (random.nextInt(200) == 0) {
					text.append("x-.".charAt(random.nextInt(3)));
				}
			}
			String cell = text.toString();
			boolean expected = plain.matcher(cell).matches() && !cell.equals("-0");
			numbers += expected ? 1 : 0;
			assertThat(XlsxSheet.plainNumber(cell)).as(cell).isEqualTo(expected);
		}
		assertThat(numbers).as("both answers are tried often").isBetween(20_000, 180_000);
	}

	@Test
	void aCellsTextIsWrittenEscapedAsUtf8AsEscapeAndJavaWouldTogether() {
		// markup, control characters, every width of character, pairs of surrogates and
		// lone ones, and the two characters XML cannot carry, at any place
		char[] alphabet = { 'a', '&', '<', '>', '"', '\'', '\r', '\n', '\t', '\u0001', '\u007F', 'é', '×', '需', '，',
				'\uFFFD', '\uFFFE', '\uFFFF', '\uD83D', '\uDE00', '\uD800', '\uDFFF' };
		Random random = new Random(5);
		for (int n = 0; n < 20_000; n++) {
			char[] chars = new char[random.nextInt(40)];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = alphabet[random.nextInt(alphabet.length)];
			}
			String text = new String(chars);
			byte[] bytes = new byte[2 + 5 * chars.length];
			bytes[0] = 'x';
			bytes[1] = 'y';
			int end = XlsxSheet.escapedUtf8(text, bytes, 2);
			StringBuilder escaped = new StringBuilder("xy");
			XlsxSheet.escape(escaped, text, false);
			assertThat(Arrays.copyOf(bytes, end)).as(text)
				.isEqualTo(escaped.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void whiteSpaceSurvivesWhereverItIs() throws Exception {
		Path file = this.directory.resolve("w.xlsx");
		List<String> cells = List.of(" lead", "trail ", "two\nlines", "a\ttab", "  ", "in side", "\r\nwindows");
		try (XlsxSheet sheet = new XlsxSheet(file, "report", -1, true)) {
			sheet.row(cells, false, null);
			sheet.row(cells, true, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			for (int r = 0; r < 2; r++) {
				XSSFRow row = workbook.getSheetAt(0).getRow(r);
				for (int i = 0; i < cells.size(); i++) {
					assertThat(row.getCell(i).getStringCellValue()).isEqualTo(cells.get(i));
				}
			}
		}
		assertThat(XlsxSheet.preserves("in side")).isFalse();
	}

	@Test
	void aFileToImportAgainKeepsEveryCellText() throws Exception {
		Path file = this.directory.resolve("f.xlsx");
		try (XlsxSheet sheet = new XlsxSheet(file, "failed", -1)) {
			sheet.row(List.of("工时", "日期"), false, null);
			sheet.row(List.of("8", "2026-03-01"), false, null);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getPaneInformation()).isNull();
		}
	}

}
