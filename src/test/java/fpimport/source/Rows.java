package fpimport.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads files whole in tests. */
public final class Rows {

	private Rows() {
	}

	public static List<SourceRow> read(Path file, SourceSettings settings) {
		try (RowSource source = Sources.open(file, settings)) {
			List<SourceRow> rows = new ArrayList<>();
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				rows.add(row);
			}
			return rows;
		}
	}

	public static List<SourceRow> read(Path file) {
		return read(file, SourceSettings.defaults());
	}

	/** Each row as a list of its cell texts, row number first. */
	public static List<List<String>> texts(List<SourceRow> rows) {
		List<List<String>> texts = new ArrayList<>();
		for (SourceRow row : rows) {
			List<String> text = new ArrayList<>();
			text.add(Long.toString(row.rowNumber()));
			if (row.problem() != null) {
				text.add("problem: " + row.problem());
			}
			for (Map.Entry<String, String> cell : row.cells().entrySet()) {
				text.add(cell.getValue());
			}
			texts.add(text);
		}
		return texts;
	}

}
