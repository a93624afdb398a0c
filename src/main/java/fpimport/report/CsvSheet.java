package fpimport.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVWriter;

/**
 * A report sheet as UTF-8 CSV with a byte order mark. A cell, header names included, that
 * starts with {@code = + - @}, a tab or a line break gets a leading apostrophe, so that a
 * spreadsheet shows it as text instead of running it as a formula.
 */
final class CsvSheet implements ReportSheet {

	private final CSVWriter csv;

	CsvSheet(Path file) throws IOException {
		Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		this.csv = new CSVWriter(writer);
	}

	@Override
	public void row(List<String> cells, boolean highlight, String link) {
		this.csv.writeNext(cells.stream().map(CsvSheet::asText).toArray(String[]::new), false);
	}

	static String asText(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\n';
		return formula ? "'" + cell : cell;
	}

	@Override
	public void close() throws IOException {
		this.csv.close();
	}

}
