package fpimport.job;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fpimport.failure.FpImportException;
import fpimport.source.SourceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file's rows read by a thread of their own, ahead of the run. */
class ReadAheadTest {

	@TempDir
	Path directory;

	private Path csv(int rows, int badLine) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("编号,标题\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 1; i <= rows; i++) {
			if (i + 1 == badLine) {
				// a replacement character: text that did not decode, which the reader
				// refuses
				bytes.writeBytes("B-\uFFFD,x\n".getBytes(StandardCharsets.UTF_8));
			}
			else {
				bytes.writeBytes(("B-" + i + ",需求 " + i + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		Path file = this.directory.resolve("rows.csv");
		Files.write(file, bytes.toByteArray());
		return file;
	}

	private static long readers() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((t) -> t.getName().equals("fpimport-reader"))
			.count();
	}

	@Test
	void everyRowArrivesInTheFilesOrder() throws Exception {
		int rows = 5 * ReadAhead.BATCH * ReadAhead.BATCHES_WAITING + 3;
		Path file = csv(rows, -1);
		List<String> keys = new ArrayList<>();
		try (ReadAhead feed = new ReadAhead(new FileFeed(file, SourceSettings.defaults(), 7))) {
			assertThat(feed.headers()).containsExactly("编号", "标题");
			for (OriginRow row = feed.next(); row != null; row = feed.next()) {
				assertThat(row.originRunId()).isEqualTo(7);
				assertThat(row.source().rowNumber()).isEqualTo(keys.size() + 2);
				keys.add(row.source().cell("编号"));
			}
			assertThat(feed.next()).as("the end stays the end").isNull();
		}
		assertThat(keys).hasSize(rows).startsWith("B-1", "B-2").endsWith("B-" + rows);
	}

	@Test
	void aLineThatCannotBeReadFailsWhereItIsAfterTheRowsBeforeIt() throws Exception {
		Path file = csv(3000, 1002);
		List<String> keys = new ArrayList<>();
		try (ReadAhead feed = new ReadAhead(new FileFeed(file, SourceSettings.defaults(), 1))) {
			assertThatThrownBy(() -> {
				for (OriginRow row = feed.next(); row != null; row = feed.next()) {
					keys.add(row.source().cell("编号"));
				}
			}).isInstanceOf(FpImportException.class).hasMessageContaining("line 1002");
			assertThat(feed.next()).isNull();
		}
		assertThat(keys).hasSize(1000).endsWith("B-1000");
	}

	@Test
	void closedEarlyItStopsItsThread() throws Exception {
		Path file = csv(50_000, -1);
		long before = readers();
		ReadAhead feed = new ReadAhead(new FileFeed(file, SourceSettings.defaults(), 1));
		assertThat(feed.next().source().cell("编号")).isEqualTo("B-1");
		assertThat(readers()).isEqualTo(before + 1);
		feed.close();
		assertThat(readers()).isEqualTo(before);
	}

}
