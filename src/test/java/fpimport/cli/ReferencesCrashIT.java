package fpimport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
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
 * The command line in a process of its own, killed with SIGKILL twice while it sets
 * references once every row exists (the second pass: a parent reference set later, and a
 * cycle of two related stories), with the emulator dropping some answers of creates and
 * of updates after carrying them out, then resumed: no item created twice, every
 * reference set to the right item, every row CREATED.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReferencesCrashIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(10));

	static final String MAPPING = StoryFiles.JIRA_STORIES + """
			  父需求 Parent story:
			    column: Parent key
			    refers_to: {later: true}
			  关联需求 Related story:
			    column: Related
			    refers_to: {by: Issue key}
			""";

	static final int ROWS = 48;

	/**
	 * SHOP-n's parent is SHOP-(n / 2), set later; SHOP-47 and SHOP-48 are related to each
	 * other. The rows come last first.
	 */
	static String csv() {
		StringBuilder csv = new StringBuilder("Issue key,Summary,Parent key,Related\n");
		for (int n = ROWS; n >= 1; n--) {
			String related = (n == ROWS) ? "SHOP-" + (ROWS - 1) : (n == ROWS - 1) ? "SHOP-" + ROWS : "";
			csv.append("SHOP-")
				.append(n)
				.append(",Story ")
				.append(n)
				.append(',')
				.append((n > 1) ? "SHOP-" + (n / 2) : "")
				.append(',')
				.append(related)
				.append('\n');
		}
		return csv.toString();
	}

	/** How many parent references the space holds: set only by the second pass. */
	private int parentsSet() {
		return (int) this.cli.emulator()
			.space()
			.items()
			.stream()
			.filter((item) -> !item.relatedIds("field_9f8e7d").isEmpty())
			.count();
	}

	@Test
	void killedTwiceDuringTheSecondPassEveryReferenceIsSetAndNothingCreatedTwice() throws Exception {
		Random random = new Random(20261213L);
		Path file = this.cli.write("stories.csv", csv());
		Path mapping = this.cli.write("stories.yaml", MAPPING);
		this.cli.emulator()
			.faults()
			.reseed(13)
			.latency(Duration.ofMillis(40), Duration.ZERO)
			.droppedCreates(0.1)
			.droppedUpdates(0.1);
		Long runId = null;
		List<String> kills = new ArrayList<>();
		for (int process = 1; process <= 2; process++) {
			List<String> args = new ArrayList<>(
					(runId == null) ? List.of("import", file.toString(), "--mapping", mapping.toString())
							: List.of("resume", Long.toString(runId)));
			args.addAll(List.of("--concurrency", "4", "--chunk-size", "8", "--search-lag", "200ms"));
			int setBefore = parentsSet();
			Path log = this.cli.path("process-" + process + ".log");
			Process cli = this.cli.start(log, args.toArray(String[]::new));
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			// kill a moment after it sets one more reference
			while (cli.isAlive() && parentsSet() == setBefore && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			long moment = 100 + random.nextInt(500);
			cli.waitFor(moment, TimeUnit.MILLISECONDS);
			boolean killed = cli.isAlive();
			cli.destroyForcibly();
			cli.waitFor();
			int setAtKill = parentsSet();
			String text = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(killed).as("process %d ended before its kill after %d ms: %s", process, moment, text).isTrue();
			assertThat(setAtKill).as("process %d was killed during the second pass: %s", process, text)
				.isGreaterThan(setBefore)
				.isLessThan(ROWS - 1);
			kills.add(moment + " ms (" + setAtKill + " of " + (ROWS - 1) + " parents set)");
			Thread.sleep(300);
			if (runId == null) {
				Matcher matcher = Pattern.compile("INFO .* run (\\d+) started: import of ").matcher(text);
				assertThat(matcher.find()).as(text).isTrue();
				runId = Long.parseLong(matcher.group(1));
			}
		}

		CliRun resumed = this.cli.runConnected("resume", Long.toString(runId), "--search-lag", "200ms",
				"--summary-json", this.cli.path("summary.json").toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		JsonNode summary = JsonMapper.builder().build().readTree(this.cli.path("summary.json").toFile());
		assertThat(summary.get("created").asInt()).isEqualTo(ROWS);
		List<StoredItem> all = this.cli.emulator().space().items();
		Map<String, Long> perName = all.stream()
			.collect(Collectors.groupingBy(StoredItem::name, Collectors.counting()));
		assertThat(perName).as("each item once")
			.hasSize(ROWS)
			.allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
		Map<String, StoredItem> items = all.stream().collect(Collectors.toMap(StoredItem::name, (item) -> item));
		for (int n = 1; n <= ROWS; n++) {
			List<Long> parent = items.get("Story " + n).relatedIds("field_9f8e7d");
			if (n == 1) {
				assertThat(parent).as("SHOP-1 has no parent").isEmpty();
			}
			else {
				assertThat(parent).as("parent of SHOP-%d", n).containsExactly(items.get("Story " + (n / 2)).id());
			}
		}
		assertThat(items.get("Story " + ROWS).relatedIds("field_5d6e7f")).as("one end of the cycle")
			.containsExactly(items.get("Story " + (ROWS - 1)).id());
		assertThat(items.get("Story " + (ROWS - 1)).relatedIds("field_5d6e7f")).as("the other end of the cycle")
			.containsExactly(items.get("Story " + ROWS).id());
		assertThat(this.cli.emulator().space().droppedAnswers()).as("dropped answers").isPositive();
		List<RowRecord> stored = new ArrayList<>();
		this.cli.results().forEachRow(runId, stored::add);
		assertThat(stored).hasSize(ROWS).allSatisfy((row) -> {
			assertThat(row.status()).as(row.rowKey()).isEqualTo(RowStatus.CREATED);
			assertThat(row.workItemId()).as(row.rowKey()).isEqualTo(items.get(row.cells().get("Summary")).id());
		});
		List<StepRecord> links = this.cli.results()
			.steps()
			.steps(runId)
			.stream()
			.filter((step) -> step.kind().equals("link"))
			.toList();
		assertThat(links).as("a link step for each row with a parent").hasSizeGreaterThanOrEqualTo(ROWS - 1);
		assertThat(links).allSatisfy((step) -> assertThat(step.status()).isEqualTo(StepRecord.Status.DONE));
		System.out.printf("references crash test: %d rows, kills after %s, %d link steps, %d dropped answers%n", ROWS,
				kills, links.size(), this.cli.emulator().space().droppedAnswers());
	}

}
