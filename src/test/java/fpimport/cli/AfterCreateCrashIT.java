package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.TestEmulator;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.result.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line in a process of its own, killed with SIGKILL while it moves items,
 * comments on them and uploads their files (the emulator answers after 40 ms and drops
 * some answers after doing the step), then resumed: no state move, comment or file twice,
 * none missing.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AfterCreateCrashIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(200));

	/** Creates sent plus comments stored. */
	private int activity() {
		return this.cli.emulator().space().createCalls() + this.cli.emulator()
			.space()
			.items()
			.stream()
			.mapToInt((item) -> this.cli.emulator().space().comments(item.id()).size())
			.sum();
	}

	@Test
	void killedTwiceAcrossStepsEveryStepIsDoneOnce() throws Exception {
		int rows = 24;
		Random random = new Random(20261201L);
		Path file = this.cli.write("jira.csv", AfterCreateStepsIT.jiraCsv(rows));
		Path mapping = this.cli.write("jira.yaml", AfterCreateStepsIT.MAPPING);
		for (int n = 1; n <= rows; n++) {
			for (int f = 1; f <= n % 3; f++) {
				this.cli.write("files/shop-" + n + "-" + f + ".txt", "file " + f + " of SHOP-" + n);
			}
		}
		this.cli.emulator()
			.faults()
			.reseed(17)
			.latency(Duration.ofMillis(40), Duration.ZERO)
			.droppedCreates(0.1)
			.droppedSteps(0.1);
		Long runId = null;
		List<Long> kills = new ArrayList<>();
		for (int process = 1; process <= 2; process++) {
			List<String> args = new ArrayList<>(
					(runId == null) ? List.of("import", file.toString(), "--mapping", mapping.toString())
							: List.of("resume", Long.toString(runId)));
			args.addAll(List.of("--concurrency", "4", "--chunk-size", "8", "--search-lag", "200ms"));
			int activityBefore = activity();
			Path log = this.cli.path("process-" + process + ".log");
			Process cli = this.cli.start(log, args.toArray(String[]::new));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			// kill a moment after it first creates or comments
			while (cli.isAlive() && activity() == activityBefore && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			long moment = 300 + random.nextInt(900);
			cli.waitFor(moment, TimeUnit.MILLISECONDS);
			boolean killed = cli.isAlive();
			cli.destroyForcibly();
			cli.waitFor();
			String text = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(killed).as("process %d ended before its kill after %d ms: %s", process, moment, text).isTrue();
			kills.add(moment);
			Thread.sleep(500);
			if (runId == null) {
				Matcher matcher = Pattern.compile("INFO .* run (\\d+) started: import of ").matcher(text);
				assertThat(matcher.find()).as(text).isTrue();
				runId = Long.parseLong(matcher.group(1));
			}
		}
		assertThat(activity() - this.cli.emulator().space().createCalls())
			.as("the kills came while steps were under way")
			.isPositive();

		CliRun resumed = this.cli.runConnected("resume", Long.toString(runId), "--search-lag", "200ms",
				"--summary-json", this.cli.path("summary.json").toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("summary.json").toFile());
		assertThat(summary.get("created").asInt()).isEqualTo(rows);
		AfterCreateStepsIT.assertEveryRowDone(this.cli.emulator().space(), rows);
		assertThat(this.cli.emulator().space().droppedAnswers()).as("dropped answers").isPositive();
		List<RowRecord> stored = new ArrayList<>();
		this.cli.results().forEachRow(runId, stored::add);
		assertThat(stored).hasSize(rows).allMatch((row) -> row.status() == RowStatus.CREATED);
		List<StepRecord> steps = this.cli.results().steps().steps(runId);
		assertThat(steps).isNotEmpty().allMatch((step) -> step.status() == StepRecord.Status.DONE);
		System.out.printf("after-create crash test: %d rows, kills after %s ms, %d steps, %d dropped answers%n", rows,
				kills, steps.size(), this.cli.emulator().space().droppedAnswers());
	}

}
