package fpimport.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.source.SourceRow;

/** Reads the small fixtures under {@code src/test/resources/mapping/}. */
final class Fixtures {

	private Fixtures() {
	}

	static String text(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/mapping/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MappingSpec mapping(String name) {
		return MappingLoader.parse(text(name), name);
	}

	/** A tab-separated sheet: its header. */
	static List<String> headers(String name) {
		return Arrays.asList(text(name).split("\n", -1)[0].split("\t", -1));
	}

	/**
	 * A tab-separated sheet: its data rows, numbered from 2 as in a spreadsheet; a
	 * literal {@code \n} in a cell is a line break, a line starting with {@code !} is a
	 * row the reader could not read.
	 */
	static List<SourceRow> rows(String name) {
		String[] lines = text(name).split("\n");
		List<String> headers = Arrays.asList(lines[0].split("\t", -1));
		List<SourceRow> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].startsWith("!")) {
				rows.add(SourceRow.malformed(i + 1, lines[i].substring(1)));
				continue;
			}
			String[] cells = lines[i].split("\t", -1);
			Map<String, String> row = new LinkedHashMap<>();
			for (int c = 0; c < headers.size(); c++) {
				row.put(headers.get(c), (c < cells.length) ? cells[c].replace("\\n", "\n") : "");
			}
			rows.add(SourceRow.of(i + 1, row));
		}
		return rows;
	}

}
