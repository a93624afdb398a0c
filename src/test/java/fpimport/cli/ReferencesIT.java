package fpimport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.emulator.StoredItem;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * References between rows, as a Jira export carries them (issue #13): epics, stories and
 * sub-tasks all imported as stories, each naming its parent in a {@code Parent} column by
 * its numeric {@code Issue id}, given children first, with a cycle of related stories, a
 * reference to a story imported by an earlier run, and one reference to nothing. Every
 * reference ends in the emulator's store as the Feishu id of the item it names. A row
 * whose parent the service refused is BLOCKED, and {@code retry} creates both once the
 * service takes the parent.
 */
class ReferencesIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));

	static final String MAPPING = StoryFiles.JIRA_STORIES + """
			  父需求 Parent story:
			    column: Parent
			    refers_to: {by: Issue id}
			  field_5d6e7f:
			    column: Related
			    refers_to: {by: Issue key}
			""";

	static final String HEADER = "Issue key,Issue id,Summary,Issue Type,Parent,Related\n";

	/** The first run: an epic and its story, by Issue id. */
	static final String EARLIER = HEADER + """
			SHOP-1,10001,Checkout epic,Epic,,
			SHOP-2,10002,Saved carts,Story,10001,
			""";

	/**
	 * The second run, children first: sub-tasks, then their stories, then their epic
	 * (three levels in this file); a story whose epic came with the first run (by Issue
	 * id) and one related to a story of the first run (by Issue key); two stories related
	 * to each other; one related to SHOP-9, which is nowhere; and a sub-task of that one.
	 */
	static final String JIRA = HEADER + """
			SHOP-20,10020,Validate card number,Sub-task,10011,
			SHOP-21,10021,Show card errors,Sub-task,10011,
			SHOP-22,10022,Retry declined payment,Sub-task,10012,
			SHOP-11,10011,Card payment,Story,10010,
			SHOP-12,10012,Declined payments,Story,10010,
			SHOP-13,10013,Gift cards,Story,10001,
			SHOP-14,10014,Cart reminders,Story,,SHOP-2
			SHOP-30,10030,Order history,Story,,SHOP-31
			SHOP-31,10031,Order export,Story,,SHOP-30
			SHOP-40,10040,Loyalty points,Story,,SHOP-9
			SHOP-41,10041,Points expiry,Sub-task,10040,
			SHOP-10,10010,Payments epic,Epic,,
			""";

	static final String DANGLING = "refers to SHOP-9, which is neither in this file nor imported before";

	@Test
	void everyReferenceHoldsTheIdOfTheItemItNamesAndTheDanglingOneIsFoundBeforeAnyCreate() throws Exception {
		Path mapping = this.cli.write("jira.yaml", MAPPING);
		Path earlier = this.cli.write("earlier.csv", EARLIER);
		CliRun first = this.cli.runConnected("import", earlier.toString(), "--mapping", mapping.toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		Map<String, StoredItem> before = itemsByName();
		assertThat(before).containsOnlyKeys("Checkout epic", "Saved carts");
		assertThat(before.get("Saved carts").relatedIds("field_9f8e7d"))
			.containsExactly(before.get("Checkout epic").id());

		// validate: exactly the dangling reference, and nothing created
		Path file = this.cli.write("jira.csv", JIRA);
		CliRun validate = this.cli.runConnected("validate", file.toString(), "--mapping", mapping.toString(),
				"--summary-json", this.cli.path("validate.json").toString());
		assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(ExitCode.ROWS_FAILED.code());
		long validateRun = runId("validate.json");
		List<RowRecord> checked = new ArrayList<>();
		this.cli.results().dryRunRows(validateRun).forEachRemaining(checked::add);
		checked.removeIf((row) -> row.status() == RowStatus.VALID);
		// a validate keeps its valid rows as numbers only, and by blocks those with
		// something to say
		assertThat(checked).extracting(RowRecord::rowKey).containsExactly("SHOP-40", "SHOP-41");
		assertThat(this.cli.results().counts(validateRun).valid()).isEqualTo(10);
		assertThat(row(checked, "SHOP-41").status()).isEqualTo(RowStatus.BLOCKED);
		assertThat(checked).filteredOn((row) -> row.status() == RowStatus.INVALID)
			.extracting(RowRecord::rowKey)
			.containsExactly("SHOP-40");
		assertThat(text(row(checked, "SHOP-40"))).contains(DANGLING);
		assertThat(this.cli.emulator().space().itemCount()).as("validate creates nothing").isEqualTo(2);
		assertThat(this.cli.emulator().space().createCalls()).isEqualTo(2);

		// import: every other row once, every reference the id of its item
		CliRun run = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(), "--summary-json",
				this.cli.path("import.json").toString());
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ROWS_FAILED.code());
		List<StoredItem> all = this.cli.emulator().space().items();
		Map<String, Long> perName = all.stream()
			.collect(Collectors.groupingBy(StoredItem::name, Collectors.counting()));
		assertThat(perName).as("each item once")
			.containsOnlyKeys("Checkout epic", "Saved carts", "Validate card number", "Show card errors",
					"Retry declined payment", "Card payment", "Declined payments", "Gift cards", "Cart reminders",
					"Order history", "Order export", "Payments epic")
			.allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
		Map<String, StoredItem> items = itemsByName();
		assertParent(items, "Validate card number", "Card payment");
		assertParent(items, "Show card errors", "Card payment");
		assertParent(items, "Retry declined payment", "Declined payments");
		assertParent(items, "Card payment", "Payments epic");
		assertParent(items, "Declined payments", "Payments epic");
		assertParent(items, "Gift cards", "Checkout epic");
		assertRelated(items, "Cart reminders", "Saved carts");
		assertRelated(items, "Order history", "Order export");
		assertRelated(items, "Order export", "Order history");
		for (String unrelated : List.of("Validate card number", "Card payment", "Gift cards", "Payments epic")) {
			assertThat(items.get(unrelated).relatedIds("field_5d6e7f")).as(unrelated + " related").isEmpty();
		}
		for (String root : List.of("Payments epic", "Cart reminders", "Order history", "Order export")) {
			assertThat(items.get(root).relatedIds("field_9f8e7d")).as(root + " parent").isEmpty();
		}
		assertThat(items.get("Saved carts").relatedIds("field_9f8e7d")).as("run 1's item untouched")
			.containsExactly(items.get("Checkout epic").id());

		List<RowRecord> imported = rows(runId("import.json"));
		assertThat(imported).hasSize(12);
		RowRecord dangling = row(imported, "SHOP-40");
		assertThat(dangling.status()).isEqualTo(RowStatus.INVALID);
		assertThat(text(dangling)).contains(DANGLING);
		RowRecord blocked = row(imported, "SHOP-41");
		assertThat(blocked.status()).isEqualTo(RowStatus.BLOCKED);
		assertThat(blocked.workItemId()).isNull();
		// "its parent SHOP-1 failed (reason)": the parent as the row names it, and why
		assertThat(text(blocked)).startsWith("its parent ").containsAnyOf("SHOP-40", "10040").contains(DANGLING);
		assertThat(imported).filteredOn((row) -> !row.rowKey().equals("SHOP-40") && !row.rowKey().equals("SHOP-41"))
			.hasSize(10)
			.allSatisfy((row) -> {
				assertThat(row.status()).as(row.rowKey()).isEqualTo(RowStatus.CREATED);
				assertThat(row.workItemId()).as(row.rowKey()).isEqualTo(items.get(row.cells().get("Summary")).id());
			});
	}

	@Test
	void aRowUnderAFailedParentIsBlockedAndRetryCreatesBothOnceTheParentIsTaken() throws Exception {
		Path mapping = this.cli.write("jira.yaml", MAPPING);
		Path file = this.cli.write("jira.csv", HEADER + """
				SHOP-3,10003,Validate card number,Sub-task,10002,
				SHOP-2,10002,Card payment,Story,10001,
				SHOP-1,10001,Payments epic,Epic,,
				""");
		// the service refuses the story for a reason of its own (an option disabled
		// meanwhile)
		this.cli.emulator().faults().refuseCreatesNamed("Card payment", 20050, "Option Value Not Valid");
		CliRun run = this.cli.runConnected("import", file.toString(), "--mapping", mapping.toString(), "--summary-json",
				this.cli.path("import.json").toString());
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ROWS_FAILED.code());
		long runId = runId("import.json");
		List<RowRecord> imported = rows(runId);
		assertThat(row(imported, "SHOP-1").status()).isEqualTo(RowStatus.CREATED);
		assertThat(row(imported, "SHOP-2").status()).isEqualTo(RowStatus.FAILED);
		RowRecord blocked = row(imported, "SHOP-3");
		assertThat(blocked.status()).isEqualTo(RowStatus.BLOCKED);
		// "its parent SHOP-1 failed (reason)": the parent as the row names it, and why
		assertThat(text(blocked)).startsWith("its parent ").containsAnyOf("SHOP-2", "10002").contains("failed (20050");
		assertThat(itemsByName()).containsOnlyKeys("Payments epic");
		assertThat(this.cli.emulator().space().createCalls()).as("no call for the blocked row").isEqualTo(2);

		this.cli.emulator().faults().acceptCreatesNamed("Card payment");
		CliRun retry = this.cli.runConnected("retry", Long.toString(runId), "--summary-json",
				this.cli.path("retry.json").toString());

		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(rows(runId("retry.json"))).extracting(RowRecord::rowKey, RowRecord::status)
			.containsExactlyInAnyOrder(tuple("SHOP-2", RowStatus.CREATED), tuple("SHOP-3", RowStatus.CREATED));
		Map<String, StoredItem> items = itemsByName();
		assertThat(items).containsOnlyKeys("Payments epic", "Card payment", "Validate card number");
		assertParent(items, "Card payment", "Payments epic");
		assertParent(items, "Validate card number", "Card payment");
	}

	private void assertParent(Map<String, StoredItem> items, String child, String parent) {
		assertThat(items.get(child).relatedIds("field_9f8e7d")).as("parent of " + child)
			.containsExactly(items.get(parent).id());
	}

	private void assertRelated(Map<String, StoredItem> items, String from, String to) {
		assertThat(items.get(from).relatedIds("field_5d6e7f")).as(from + " related")
			.containsExactly(items.get(to).id());
	}

	private Map<String, StoredItem> itemsByName() {
		return this.cli.emulator()
			.space()
			.items("story")
			.stream()
			.collect(Collectors.toMap(StoredItem::name, (item) -> item));
	}

	private long runId(String summaryJson) {
		return JsonMapper.builder().build().readTree(this.cli.path(summaryJson).toFile()).get("run_id").asLong();
	}

	private List<RowRecord> rows(long runId) {
		List<RowRecord> rows = new ArrayList<>();
		this.cli.results().forEachRow(runId, rows::add);
		return rows;
	}

	private static RowRecord row(List<RowRecord> rows, String key) {
		return rows.stream().filter((row) -> key.equals(row.rowKey())).findFirst().orElseThrow();
	}

	/** What a row says about itself: its message, then its problems', a line each. */
	static String text(RowRecord row) {
		List<String> lines = new ArrayList<>();
		if (row.errMsg() != null) {
			lines.add(row.errMsg());
		}
		row.problems().forEach((problem) -> lines.add(problem.message()));
		return String.join("\n", lines);
	}

}
