package fpimport.cli;

import java.nio.file.Path;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.emulator.EmulatedSpace;
import fpimport.emulator.StoredItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows that name rows, in any order: created parents first in waves, a cycle closed by
 * the link pass, a dangling reference found by validate, a row under an invalid one
 * blocked.
 */
class ReferenceWavesIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	static final String MAPPING = """
			project: demo
			type: story
			key: [Issue key]
			key_field: field_c3d4e5
			name: Summary
			fields:
			  priority: {column: Priority}
			  field_5c1d2e: {value: 功能 Feature}
			  field_7e8f9a: {value: 平台 Platform/账号 Account}
			  field_5d6e7f: {column: Parent, refers_to: {by: Issue id}}
			""";

	// children first: SHOP-4 -> SHOP-3 -> SHOP-2 -> SHOP-1; SHOP-5 <-> SHOP-6 a cycle
	static final String CSV = """
			Summary,Issue key,Issue id,Parent,Priority
			Sub-task of the story,SHOP-4,10004,10003,P1
			Story under the epic,SHOP-3,10003,10002,P1
			Feature under the epic,SHOP-2,10002,10001,P1
			Checkout epic,SHOP-1,10001,,P1
			Ping,SHOP-5,10005,10006,P1
			Pong,SHOP-6,10006,10005,P1
			""";

	@Test
	void parentsAreCreatedFirstAndTheCycleIsClosedAfterwards() {
		Path file = this.cli.write("shop.csv", CSV);
		Path mapping = this.cli.write("shop.yaml", MAPPING);
		CliRun run = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		EmulatedSpace space = this.cli.emulator().space();
		assertThat(space.items("story")).hasSize(6);
		assertThat(parentOf(space, "Sub-task of the story")).isEqualTo(id(space, "Story under the epic"));
		assertThat(parentOf(space, "Story under the epic")).isEqualTo(id(space, "Feature under the epic"));
		assertThat(parentOf(space, "Feature under the epic")).isEqualTo(id(space, "Checkout epic"));
		assertThat(parentOf(space, "Ping")).isEqualTo(id(space, "Pong"));
		assertThat(parentOf(space, "Pong")).isEqualTo(id(space, "Ping"));
		assertThat(run.out()).as(run.toString()).contains("created 6");
		// the report names what each reference became, with its link
		assertThat(this.cli.path("shop.report.csv")).content()
			.contains("references: 关联需求 Related story 10003 → " + id(space, "Story under the epic") + " (")
			.contains("/demo/story/detail/" + id(space, "Story under the epic"))
			.contains("link 关联需求 Related story = 10006");
	}

	@Test
	void blockedRowsAreCreatedByTheRetryOnceTheirParentSucceeds() {
		Path file = this.cli.write("shop.csv",
				CSV.replace("Checkout epic,SHOP-1,10001,,P1", "Checkout epic,SHOP-1,10001,,P9"));
		Path mapping = this.cli.write("shop.yaml", MAPPING);
		CliRun run = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");
		EmulatedSpace space = this.cli.emulator().space();
		assertThat(space.items("story")).extracting(StoredItem::name).containsExactlyInAnyOrder("Ping", "Pong");
		assertThat(this.cli.path("shop.report.csv")).content()
			.contains("its 关联需求 Related story SHOP-1 (10001) is invalid")
			.contains("its 关联需求 Related story SHOP-2 (10002) is blocked");
		String runId = run.out().replaceAll("(?s).*?run (\\d+).*", "$1");
		Path fixed = this.cli.write("fixed.yaml",
				MAPPING.replace("priority: {column: Priority}", "priority: {column: Priority, values: {P9: P1}}"));
		CliRun retry = this.cli.runConnected("retry", runId, "--mapping", fixed.toString(), "--report-format", "csv");
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(space.items("story")).hasSize(6);
		assertThat(parentOf(space, "Sub-task of the story")).isEqualTo(id(space, "Story under the epic"));
		assertThat(parentOf(space, "Feature under the epic")).isEqualTo(id(space, "Checkout epic"));
	}

	@Test
	void validateFindsTheDanglingReferenceAndBlocksTheRowUnderAnInvalidOne() {
		Path file = this.cli.write("shop.csv",
				CSV.replace("Checkout epic,SHOP-1,10001,,P1", "Checkout epic,SHOP-1,10001,,P9")
					.replace("Pong,SHOP-6,10006,10005", "Pong,SHOP-6,10006,10099"));
		Path mapping = this.cli.write("shop.yaml", MAPPING);
		CliRun run = this.cli.runConnected("validate", file.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");
		assertThat(this.cli.emulator().space().items("story")).isEmpty();
		assertThat(this.cli.path("shop.report.csv")).content()
			.contains("refers to 10099, which is neither in this file nor imported before")
			.contains("BLOCKED")
			.contains("its 关联需求 Related story SHOP-1 (10001) is invalid");
		assertThat(run.exitCode()).as(run.toString()).isNotZero();
	}

	@Test
	void namesOutsideTheFileAreFoundInEarlierRunsAndInTheSpace() {
		Path mapping = this.cli.write("shop.yaml", MAPPING + "  field_9f8e7d: {column: Epic, refers_to: {}}\n");
		Path first = this.cli.write("epics.csv", """
				Summary,Issue key,Issue id,Parent,Priority,Epic
				Checkout epic,SHOP-1,10001,,P1,
				""");
		CliRun epics = this.cli.runConnected("import", first.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");
		assertThat(epics.exitCode()).as(epics.toString()).isZero();
		EmulatedSpace space = this.cli.emulator().space();
		// an item made by hand, with the key in 外部编号 (the mapping's key_field)
		long legacy = space.insertItem("story", "Legacy epic",
				Map.of("field_c3d4e5", JsonNodeFactory.instance.stringNode("LEGACY-7")));
		Path second = this.cli.write("stories.csv", """
				Summary,Issue key,Issue id,Parent,Priority,Epic
				Story A,SHOP-2,10002,10001,P1,SHOP-1
				Story B,SHOP-3,10003,,P1,LEGACY-7
				""");
		CliRun stories = this.cli.runConnected("import", second.toString(), "--mapping", mapping.toString(),
				"--report-format", "csv");
		assertThat(stories.exitCode()).as(stories.toString()).isZero();
		long epic = id(space, "Checkout epic");
		// by Issue id: the earlier run's stored cells; by the row key: the ledger
		assertThat(parentOf(space, "Story A")).isEqualTo(epic);
		assertThat(space.item("story", "Story A").orElseThrow().relatedIds("field_9f8e7d")).containsExactly(epic);
		// not imported by fpimport: found by key_field
		assertThat(space.item("story", "Story B").orElseThrow().relatedIds("field_9f8e7d")).containsExactly(legacy);
		assertThat(space.items("story")).hasSize(4);
	}

	private static Long parentOf(EmulatedSpace space, String name) {
		StoredItem item = space.item("story", name).orElseThrow();
		return item.field("field_5d6e7f").map((node) -> node.asLong()).orElse(null);
	}

	private static long id(EmulatedSpace space, String name) {
		return space.item("story", name).orElseThrow().id();
	}

}
