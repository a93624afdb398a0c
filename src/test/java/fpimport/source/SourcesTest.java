package fpimport.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Choosing the reader by content, and one clear message for each kind of bad file. */
class SourcesTest {

	@TempDir
	Path dir;

	@Test
	void choosesTheReaderByContentNotByName() throws IOException {
		Path xlsxNamedCsv = Files.write(this.dir.resolve("export.csv"), xlsx());
		try (RowSource source = Sources.open(xlsxNamedCsv, SourceSettings.defaults())) {
			assertThat(source.sheet()).isEqualTo("S");
			assertThat(source.next().cells()).containsExactly(java.util.Map.entry("标题", "登录"));
		}
		Path xlsNamedXlsx = Files.write(this.dir.resolve("old.xlsx"), xls());
		try (RowSource source = Sources.open(xlsNamedXlsx, SourceSettings.defaults())) {
			assertThat(source.description()).startsWith("XLS, ");
			assertThat(source.next().cell("标题")).isEqualTo("登录");
		}
		Path csvNamedTxt = Files.write(this.dir.resolve("text.txt"), "标题\n登录\n".getBytes(StandardCharsets.UTF_8));
		try (RowSource source = Sources.open(csvNamedTxt, SourceSettings.defaults())) {
			assertThat(source.description()).startsWith("CSV, ");
			assertThat(source.next().cell("标题")).isEqualTo("登录");
		}
	}

	@Test
	void plainTextNamedAsAWorkbookIsRefused() throws IOException {
		for (String name : new String[] { "x.xlsx", "y.XLS" }) {
			Path text = Files.write(this.dir.resolve(name), "标题,优先级\n登录,P1\n".getBytes(StandardCharsets.UTF_8));
			FpImportException refused = catchThrowableOfType(FpImportException.class,
					() -> Sources.open(text, SourceSettings.defaults()));
			assertThat(refused.reason()).isEqualTo(Reason.INVALID_INPUT);
			assertThat(refused.getMessage())
				.isEqualTo(text + " is not an Excel workbook: it holds plain text; if it is CSV, rename it to .csv");
		}
	}

	@Test
	void missingAndEmptyFiles() throws IOException {
		Path missing = this.dir.resolve("nope.csv");
		assertError(missing, missing + ": no such file");
		assertError(this.dir, this.dir + ": not a readable file");
		Path empty = Files.write(this.dir.resolve("empty.csv"), new byte[0]);
		assertError(empty, empty + ": the file is empty");
	}

	@Test
	void notASpreadsheet() throws IOException {
		Path pdf = Files.write(this.dir.resolve("report.xlsx"),
				"%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
		assertError(pdf, pdf + ": not a spreadsheet: it is a PDF document");
		Path html = Files.write(this.dir.resolve("web.xls"),
				"<html><body><table><tr><td>1</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8));
		assertError(html, html + ": not a spreadsheet: it is an HTML page (some web exports name these .xls)");
		byte[] binary = new byte[256];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (byte) (i * 7);
		}
		Path data = Files.write(this.dir.resolve("data.csv"), binary);
		assertError(data, data + ": not a spreadsheet: it is named .csv but is not text");
		Path unnamed = Files.write(this.dir.resolve("data.bin"), binary);
		assertError(unnamed, unnamed + ": not a spreadsheet: it holds binary data, not text");
		Path named = Files.write(this.dir.resolve("data.xlsx"), binary);
		assertError(named, named + ": not a spreadsheet: it is named .xlsx but is not an xlsx (zip) file");
		Path word = this.dir.resolve("letter.xls");
		try (POIFSFileSystem ole2 = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(word)) {
			ole2.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "WordDocument");
			ole2.writeFilesystem(out);
		}
		assertError(word,
				word + ": not a spreadsheet: it is an Office file without a workbook (a Word or PowerPoint file?)");
		Path excel95 = this.dir.resolve("old.xls");
		try (POIFSFileSystem ole2 = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(excel95)) {
			ole2.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "Book");
			ole2.writeFilesystem(out);
		}
		assertError(excel95, excel95 + ": an Excel 5.0/95 workbook, a format too old to read");
	}

	@Test
	void truncatedOrDamagedZip() throws IOException {
		byte[] whole = xlsx();
		Path truncated = Files.write(this.dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));
		FpImportException cut = error(truncated);
		assertThat(cut.getMessage())
			.isEqualTo(truncated
					+ ": not a readable xlsx file: the zip is truncated or damaged (zip END header not found)")
			.doesNotContain("\n");
		assertThat(cut.hint()).isEqualTo("open it in Excel or WPS and save it again as .xlsx, or save it as CSV");
		byte[] damaged = whole.clone();
		for (int i = 200; i < damaged.length - 200; i++) {
			damaged[i] = (byte) (damaged[i] ^ 0x5A);
		}
		Path broken = Files.write(this.dir.resolve("broken.xlsx"), damaged);
		assertThat(error(broken).getMessage())
			.startsWith(broken + ": not a readable xlsx file: the zip is truncated or damaged (");
		Path zip = this.dir.resolve("photos.xlsx");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("photo.txt"));
			out.write("not an office file".getBytes(StandardCharsets.UTF_8));
		}
		assertError(zip, zip + ": not a spreadsheet: a zip file, but not an Office document");
	}

	@Test
	void passwordProtectedXlsxAndXls() throws Exception {
		Path xlsx = this.dir.resolve("secret.xlsx");
		try (POIFSFileSystem ole2 = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream data = encryptor.getDataStream(ole2)) {
				data.write(xlsx());
			}
			try (OutputStream out = Files.newOutputStream(xlsx)) {
				ole2.writeFilesystem(out);
			}
		}
		FpImportException encrypted = error(xlsx);
		assertThat(encrypted.getMessage()).isEqualTo(xlsx + ": the workbook is password-protected");
		assertThat(encrypted.hint()).contains("remove the password");
		Path xls = this.dir.resolve("secret.xls");
		Biff8EncryptionKey.setCurrentUserPassword("secret");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
			workbook.createSheet("S").createRow(0).createCell(0).setCellValue("标题");
			workbook.write(out);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
		assertError(xls, xls + ": the workbook is password-protected");
	}

	@Test
	void zipBombIsRefusedWithAClearMessage() throws IOException {
		// the sheet part padded with 20 MB of spaces: it inflates over 1,000 times
		byte[] bomb = rewrite(xlsx(), "xl/worksheets/sheet1.xml",
				(xml) -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(20_000_000)));
		Path file = Files.write(this.dir.resolve("bomb.xlsx"), bomb);
		FpImportException refused = error(file);
		assertThat(refused.getMessage()).isEqualTo(
				file + ": refused as a possible zip bomb: a part of the file expands far more than a spreadsheet does");
		assertThat(refused.hint()).contains("save it again");
	}

	private static byte[] xlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("S");
			sheet.createRow(0).createCell(0).setCellValue("标题");
			sheet.createRow(1).createCell(0).setCellValue("登录");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] xls() throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("S");
			sheet.createRow(0).createCell(0).setCellValue("标题");
			sheet.createRow(1).createCell(0).setCellValue("登录");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** The zip with one text entry changed. */
	private static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<String> change)
			throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry each = in.getNextEntry(); each != null; each = in.getNextEntry()) {
				byte[] content = readAll(in);
				if (each.getName().equals(entry)) {
					content = change.apply(new String(content, StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(each.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static FpImportException error(Path file) {
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			while (source.next() != null) {
				// reading on: some damage shows only in the rows
			}
		}
		catch (FpImportException ex) {
			assertThat(ex.reason()).isEqualTo(Reason.INVALID_INPUT);
			assertThat(ex.hint()).isNotBlank();
			return ex;
		}
		throw new AssertionError("no error for " + file);
	}

	private static void assertError(Path file, String message) {
		assertThat(error(file).getMessage()).isEqualTo(message);
	}

}
