package fpimport.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fpimport.result.ErrorReason;
import fpimport.result.RunCounts;
import fpimport.result.RunRecord;
import fpimport.workitem.Printable;

/**
 * What a user reads at the end of a run: counts by status, the top error reasons,
 * duration and speed, the run id, the report's path and the failed rows' file (or
 * {@code null}), and notes on how the file was read (such as the day/month order a date
 * column proved); also, without the notes, as the JSON of {@code --summary-json}.
 */
public record RunSummary(RunRecord run, RunCounts counts, List<ErrorReason> reasons, Duration duration, String report,
		String failedRows, List<String> notes) {

	public RunSummary {
		Objects.requireNonNull(run, "run");
		Objects.requireNonNull(counts, "counts");
		reasons = List.copyOf(reasons);
		Objects.requireNonNull(duration, "duration");
		notes = List.copyOf(notes);
	}

	/** Prints the summary for a person, a few lines. */
	public void print(PrintWriter out) {
		if (this.run.status() == fpimport.result.RunStatus.REFUSED) {
			out.printf("run %d refused before its first row: nothing was imported, and there is nothing to resume%n",
					this.run.runId());
			out.flush();
			return;
		}
		String mode = this.run.dryRun() ? " (dry run: nothing was created)" : "";
		out.printf("run %d %s%s: %d rows in %s (%.1f rows/s)%n", this.run.runId(), statusWord(), mode,
				this.counts.total(), human(this.duration), rowsPerSecond());
		if (this.run.dryRun()) {
			out.printf("  valid %d, invalid %d, skipped %d%n", this.counts.valid(), this.counts.invalid(),
					this.counts.skipped());
		}
		else {
			out.printf("  created %d, updated %d, skipped %d, invalid %d, failed %d%n", this.counts.created(),
					this.counts.updated(), this.counts.skipped(), this.counts.invalid(), this.counts.failed());
		}
		if (this.counts.total() == 0 && this.run.status() == fpimport.result.RunStatus.COMPLETED) {
			out.println("  no rows: the file has a header and no data rows under it, so nothing was imported");
		}
		if (this.counts.inFlight() > 0) {
			out.printf("  unfinished %d (run 'fpimport resume %d')%n", this.counts.inFlight(), this.run.runId());
		}
		if (!this.reasons.isEmpty()) {
			out.println("  top reasons:");
			for (ErrorReason reason : this.reasons) {
				out.printf("    %5d × %s%n", reason.rows(), Printable.line(reason.reason()));
			}
		}
		for (String note : this.notes) {
			out.println("  note: " + Printable.line(note));
		}
		if (this.report != null) {
			out.println("report: " + Printable.line(this.report));
		}
		if (this.failedRows != null) {
			out.println("failed rows: " + Printable.line(this.failedRows)
					+ " (fix them there and import that file with the same mapping)");
		}
		out.flush();
	}

	/** The fields of {@code --summary-json}, in order. */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("run_id", this.run.runId());
		json.put("status", this.run.status().name());
		json.put("rows_total", this.counts.total());
		json.put("created", this.counts.created());
		json.put("updated", this.counts.updated());
		json.put("skipped", this.counts.skipped());
		json.put("invalid", this.counts.invalid());
		json.put("failed", this.counts.failed());
		json.put("report", this.report);
		json.put("failed_rows", this.failedRows);
		json.put("duration_ms", this.duration.toMillis());
		return json;
	}

	private String statusWord() {
		return switch (this.run.status()) {
			case COMPLETED -> "finished";
			case STOPPED -> "stopped";
			case REFUSED -> "refused";
			case ABANDONED -> "abandoned";
			case RUNNING -> "unfinished";
		};
	}

	private double rowsPerSecond() {
		double seconds = this.duration.toMillis() / 1000.0;
		return (seconds <= 0) ? 0 : this.counts.total() / seconds;
	}

	private static String human(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return String.format("%.1f s", duration.toMillis() / 1000.0);
		}
		return String.format("%d min %02d s", seconds / 60, seconds % 60);
	}

}
