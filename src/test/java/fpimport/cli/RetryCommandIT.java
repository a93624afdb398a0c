package fpimport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retry RUN}: the rows that did not succeed, from the database, after the space or
 * the mapping was fixed; filtered; a retry of a retry; {@code runs RUN} with the latest
 * outcome of each row.
 */
class RetryCommandIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	private static final Pattern RUN_ID = Pattern.compile("run (\\d+) ");

	@Test
	void retryAfterTheSpaceGotTheMissingOptionsCreatesOnlyThoseRows() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "opts", //
				"S-1,登录页改版,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,新类型需求,,高,调研 Research,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-3,运维需求,,高,功能 Feature,平台 Platform/账号 Account,运维 Ops,2026/12/1,,\n");
		CliRun first = this.cli.runConnected(stories.command("import"));
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
		assertThat(first.out()).contains("created 1, updated 0, skipped 0, invalid 2, failed 0");
		long runId = runId(first);

		// the file is not needed any more: the retry reads the rows stored with the run
		Files.delete(stories.file());
		this.cli.emulator().space().addOption("story", "field_5c1d2e", "option_5", "调研 Research");
		this.cli.emulator().space().enableOption("story", "field_a1b2c3", "xk3l9p0qe");
		CliRun retry = this.cli.runConnected("retry", Long.toString(runId), "--summary-json",
				this.cli.path("s.json").toString());

		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(retry.out()).contains("2 rows").contains("created 2, updated 0, skipped 0, invalid 0, failed 0");
		assertThat(itemsByName()).containsOnlyKeys("登录页改版", "新类型需求", "运维需求");
		assertThat(itemsByName().get("新类型需求").field("field_5c1d2e").orElseThrow().get("value").asString())
			.isEqualTo("option_5");
		long retryId = runId(retry);
		assertThat(this.cli.path("opts.retry-" + retryId + ".report.xlsx")).exists();
		assertThat(this.cli.path("opts.report.xlsx")).exists();

		CliRun runs = runs(Long.toString(runId), "--json");
		JsonNode details = JsonMapper.builder().build().readTree(runs.out());
		assertThat(details.get("retries").get(0).asLong()).isEqualTo(retryId);
		assertThat(details.get("latest").get("CREATED").asInt()).isEqualTo(3);
		assertThat(details.get("still_failing")).isEmpty();
		CliRun retryDetails = runs(Long.toString(retryId));
		assertThat(retryDetails.out()).contains("kind: retry of run " + runId);

		CliRun nothingLeft = this.cli.runConnected("retry", Long.toString(runId));
		assertThat(nothingLeft.exitCode()).as(nothingLeft.toString()).isEqualTo(3);
		assertThat(nothingLeft.err()).contains("run " + runId + " has no rows to retry");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);
	}

	@Test
	void retryWithAFixedMappingCreatesTheRowsTheOldOneRefused() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "fix", //
				"S-1,普通需求,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,最急需求,,最高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-3,次急需求,,最高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		CliRun first = this.cli.runConnected(stories.command("import"));
		assertThat(first.out()).as(first.toString()).contains("created 1, updated 0, skipped 0, invalid 2");
		long runId = runId(first);

		// the run's own mapping again changes nothing: the rows stay invalid
		CliRun same = this.cli.runConnected("retry", Long.toString(runId));
		assertThat(same.exitCode()).as(same.toString()).isEqualTo(1);
		assertThat(same.out()).contains("created 0, updated 0, skipped 0, invalid 2");
		long sameId = runId(same);

		Path fixed = this.cli.write("fixed.yaml", ImportCommandIT.MAPPING.replace("紧急: P0,", "紧急: P0, 最高: P0,"));
		CliRun retry = this.cli.runConnected("retry", Long.toString(sameId), "--mapping", fixed.toString());

		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(retry.out()).contains("created 2, updated 0, skipped 0, invalid 0, failed 0");
		assertThat(itemsByName()).containsOnlyKeys("普通需求", "最急需求", "次急需求");
		assertThat(itemsByName().get("最急需求").field("priority").orElseThrow().get("value").asString()).isEqualTo("0");
		CliRun runs = runs(Long.toString(runId));
		assertThat(runs.out()).contains("retries: run " + sameId + " (completed), run " + runId(retry) + " (completed)")
			.contains("latest outcome of its 3 rows: created 3")
			.doesNotContain("still failing");
	}

	@Test
	void retryFilteredByCodeTakesOnlyThoseRowsAndLeavesTheRest() throws Exception {
		StoryFiles stories = StoryFiles.write(this.cli, "codes", //
				"S-1,好需求,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n", //
				"S-2,坏关联一,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,999999,\n", //
				"S-3,坏关联二,,高,功能 Feature,平台 Platform/账号 Account,,2026/12/1,999998,\n", //
				"S-4,坏优先级,,P9,功能 Feature,平台 Platform/账号 Account,,2026/12/1,,\n");
		CliRun first = this.cli.runConnected(stories.command("import"));
		assertThat(first.out()).as(first.toString()).contains("created 1, updated 0, skipped 0, invalid 1, failed 2");
		long runId = runId(first);

		Path withoutRelated = this.cli.write("norel.yaml",
				ImportCommandIT.MAPPING.replace("  field_5d6e7f: {column: 关联需求}\n", ""));
		CliRun retry = this.cli.runConnected("retry", Long.toString(runId), "--only-code", "30005", "--mapping",
				withoutRelated.toString());

		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(retry.out()).contains("2 rows").contains("created 2, updated 0, skipped 0, invalid 0, failed 0");
		assertThat(itemsByName()).containsOnlyKeys("好需求", "坏关联一", "坏关联二");

		CliRun invalidOnly = this.cli.runConnected("retry", Long.toString(runId), "--only-code", "30005");
		assertThat(invalidOnly.exitCode()).as(invalidOnly.toString()).isEqualTo(3);
		assertThat(invalidOnly.err()).contains("no rows to retry with code 30005");

		CliRun runs = runs(Long.toString(runId));
		assertThat(runs.out()).contains("latest outcome of its 4 rows: created 3, invalid 1")
			.contains("still failing:")
			.containsPattern("row 5: invalid in run " + runId + ": .*P9");

		CliRun rest = this.cli.runConnected("retry", Long.toString(runId), "--only-status", "invalid");
		assertThat(rest.exitCode()).as(rest.toString()).isEqualTo(1);
		assertThat(rest.out()).contains("1 rows").contains("invalid 1");
		assertThat(this.cli.emulator().space().itemCount()).isEqualTo(3);
		List<String> names = this.cli.emulator().space().items().stream().map(StoredItem::name).toList();
		assertThat(names).doesNotHaveDuplicates();
	}

	private CliRun runs(String... args) {
		List<String> all = new java.util.ArrayList<>(List.of("runs"));
		all.addAll(List.of(args));
		all.addAll(List.of("--db", this.cli.database()));
		CliRun run = this.cli.run(all.toArray(String[]::new));
		assertThat(run.exitCode()).as(run.toString()).isZero();
		return run;
	}

	private static long runId(CliRun run) {
		Matcher matcher = RUN_ID.matcher(run.out());
		assertThat(matcher.find()).as(run.toString()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private Map<String, StoredItem> itemsByName() {
		return this.cli.emulator().space().items().stream().collect(Collectors.toMap(StoredItem::name, (item) -> item));
	}

}
