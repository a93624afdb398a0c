package fpimport.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;

/**
 * A small UTF-8 CSV fixture under {@code src/test/resources/e2e/}, read into rows
 * numbered by the line each record starts on, as a spreadsheet user counts them.
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

	/** Reads the fixture with the importer's own reader, as an import would. */
	static CsvSheet read(Path file) {
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			List<SourceRow> rows = new ArrayList<>();
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				rows.add(row);
			}
			return new CsvSheet(file.getFileName().toString(), source.headers(), rows);
		}
	}

}
