package fpimport.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import fpimport.source.SourceRow;

/**
 * A small UTF-8 CSV fixture under {@code src/test/resources/e2e/}, read into rows
 * numbered by the line each record starts on, as a spreadsheet user counts them.
 *
 * TODO read through fpimport.source.Sources once the source package lands on main.
 */
record CsvSheet(String fileName, List<String> headers, List<SourceRow> rows) {

	/** The fixture's text with each {@code ${name}} replaced, as a test writes it. */
	static String resource(String name, Map<String, String> placeholders) {
		try (InputStream in = CsvSheet.class.getResourceAsStream("/e2e/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
				text = text.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
			}
			if (text.contains("${")) {
				throw new IllegalArgumentException(name + " has a placeholder no value was given for");
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the fixture (placeholders replaced) into a directory and reads it back. */
	static CsvSheet write(Path dir, String name, Map<String, String> placeholders) {
		Path file = dir.resolve(name);
		try {
			Files.writeString(file, resource(name, placeholders), StandardCharsets.UTF_8);
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static CsvSheet read(Path file) {
		try (CSVReader csv = new CSVReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
			List<String> headers = Arrays.asList(csv.readNext());
			List<SourceRow> rows = new ArrayList<>();
			long linesBefore = csv.getLinesRead();
			String[] record;
			while ((record = csv.readNext()) != null) {
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < headers.size(); i++) {
					cells.put(headers.get(i), (i < record.length) ? record[i] : "");
				}
				rows.add(SourceRow.of(linesBefore + 1, cells));
				linesBefore = csv.getLinesRead();
			}
			return new CsvSheet(file.getFileName().toString(), headers, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (CsvValidationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
