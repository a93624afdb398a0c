package fpimport.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a table of texts as a file of one {@link SourceFormat}, the way a user's
 * spreadsheet program would: an empty list is a blank row. A new format adds its writer
 * here, or {@link RowSourceContractTest} fails for it.
 */
final class SampleTables {

	private SampleTables() {
	}

	/** Writes {@code rows} as {@code name} plus the format's first extension. */
	static Path write(SourceFormat format, Path directory, String name, List<List<String>> rows) {
		Path file = directory.resolve(name + "." + format.extensions().get(0));
		try {
			switch (format.name()) {
				case "CSV" -> Files.writeString(file, csv(rows), StandardCharsets.UTF_8);
				case "XLSX" -> workbook(new XSSFWorkbook(), file, rows);
				case "XLS" -> workbook(new HSSFWorkbook(), file, rows);
				default -> throw new IllegalArgumentException("no sample writer for the format " + format.name());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * A file of the format that its reader must refuse as a whole: a workbook cut in
	 * half, a CSV file whose header has a column without a name.
	 */
	static Path damaged(SourceFormat format, Path directory, String name) {
		List<List<String>> rows = List.of(List.of("编号", "标题"), List.of("1", "登录"));
		if (format.name().equals("CSV")) {
			return write(format, directory, name, List.of(List.of("编号", " ", "标题"), List.of("1", "x", "登录")));
		}
		Path file = write(format, directory, name, rows);
		try {
			byte[] whole = Files.readAllBytes(file);
			Files.write(file, Arrays.copyOf(whole, whole.length / 2));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private static String csv(List<List<String>> rows) {
		StringBuilder text = new StringBuilder();
		for (List<String> row : rows) {
			text.append(String.join(",", row)).append("\r\n");
		}
		return text.toString();
	}

	private static void workbook(Workbook workbook, Path file, List<List<String>> rows) throws IOException {
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Sheet1");
			for (int r = 0; r < rows.size(); r++) {
				if (rows.get(r).isEmpty()) {
					continue;
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
		}
	}

}
