package fpimport.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report sheet written by a thread of its own. */
class BackgroundSheetTest {

	@TempDir
	Path directory;

	@Test
	void everyRowArrivesInOrderAndTheSheetIsClosedOnce() throws Exception {
		Path file = this.directory.resolve("r.xlsx");
		int rows = 3 * BackgroundSheet.BATCH * BackgroundSheet.BATCHES_WAITING + 7;
		try (BackgroundSheet sheet = new BackgroundSheet(new XlsxSheet(file, "report", -1), "test")) {
			sheet.row(List.of("row", "text"), false, null);
			for (int i = 1; i <= rows; i++) {
				sheet.row(List.of(Integer.toString(i), "第 " + i + " 行"), i % 2 == 0, null);
			}
		}
		List<String> read = new ArrayList<>();
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				read.add(row.cell("row") + "|" + row.cell("text"));
			}
		}
		assertThat(read).hasSize(rows).startsWith("1|第 1 行").endsWith(rows + "|第 " + rows + " 行");
		for (int i = 0; i < rows; i++) {
			assertThat(read.get(i)).startsWith((i + 1) + "|");
		}
	}

	@Test
	void aFailureOfTheWriterIsThrownToTheRunAndTheSheetStillCloses() throws Exception {
		List<String> closed = new ArrayList<>();
		ReportSheet failing = new ReportSheet() {
			@Override
			public void row(List<String> cells, boolean highlight, String link) throws IOException {
				throw new IOException("No space left on device");
			}

			@Override
			public void close() {
				closed.add("closed");
			}
		};
		BackgroundSheet sheet = new BackgroundSheet(failing, "test");
		assertThatThrownBy(() -> {
			// the writer fails on the first batch; the run hears of it at a later row
			for (int i = 0; i < 100 * BackgroundSheet.BATCH; i++) {
				sheet.row(List.of("x"), false, null);
			}
		}).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
		assertThatThrownBy(sheet::close).isInstanceOf(IOException.class)
			.hasMessageContaining("No space left on device");
		assertThat(closed).containsExactly("closed");
		sheet.close();
		assertThat(closed).as("closed once").hasSize(1);
	}

	@Test
	void aFailureOnTheLastRowsIsThrownByClose() {
		List<List<String>> written = new ArrayList<>();
		ReportSheet failingLate = new ReportSheet() {
			@Override
			public void row(List<String> cells, boolean highlight, String link) throws IOException {
				if (cells.get(0).equals("last")) {
					throw new IOException("disk full at the end");
				}
				written.add(cells);
			}

			@Override
			public void close() {
			}
		};
		BackgroundSheet sheet = new BackgroundSheet(failingLate, "test");
		assertThatThrownBy(() -> {
			sheet.row(List.of("first"), false, null);
			sheet.row(List.of("last"), false, null);
			sheet.close();
		}).isInstanceOf(IOException.class).hasMessageContaining("disk full at the end");
		assertThat(written).containsExactly(List.of("first"));
	}

}
