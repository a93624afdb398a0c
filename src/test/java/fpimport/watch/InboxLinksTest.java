package fpimport.watch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 2 and 3: the inbox offers only plain files of its own, and a file that
 * looks the same twice is complete only when its content says so.
 */
class InboxLinksTest {

	@TempDir
	Path directory;

	@Test
	void linksAndFilesWhoseRealPathIsElsewhereAreSkippedAndNotedOnce() throws Exception {
		Path inbox = Files.createDirectories(this.directory.resolve("inbox"));
		Path secret = Files.writeString(this.directory.resolve("secret.csv"), "a,b\n1,2\n");
		Files.createSymbolicLink(inbox.resolve("link.csv"), secret);
		Files.createLink(inbox.resolve("hard.csv"), secret);
		Files.createDirectories(this.directory.resolve("elsewhere"));
		Files.createSymbolicLink(inbox.resolve("dir.csv"), this.directory.resolve("elsewhere"));
		Files.writeString(inbox.resolve("plain.csv"), "a,b\n1,2\n");
		Inbox watched = new Inbox(inbox, Clock.systemUTC());

		assertThat(watched.look()).containsOnlyKeys(inbox.resolve("plain.csv"));
		assertThat(watched.takeNotes()).hasSize(3)
			.anySatisfy((note) -> assertThat(note).startsWith("skipped link.csv: a symbolic link"))
			.anySatisfy((note) -> assertThat(note).startsWith("skipped dir.csv: a symbolic link"))
			.anySatisfy((note) -> assertThat(note).startsWith("skipped hard.csv: it has another name"));
		// noted once, not at every look
		assertThat(watched.look()).containsOnlyKeys(inbox.resolve("plain.csv"));
		assertThat(watched.takeNotes()).isEmpty();
	}

	@Test
	void aCsvWhoseLastLineHasNoLineEndIsStillBeingWritten() throws Exception {
		Path cut = Files.writeString(this.directory.resolve("cut.csv"), "a,b\n1,2\n3,Ti", StandardCharsets.UTF_8);
		Path whole = Files.writeString(this.directory.resolve("whole.csv"), "a,b\n1,2\r\n", StandardCharsets.UTF_8);
		assertThat(Inbox.unfinished(cut)).contains("last line has no line end");
		assertThat(Inbox.unfinished(whole)).isNull();
	}

	@Test
	void anXlsxWithoutTheEndOfItsZipIsStillBeingWritten() throws Exception {
		Path whole = this.directory.resolve("whole.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(whole)) {
			workbook.createSheet("s").createRow(0).createCell(0).setCellValue("a");
			workbook.write(out);
		}
		byte[] bytes = Files.readAllBytes(whole);
		Path cut = Files.write(this.directory.resolve("cut.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length - 30));
		assertThat(Inbox.unfinished(whole)).isNull();
		assertThat(Inbox.unfinished(cut)).contains("no zip end record");
	}

}
