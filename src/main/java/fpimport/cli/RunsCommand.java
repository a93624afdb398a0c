package fpimport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import fpimport.job.RunHistory;
import fpimport.result.ErrorReason;
import fpimport.result.LatestOutcome;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.RunCounts;
import fpimport.result.RunRecord;
import fpimport.workitem.RowProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code fpimport runs [RUN] [--json]}: the recent runs, or one run's details. */
@Command(name = "runs", mixinStandardHelpOptions = true,
		description = "List recent runs with their status and counts, or show one run's details and error reasons.")
final class RunsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "a run id: show this run")
	Long runId;

	@Option(names = "--json", description = "one JSON object per run")
	boolean json;

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "how many runs (default 20)")
	int limit;

	@Option(names = "--abandon", paramLabel = "RUN",
			description = "close a stopped run you will not resume: resume then refuses it, and a new import of its "
					+ "file may start")
	Long abandon;

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() {
		if (this.abandon != null && this.runId != null) {
			throw new ParameterException(this.spec.commandLine(), "give RUN or --abandon RUN, not both");
		}
		try (RunHistory history = RunHistory.open(this.database.url())) {
			if (this.abandon != null) {
				return abandon(history, this.abandon);
			}
			return show(history);
		}
	}

	private int abandon(RunHistory history, long id) {
		RunRecord before = history.abandon(id);
		PrintWriter out = this.spec.commandLine().getOut();
		out.println("run " + id + " abandoned: it will not be resumed, and a new import of "
				+ Path.of(before.sourceFile()).getFileName() + " may start");
		long inFlight = history.counts(id).inFlight();
		if (inFlight > 0) {
			out.println("  " + inFlight + " of its rows were in flight: whether they created items stays unknown; "
					+ "look for them in the space before you import the file again");
		}
		out.flush();
		return ExitCode.OK.code();
	}

	private Integer show(RunHistory history) {
		PrintWriter out = this.spec.commandLine().getOut();
		JsonMapper mapper = this.json ? JsonMapper.builder().build() : null;
		if (this.runId != null) {
			RunRecord run = history.run(this.runId);
			RunCounts counts = history.counts(this.runId);
			List<ErrorReason> reasons = history.reasons(this.runId, 10);
			List<RunRecord> retries = history.retries(this.runId);
			List<LatestOutcome> latest = retries.isEmpty() ? List.of() : history.latestOutcomes(this.runId);
			Map<RowStatus, Long> byStatus = history.statusCounts(this.runId);
			if (this.json) {
				Map<String, Object> fields = fields(run, counts);
				if (rolledBack(byStatus)) {
					fields.put("rolled_back", byStatus.getOrDefault(RowStatus.ROLLED_BACK, 0L));
					fields.put("kept", byStatus.getOrDefault(RowStatus.KEPT, 0L));
					fields.put("rolling_back", byStatus.getOrDefault(RowStatus.ROLLING_BACK, 0L));
				}
				fields.put("reasons",
						reasons.stream().map((r) -> Map.of("reason", r.reason(), "rows", r.rows())).toList());
				if (!retries.isEmpty()) {
					fields.put("retries", retries.stream().map(RunRecord::runId).toList());
					fields.put("latest", latestCounts(latest));
					fields.put("still_failing", stillFailing(latest).stream().map(RunsCommand::failingRow).toList());
				}
				out.println(mapper.writeValueAsString(fields));
			}
			else {
				printDetails(out, run, counts, reasons, retries, latest);
				if (rolledBack(byStatus)) {
					printRollback(out, this.runId, byStatus);
				}
			}
			out.flush();
			return ExitCode.OK.code();
		}
		List<RunRecord> runs = history.recent(this.limit);
		if (this.json) {
			runs.forEach((run) -> out.println(mapper.writeValueAsString(fields(run, run.counts()))));
		}
		else if (runs.isEmpty()) {
			out.println("no runs yet");
		}
		else {
			out.printf("%-6s %-9s %-7s %-19s %7s %7s %7s %7s %7s %7s  %s%n", "RUN", "STATUS", "KIND", "STARTED", "ROWS",
					"CREATED", "UPDATED", "SKIPPED", "INVALID", "FAILED", "FILE");
			for (RunRecord run : runs) {
				RunCounts c = run.counts();
				out.printf("%-6d %-9s %-7s %-19s %7d %7d %7d %7d %7d %7d  %s%n", run.runId(), status(run),
						run.kind().name().toLowerCase(java.util.Locale.ROOT), started(run), c.total(), c.created(),
						c.updated(), c.skipped(), c.invalid(), c.failed(), Path.of(run.sourceFile()).getFileName());
			}
		}
		out.flush();
		return ExitCode.OK.code();
	}

	private static void printDetails(PrintWriter out, RunRecord run, RunCounts counts, List<ErrorReason> reasons,
			List<RunRecord> retries, List<LatestOutcome> latest) {
		out.printf("run %d: %s%s%n", run.runId(), status(run), run.dryRun() ? " (dry run)" : "");
		out.println("  kind: " + run.kind().name().toLowerCase(java.util.Locale.ROOT)
				+ ((run.parentRunId() != null) ? " of run " + run.parentRunId() : ""));
		out.println("  file: " + run.sourceFile() + ((run.sheet() != null) ? " (sheet " + run.sheet() + ")" : ""));
		out.println("  mapping: " + run.mappingFile());
		out.println("  space: " + run.projectKey() + ", type " + run.typeKey());
		out.println("  started: " + started(run) + ((run.endedAt() != null) ? ", ended: " + run.endedAt() : ""));
		out.printf("  rows %d: created %d, updated %d, skipped %d, invalid %d, failed %d, in flight %d%n",
				counts.total(), counts.created(), counts.updated(), counts.skipped(), counts.invalid(), counts.failed(),
				counts.inFlight());
		if (run.message() != null) {
			out.println("  message: " + run.message());
		}
		if (!reasons.isEmpty()) {
			out.println("  reasons:");
			reasons.forEach((reason) -> out.printf("    %5d × %s%n", reason.rows(), reason.reason()));
		}
		if (!retries.isEmpty()) {
			printLatest(out, retries, latest);
		}
		if (run.reportPath() != null) {
			out.println("report: " + run.reportPath());
		}
	}

	/**
	 * What became of the run's rows after its retries: counts of the newest outcomes, and
	 * the rows still not created.
	 */
	private static void printLatest(PrintWriter out, List<RunRecord> retries, List<LatestOutcome> latest) {
		out.println("  retries: " + String.join(", ",
				retries.stream().map((retry) -> "run " + retry.runId() + " (" + status(retry) + ")").toList()));
		Map<RowStatus, Long> counts = latestCounts(latest);
		out.printf("  latest outcome of its %d rows: %s%n", latest.size(), String.join(", ",
				counts.entrySet().stream().map((e) -> word(e.getKey()) + " " + e.getValue()).toList()));
		List<LatestOutcome> failing = stillFailing(latest);
		if (!failing.isEmpty()) {
			out.println("  still failing:");
			failing.stream()
				.limit(STILL_FAILING_SHOWN)
				.forEach((outcome) -> out.printf("    row %d: %s in run %d: %s%n", outcome.originRowNumber(),
						word(outcome.row().status()), outcome.row().runId(), reason(outcome.row())));
			if (failing.size() > STILL_FAILING_SHOWN) {
				out.printf("    ... and %d more ('fpimport report %d' lists them all)%n",
						failing.size() - STILL_FAILING_SHOWN, failing.get(0).row().runId());
			}
		}
	}

	private static final int STILL_FAILING_SHOWN = 20;

	private static boolean rolledBack(Map<RowStatus, Long> byStatus) {
		return byStatus.keySet().stream().anyMatch(RowStatus::rollback);
	}

	/** What a rollback made of the run's created rows. */
	private static void printRollback(PrintWriter out, long runId, Map<RowStatus, Long> byStatus) {
		long pending = byStatus.getOrDefault(RowStatus.ROLLING_BACK, 0L);
		long kept = byStatus.getOrDefault(RowStatus.KEPT, 0L);
		out.printf("  rollback: rolled back %d, kept %d, delete in flight %d%n",
				byStatus.getOrDefault(RowStatus.ROLLED_BACK, 0L), kept, pending);
		if (pending > 0 || kept > 0) {
			out.println("  'fpimport rollback " + runId + " --dry-run' lists the items left"
					+ ((pending > 0) ? "; running the rollback again finishes it" : ""));
		}
	}

	private static Map<RowStatus, Long> latestCounts(List<LatestOutcome> latest) {
		Map<RowStatus, Long> counts = new java.util.EnumMap<>(RowStatus.class);
		latest.forEach((outcome) -> counts.merge(outcome.row().status(), 1L, Long::sum));
		return counts;
	}

	private static List<LatestOutcome> stillFailing(List<LatestOutcome> latest) {
		return latest.stream()
			.filter((outcome) -> !outcome.row().status().succeeded() && !outcome.row().status().rollback())
			.toList();
	}

	private static Map<String, Object> failingRow(LatestOutcome outcome) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("row", outcome.originRowNumber());
		row.put("status", outcome.row().status().name());
		row.put("run_id", outcome.row().runId());
		row.put("reason", reason(outcome.row()));
		return row;
	}

	private static String reason(RowRecord row) {
		if (row.status() == RowStatus.FAILED || row.errMsg() != null) {
			return ((row.errCode() != null) ? row.errCode() + " " : "") + row.errMsg();
		}
		if (!row.problems().isEmpty()) {
			return String.join("; ", row.problems().stream().map(RowProblem::message).toList());
		}
		return (row.status() == RowStatus.IN_FLIGHT) ? "outcome unknown: 'fpimport resume " + row.runId() + "'" : "";
	}

	private static String word(RowStatus status) {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	private static Map<String, Object> fields(RunRecord run, RunCounts counts) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("run_id", run.runId());
		fields.put("status", run.status().name());
		fields.put("kind", run.kind().name());
		fields.put("parent_run_id", run.parentRunId());
		fields.put("dry_run", run.dryRun());
		fields.put("file", run.sourceFile());
		fields.put("project", run.projectKey());
		fields.put("type", run.typeKey());
		fields.put("rows_total", counts.total());
		fields.put("created", counts.created());
		fields.put("updated", counts.updated());
		fields.put("skipped", counts.skipped());
		fields.put("invalid", counts.invalid());
		fields.put("failed", counts.failed());
		fields.put("started_at", String.valueOf(run.startedAt()));
		fields.put("ended_at", (run.endedAt() == null) ? null : run.endedAt().toString());
		fields.put("report", run.reportPath());
		fields.put("message", run.message());
		return fields;
	}

	private static String status(RunRecord run) {
		return run.status().name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String started(RunRecord run) {
		return run.startedAt().toString().substring(0, 19).replace('T', ' ');
	}

}
