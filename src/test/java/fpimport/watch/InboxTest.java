package fpimport.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTest {

	@TempDir
	Path directory;

	@Test
	void candidatesAreSpreadsheetsThatAreNeitherHiddenNorReportsNorTemporary() {
		assertThat(Inbox.isCandidate("export.csv")).isTrue();
		assertThat(Inbox.isCandidate("Export.XLSX")).isTrue();
		assertThat(Inbox.isCandidate("old.xls")).isTrue();
		assertThat(Inbox.isCandidate(".export.csv")).isFalse();
		assertThat(Inbox.isCandidate("~$export.xlsx")).isFalse();
		assertThat(Inbox.isCandidate("export.csv.tmp")).isFalse();
		assertThat(Inbox.isCandidate("export.csv.part")).isFalse();
		assertThat(Inbox.isCandidate("export.report.xlsx")).isFalse();
		assertThat(Inbox.isCandidate("export.failed.xlsx")).isFalse();
		assertThat(Inbox.isCandidate("notes.txt")).isFalse();
	}

	@Test
	void aFileThatChangedBetweenTwoLooksIsNotComplete() throws Exception {
		Inbox inbox = new Inbox(this.directory, Clock.systemUTC());
		Files.writeString(this.directory.resolve("a.csv"), "x,y\n");
		Files.writeString(this.directory.resolve("b.csv"), "x,y\n");
		Files.writeString(this.directory.resolve("empty.csv"), "");
		var before = inbox.look();
		Files.writeString(this.directory.resolve("b.csv"), "x,y\n1,2\n");
		assertThat(inbox.unchanged(before, inbox.look())).containsExactly(this.directory.resolve("a.csv"));
	}

	@Test
	void aTakenNameGetsATimeStampForTheFileAndItsReports() throws Exception {
		Inbox inbox = new Inbox(this.directory, Clock.fixed(Instant.parse("2026-11-27T02:00:03Z"), ZoneOffset.UTC));
		Path staging = Files.createDirectories(this.directory.resolve(".fpimport/w"));
		Files.createDirectories(this.directory.resolve("done"));
		Files.writeString(this.directory.resolve("done/export.csv"), "yesterday");
		Path file = Files.writeString(this.directory.resolve("export.csv"), "today");
		Path report = Files.writeString(staging.resolve("export.report.xlsx"), "report");

		Path moved = inbox.move(file, Inbox.DONE, List.of(report));

		assertThat(moved).isEqualTo(this.directory.resolve("done/export-20261127T020003Z.csv")).hasContent("today");
		assertThat(this.directory.resolve("done/export-20261127T020003Z.report.xlsx")).hasContent("report");
		assertThat(this.directory.resolve("done/export.csv")).hasContent("yesterday");
		assertThat(file).doesNotExist();
	}

}
