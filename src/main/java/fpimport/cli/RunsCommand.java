package fpimport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import fpimport.job.RunHistory;
import fpimport.result.ErrorReason;
import fpimport.result.RunCounts;
import fpimport.result.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() {
		RunHistory history = RunHistory.open(this.database.url);
		PrintWriter out = this.spec.commandLine().getOut();
		JsonMapper mapper = JsonMapper.builder().build();
		if (this.runId != null) {
			RunRecord run = history.run(this.runId);
			RunCounts counts = history.counts(this.runId);
			List<ErrorReason> reasons = history.reasons(this.runId, 10);
			if (this.json) {
				Map<String, Object> fields = fields(run, counts);
				fields.put("reasons",
						reasons.stream().map((r) -> Map.of("reason", r.reason(), "rows", r.rows())).toList());
				out.println(mapper.writeValueAsString(fields));
			}
			else {
				printDetails(out, run, counts, reasons);
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

	private static void printDetails(PrintWriter out, RunRecord run, RunCounts counts, List<ErrorReason> reasons) {
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
		if (run.reportPath() != null) {
			out.println("report: " + run.reportPath());
		}
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
