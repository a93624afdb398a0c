package fpimport.watch;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import fpimport.report.RunSummary;
import fpimport.workitem.Printable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watcher's log: one line per file with its counts, as text or as one JSON object per
 * line for log collectors.
 */
public final class WatchLog {

	private final PrintWriter out;

	private final boolean json;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * @param json one JSON object per line instead of text
	 */
	public WatchLog(PrintWriter out, boolean json, Clock clock) {
		this.out = out;
		this.json = json;
		this.clock = clock;
	}

	/** A line about the watcher itself (started, stopped, a fault of a look). */
	void event(String event, String message) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("event", event);
		fields.put("message", message);
		write(fields, event + ": " + message);
	}

	/** The line of one file. */
	void file(FileResult result, String directory) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("event", "file");
		fields.put("file", result.file());
		fields.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
		StringBuilder text = new StringBuilder(result.file()).append(": ").append(words(result.outcome()));
		if (result.runId() != null) {
			fields.put("run_id", result.runId());
			text.append(", run ").append(result.runId());
		}
		RunSummary summary = result.summary();
		if (summary != null) {
			fields.putAll(summary.json());
			fields.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
			var counts = summary.counts();
			text.append(": rows ")
				.append(counts.total())
				.append(", created ")
				.append(counts.created())
				.append(", updated ")
				.append(counts.updated())
				.append(", skipped ")
				.append(counts.skipped())
				.append(", invalid ")
				.append(counts.invalid())
				.append(", failed ")
				.append(counts.failed());
		}
		if (result.report() != null) {
			fields.put("report", result.report());
		}
		if (result.movedTo() != null) {
			fields.put("moved_to", result.movedTo().toString());
			text.append(" -> ").append(relative(result.movedTo().toString(), directory));
		}
		if (result.fault() != null) {
			fields.put("message", result.fault().getMessage());
			fields.put("hint", result.fault().hint());
			text.append(" (").append(result.fault().getMessage()).append(")");
		}
		write(fields, text.toString());
	}

	private static String relative(String path, String directory) {
		return path.startsWith(directory + java.io.File.separator) ? path.substring(directory.length() + 1) : path;
	}

	private static String words(FileResult.Outcome outcome) {
		return switch (outcome) {
			case IMPORTED -> "imported";
			case ROWS_FAILED -> "imported with failed rows";
			case REJECTED -> "rejected";
			case ALREADY_IMPORTED -> "already imported";
			case LEFT -> "left for a later run";
			case BUSY -> "being imported by another watcher";
			case INCOMPLETE -> "still being written: left for the next look";
		};
	}

	private synchronized void write(Map<String, Object> fields, String text) {
		String time = this.clock.instant().toString();
		if (this.json) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("time", time);
			line.putAll(fields);
			this.out.println(this.mapper.writeValueAsString(line));
		}
		else {
			// a file name with a line break must not forge a line of the log
			this.out.println(time + " " + Printable.line(text));
		}
		this.out.flush();
	}

}
