package fpimport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.translation.JiraCells;
import fpimport.source.Sources;
import fpimport.source.TitleRow;
import fpimport.failure.FpImportException;
import fpimport.workitem.ColumnKeys;
import fpimport.workitem.Printable;
import fpimport.failure.FpImportException.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fpimport preview FILE}: the rows exactly as the importer reads them, as a table
 * or as one JSON object per line, so users can check encoding, sheet and dates first.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
		description = "Show the rows of a ${bundle:formats} file exactly as the importer reads them.")
final class PreviewCommand implements Callable<Integer> {

	/** Cells wider than this are cut in the table, so rows stay on one line. */
	static final int MAX_CELL_WIDTH = 40;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "the ${bundle:format-extensions} file")
	Path file;

	@Option(names = "--sheet", paramLabel = "SHEET",
			description = "xlsx/xls: sheet name or 1-based index (default: the first)")
	String sheet;

	@Option(names = "--header-row", paramLabel = "N", defaultValue = "1",
			description = "1-based row (line) of the header (default ${DEFAULT-VALUE})")
	int headerRow;

	@Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = SourceSettings.AUTO,
			description = "csv: auto, UTF-8, GBK, GB18030, UTF-16 ... (default ${DEFAULT-VALUE})")
	String encoding;

	@Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = SourceSettings.AUTO,
			description = "csv: auto, ',', ';', '|' or '\\t' (default ${DEFAULT-VALUE})")
	String delimiter;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20",
			description = "show at most N rows; 0 shows all (default ${DEFAULT-VALUE})")
	int limit;

	@Option(names = "--json",
			description = "one JSON object per line: header -> cell text (a list for a repeated header), in header order; Comment and Attachment cells as their parts")
	boolean json;

	@Override
	public Integer call() {
		if (this.limit < 0) {
			throw new FpImportException(Reason.USAGE, "--limit must be 0 (all rows) or more, not " + this.limit,
					"e.g. --limit 50");
		}
		SourceSettings settings = new SourceSettings(this.sheet, this.headerRow, this.encoding, this.delimiter);
		PrintWriter out = this.spec.commandLine().getOut();
		OptionalInt below = TitleRow.headerBelow(this.file, settings);
		if (below.isPresent()) {
			// said first, where a person looks; with --json, stdout stays JSON lines
			PrintWriter to = this.json ? this.spec.commandLine().getErr() : out;
			to.println("note: " + TitleRow.note(this.headerRow, below.getAsInt()));
			to.flush();
		}
		try (RowSource source = Sources.open(this.file, settings)) {
			if (this.json) {
				writeJson(source, out);
			}
			else {
				writeTable(source, out);
			}
		}
		out.flush();
		return 0;
	}

	private void writeJson(RowSource source, PrintWriter out) {
		JsonMapper mapper = JsonMapper.builder().build();
		PrintWriter err = this.spec.commandLine().getErr();
		int shown = 0;
		SourceRow row;
		while ((this.limit == 0 || shown < this.limit) && (row = source.next()) != null) {
			shown++;
			if (row.problem() != null) {
				// stdout stays pure JSON lines; the problem goes where people look
				err.println("warning: " + Printable
					.line(this.file + ", " + place(source) + " " + row.rowNumber() + ": " + row.problem()));
				continue;
			}
			Map<String, Object> cells = new LinkedHashMap<>();
			for (Map.Entry<String, List<String>> group : ColumnKeys.groups(source.headers()).entrySet()) {
				cells.put(group.getKey(), json(group.getKey(), cells(group.getValue(), row)));
			}
			out.println(mapper.writeValueAsString(cells));
		}
		err.flush();
	}

	// Jira's composite cells show their parts
	private static Object jsonCell(String header, String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		if (header.strip().equalsIgnoreCase("Comment")) {
			JiraCells.Comment comment = JiraCells.comment(cell);
			Map<String, Object> parts = new LinkedHashMap<>();
			parts.put("date", comment.dateText());
			parts.put("author", comment.author());
			parts.put("body", comment.body());
			return parts;
		}
		if (header.strip().equalsIgnoreCase("Attachment")) {
			JiraCells.Attachment attachment = JiraCells.attachment(cell);
			Map<String, Object> parts = new LinkedHashMap<>();
			parts.put("date", attachment.dateText());
			parts.put("author", attachment.author());
			parts.put("file", attachment.fileName());
			parts.put("url", attachment.url());
			return parts;
		}
		return cell;
	}

	private void writeTable(RowSource source, PrintWriter out) {
		List<SourceRow> rows = new ArrayList<>();
		SourceRow row;
		while ((this.limit == 0 || rows.size() < this.limit) && (row = source.next()) != null) {
			rows.add(row);
		}
		boolean more = this.limit > 0 && rows.size() == this.limit && source.next() != null;
		Map<String, List<String>> groups = ColumnKeys.groups(source.headers());
		List<List<String>> lines = new ArrayList<>();
		List<String> title = new ArrayList<>();
		title.add(place(source));
		groups.forEach((name, keys) -> title.add(Printable.line(ColumnKeys.label(name, keys.size()))));
		lines.add(title);
		for (SourceRow each : rows) {
			List<String> line = new ArrayList<>();
			line.add(Long.toString(each.rowNumber()));
			if (each.problem() != null) {
				line.add("(malformed) " + Printable.line(each.problem()));
			}
			else {
				for (List<String> keys : groups.values()) {
					Object cells = cells(keys, each);
					line.add(Printable.line((cells instanceof List<?> values)
							? String.join(" | ", values.stream().map(String::valueOf).toList()) : (String) cells));
				}
			}
			lines.add(line);
		}
		out.println(
				Printable.line(this.file + ": " + source.description()) + ", " + source.headers().size() + " columns");
		int[] widths = new int[title.size()];
		for (List<String> line : lines) {
			// a malformed row's message spans the table and does not widen its columns
			if (line.size() == title.size()) {
				for (int i = 0; i < line.size(); i++) {
					widths[i] = Math.max(widths[i], TextWidth.of(TextWidth.cut(line.get(i), MAX_CELL_WIDTH)));
				}
			}
		}
		for (int index = 0; index < lines.size(); index++) {
			List<String> line = lines.get(index);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.size(); i++) {
				String cell = (line.size() == title.size()) ? TextWidth.cut(line.get(i), MAX_CELL_WIDTH) : line.get(i);
				if (i > 0) {
					text.append(" | ");
				}
				text.append(cell);
				if (i < line.size() - 1) {
					text.append(" ".repeat(Math.max(0, widths[i] - TextWidth.of(cell))));
				}
			}
			out.println(text.toString().stripTrailing());
			if (index == 0) {
				StringBuilder rule = new StringBuilder();
				for (int i = 0; i < widths.length; i++) {
					rule.append((i > 0) ? "-+-" : "").append("-".repeat(widths[i]));
				}
				out.println(rule);
			}
		}
		out.println(rows.size() + " row" + ((rows.size() == 1) ? "" : "s") + " shown"
				+ (more ? "; more follow (--limit 0 shows all)" : ""));
	}

	/**
	 * The text of a column, or the non-empty cells of a repeated name's columns as a
	 * list.
	 */
	private static Object cells(List<String> keys, SourceRow row) {
		if (keys.size() == 1) {
			return row.cell(keys.get(0));
		}
		return keys.stream().map(row::cell).filter((cell) -> !cell.isEmpty()).toList();
	}

	/** A cell, or the list of a repeated header's cells, as JSON shows it. */
	private static Object json(String header, Object cells) {
		if (cells instanceof List<?> values) {
			return values.stream().map((cell) -> jsonCell(header, (String) cell)).toList();
		}
		return jsonCell(header, (String) cells);
	}

	private static String place(RowSource source) {
		return (source.sheet() == null) ? "line" : "row";
	}

}
