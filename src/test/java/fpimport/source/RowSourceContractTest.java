package fpimport.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every {@link SourceFormat} in {@link SourceFormats#ALL} promises, through
 * {@link Sources#open}: the header, blank rows skipped, row numbers as the file counts
 * them, closing that lets go of the file, and a bad file as one
 * {@link FpImportException}.
 */
class RowSourceContractTest {

	private static final List<List<String>> TABLE = List.of(List.of("编号", "标题", "备注"), List.of("S-1", "登录页改版", "第一"),
			List.of(), List.of("S-2", "支付超时", ""), List.of(), List.of(), List.of("S-3", "数据看板", "最后"));

	@TempDir
	Path dir;

	static Stream<SourceFormat> formats() {
		return SourceFormats.ALL.stream();
	}

	@ParameterizedTest
	@MethodSource("formats")
	void onlyTheFormatRecognizesItsOwnFiles(SourceFormat format) throws IOException {
		byte[] head = Files.readAllBytes(SampleTables.write(format, this.dir, "stories", TABLE));
		for (SourceFormat other : SourceFormats.ALL) {
			assertThat(other.recognizes(head)).as(other.name() + " on a " + format.name() + " file")
				.isEqualTo(other == format);
		}
	}

	@ParameterizedTest
	@MethodSource("formats")
	void readsTheHeaderAndTheRowsWithTheirNumbersSkippingBlankOnes(SourceFormat format) {
		Path file = SampleTables.write(format, this.dir, "stories", TABLE);
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.headers()).containsExactly("编号", "标题", "备注");
			assertThat(source.description()).startsWith(format.name());
			List<SourceRow> rows = new ArrayList<>();
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				rows.add(row);
			}
			assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2L, 4L, 7L);
			assertThat(rows).extracting(SourceRow::problem).containsOnlyNulls();
			assertThat(rows.get(0).cells()).containsExactly(java.util.Map.entry("编号", "S-1"),
					java.util.Map.entry("标题", "登录页改版"), java.util.Map.entry("备注", "第一"));
			assertThat(rows.get(1).cell("备注")).isEmpty();
			assertThat(rows.get(2).cell("标题")).isEqualTo("数据看板");
			assertThat(source.next()).as("after the end").isNull();
		}
	}

	@ParameterizedTest
	@MethodSource("formats")
	void aHeaderRowFurtherDownIsTakenAndRowsKeepTheirFileNumbers(SourceFormat format) {
		List<List<String>> table = new ArrayList<>();
		table.add(List.of("导出于 2026-12-01"));
		table.add(List.of());
		table.addAll(TABLE);
		Path file = SampleTables.write(format, this.dir, "titled", table);
		List<SourceRow> rows = Rows.read(file, SourceSettings.defaults().withHeaderRow(2));
		assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(4L, 6L, 9L);
	}

	@ParameterizedTest
	@MethodSource("formats")
	void closingLetsGoOfTheFileAndMayBeRepeated(SourceFormat format) throws IOException {
		Path file = SampleTables.write(format, this.dir, "stories", TABLE);
		RowSource source = Sources.open(file, SourceSettings.defaults());
		source.next();
		source.close();
		source.close();
		assertThat(openDescriptorsOf(file)).as("open descriptors after close").isZero();
	}

	@ParameterizedTest
	@MethodSource("formats")
	void aBadFileIsOneFpImportExceptionNamingTheFile(SourceFormat format) {
		Path file = SampleTables.damaged(format, this.dir, "broken");
		assertOneFailure(file, SourceSettings.defaults());
		Path headerless = SampleTables.write(format, this.dir, "short", TABLE);
		assertOneFailure(headerless, SourceSettings.defaults().withHeaderRow(50));
	}

	private static void assertOneFailure(Path file, SourceSettings settings) {
		FpImportException failure = catchThrowableOfType(FpImportException.class, () -> Rows.read(file, settings));
		assertThat(failure).as(file.toString()).isNotNull();
		assertThat(failure.reason()).isEqualTo(Reason.INVALID_INPUT);
		assertThat(failure.getMessage()).startsWith(file.toString()).doesNotContain("\n");
		assertThat(failure.hint()).isNotBlank();
	}

	/** How many of this process's open file descriptors point at the file (Linux). */
	private static long openDescriptorsOf(Path file) throws IOException {
		Path real = file.toRealPath();
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.filter((fd) -> {
				try {
					return Files.readSymbolicLink(fd).equals(real);
				}
				catch (IOException | UnsupportedOperationException ex) {
					return false;
				}
			}).count();
		}
	}

}
