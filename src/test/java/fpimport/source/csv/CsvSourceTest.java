package fpimport.source.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import fpimport.source.RowSource;
import fpimport.source.Rows;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceTest {

	private static final String CHINESE = "标题,优先级,负责人\n登录页改版,高,张三\n导出报表,紧急,李四\n";

	@TempDir
	Path dir;

	@Test
	void readsUtf8WithoutBom() throws IOException {
		Path file = write("plain.csv", CHINESE.getBytes(StandardCharsets.UTF_8));
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.headers()).containsExactly("标题", "优先级", "负责人");
			assertThat(source.sheet()).isNull();
			assertThat(source.description()).isEqualTo("CSV, encoding UTF-8 (detected), delimiter ','");
			SourceRow row = source.next();
			assertThat(row.rowNumber()).isEqualTo(2);
			assertThat(row.cells()).containsExactly(java.util.Map.entry("标题", "登录页改版"), java.util.Map.entry("优先级", "高"),
					java.util.Map.entry("负责人", "张三"));
			assertThat(source.next().cell("负责人")).isEqualTo("李四");
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void dropsTheUtf8ByteOrderMarkFromTheFirstHeader() throws IOException {
		Path file = write("bom.csv",
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, CHINESE.getBytes(StandardCharsets.UTF_8)));
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.headers().get(0)).isEqualTo("标题");
			assertThat(source.description()).contains("UTF-8 (byte order mark)");
			assertThat(source.next().cell("标题")).isEqualTo("登录页改版");
		}
	}

	@Test
	void readsUtf16LittleAndBigEndianWithByteOrderMark() throws IOException {
		Path little = write("le.csv", concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
				CHINESE.replace(',', '\t').getBytes(StandardCharsets.UTF_16LE)));
		Path big = write("be.csv",
				concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, CHINESE.getBytes(StandardCharsets.UTF_16BE)));
		for (Path file : List.of(little, big)) {
			try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
				assertThat(source.headers()).containsExactly("标题", "优先级", "负责人");
				assertThat(Rows.texts(List.of(source.next(), source.next())))
					.containsExactly(List.of("2", "登录页改版", "高", "张三"), List.of("3", "导出报表", "紧急", "李四"));
			}
		}
		assertThat(Rows.read(little).get(0).cell("标题")).isEqualTo("登录页改版");
	}

	@Test
	void detectsGbkAsGb18030() throws IOException {
		Path file = write("gbk.csv", CHINESE.getBytes(Charset.forName("GBK")));
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.description()).isEqualTo("CSV, encoding GB18030 (detected), delimiter ','");
			assertThat(source.headers()).containsExactly("标题", "优先级", "负责人");
			assertThat(source.next().cells().values()).containsExactly("登录页改版", "高", "张三");
		}
	}

	@Test
	void detectsGb18030FourByteCharacters() throws IOException {
		// 𠀀 (U+20000) is four bytes in GB18030 and not in GBK at all
		Path file = write("gb18030.csv", "名称,备注\n𠀀字,€ 5\n".getBytes(Charset.forName("GB18030")));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "𠀀字", "€ 5"));
	}

	@Test
	void usesTheEncodingSetEvenWhenDetectionWouldGuessOtherwise() throws IOException {
		Path file = write("latin.csv", "name,city\nJosé,Zürich\n".getBytes(StandardCharsets.ISO_8859_1));
		List<SourceRow> rows = Rows.read(file, SourceSettings.defaults().withEncoding("ISO-8859-1"));
		assertThat(Rows.texts(rows)).containsExactly(List.of("2", "José", "Zürich"));
	}

	@Test
	void textThatIsNotValidInTheEncodingNamesTheEncodingAndHowToSetAnother() throws IOException {
		Path file = write("mixed.csv",
				concat("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "3,中文\n".getBytes(Charset.forName("GBK"))));
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withEncoding("UTF-8"))) {
			assertThat(source.next().cells().values()).containsExactly("1", "2");
			assertThatThrownBy(source::next).isInstanceOfSatisfying(FpImportException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.INVALID_INPUT);
				assertThat(ex.getMessage()).isEqualTo(file
						+ ", line 3, column 2 ('b'): the text does not decode as UTF-8 (set): it has replacement characters (\uFFFD)");
				assertThat(ex.hint()).contains("source.encoding").contains("--encoding").contains("GBK");
			});
		}
	}

	@Test
	void replacementCharactersInTheTextAreAnError() throws IOException {
		// a file damaged by an earlier wrong conversion: valid UTF-8 holding U+FFFD
		Path file = write("damaged.csv", "标题,描述\n登录,\uFFFD\uFFFD页\n".getBytes(StandardCharsets.UTF_8));
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThatThrownBy(source::next)
				.isInstanceOfSatisfying(FpImportException.class, (ex) -> assertThat(ex.getMessage()).isEqualTo(file
						+ ", line 2, column 2 ('描述'): the text does not decode as UTF-8 (detected): it has replacement characters (\uFFFD)"));
		}
	}

	@Test
	void unknownEncodingNameIsAnError() throws IOException {
		Path file = write("x.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> Rows.read(file, SourceSettings.defaults().withEncoding("klingon")))
			.isInstanceOfSatisfying(FpImportException.class,
					(ex) -> assertThat(ex.getMessage()).isEqualTo(file + ": unknown encoding 'klingon'"));
	}

	@Test
	void detectsEachDelimiter() throws IOException {
		for (String delimiter : List.of(",", ";", "\t", "|")) {
			String text = String.join(delimiter, "编号", "标题", "金额") + "\n"
					+ String.join(delimiter, "1", "\"a" + (",".equals(delimiter) ? ";" : ",") + "b\"", "3.5") + "\n";
			Path file = write("d.csv", text.getBytes(StandardCharsets.UTF_8));
			assertThat(Rows.texts(Rows.read(file))).as(delimiter)
				.containsExactly(List.of("2", "1", ",".equals(delimiter) ? "a;b" : "a,b", "3.5"));
		}
	}

	@Test
	void delimiterSetOverridesDetection() throws IOException {
		Path file = write("semi.csv", "a;b,c\n1;2,3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.read(file, SourceSettings.defaults().withDelimiter(";")).get(0).cells())
			.containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b,c", "2,3"));
		assertThat(Rows.read(file, SourceSettings.defaults().withDelimiter(",")).get(0).cells())
			.containsExactly(java.util.Map.entry("a;b", "1;2"), java.util.Map.entry("c", "3"));
		Path tabs = write("tabs.csv", "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.read(tabs, SourceSettings.defaults().withDelimiter("\\t")).get(0).cells().values())
			.containsExactly("1", "2");
	}

	@Test
	void quotedCellsKeepDelimitersDoubledQuotesAndLineBreaks() throws IOException {
		StringWriter text = new StringWriter();
		try (ICSVWriter writer = new CSVWriter(text, ',', '"', '"', "\r\n")) {
			writer.writeNext(new String[] { "标题", "描述", "路径" });
			writer.writeNext(new String[] { "a, b", "他说\"好\"", "C:\\temp\\new" });
			writer.writeNext(new String[] { "多行", "第一行\r\n第二行\n第三行", "" });
			writer.writeNext(new String[] { "after", "x", "y" });
		}
		Path file = write("quoted.csv", text.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "a, b", "他说\"好\"", "C:\\temp\\new"),
				// OpenCSV turns the line breaks inside a quoted cell into \n
				List.of("3", "多行", "第一行\n第二行\n第三行", ""), List.of("6", "after", "x", "y"));
	}

	@Test
	void crlfAndLfFilesGiveTheSameCellsAndLineNumbers() throws IOException {
		String lf = "a,b\n1,2\n\n3,4\n";
		Path unix = write("lf.csv", lf.getBytes(StandardCharsets.UTF_8));
		Path windows = write("crlf.csv", lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		List<List<String>> expected = List.of(List.of("2", "1", "2"), List.of("4", "3", "4"));
		assertThat(Rows.texts(Rows.read(unix))).isEqualTo(expected);
		assertThat(Rows.texts(Rows.read(windows))).isEqualTo(expected);
	}

	@Test
	void blankLinesAndEmptyRecordsAreSkippedButCountedInLineNumbers() throws IOException {
		Path file = write("blank.csv", "\n\na,b\n\n1,2\n,\n   \n3,\n\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("5", "1", "2"), List.of("8", "3", ""));
	}

	@Test
	void headerRowOtherThanTheFirst() throws IOException {
		Path file = write("title.csv", "月度导出,2024-03\n导出人,张三\n标题,优先级\n登录,高\n".getBytes(StandardCharsets.UTF_8));
		List<SourceRow> rows = Rows.read(file, SourceSettings.defaults().withHeaderRow(3));
		assertThat(Rows.texts(rows)).containsExactly(List.of("4", "登录", "高"));
		assertThat(rows.get(0).cells().keySet()).containsExactly("标题", "优先级");
	}

	@Test
	void moreCellsThanHeadersIsARowProblemAndReadingGoesOn() throws IOException {
		Path file = write("extra.csv", "a,b\n1,2\n3,4,5\n6,7,\n8\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "1", "2"),
				List.of("3",
						"problem: the line has 3 cells but the header has 2 names; column 3 ('5') has no header;"
								+ " a cell with a comma must be in double quotes"),
				// an empty cell past the header and a short line are fine
				List.of("4", "6", "7"), List.of("5", "8", ""));
	}

	@Test
	void unterminatedQuoteIsARowProblemWithItsLineNumber() throws IOException {
		Path file = write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "1", "2"), List.of("3",
				"problem: a quote (\") opened in this record is never closed, so lines 3 to the end of the file were read as one cell"));
	}

	@Test
	void aByteOrderMarkWinsOverAStaleSetting() throws IOException {
		Path file = write("excel-utf8.csv",
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, CHINESE.getBytes(StandardCharsets.UTF_8)));
		try (RowSource source = Sources.open(file, SourceSettings.defaults().withEncoding("GBK"))) {
			assertThat(source.description()).startsWith("CSV, encoding UTF-8 (byte order mark; GBK was set)");
			assertThat(source.headers()).containsExactly("标题", "优先级", "负责人");
		}
	}

	@Test
	void aQuotedCellOverTheLineLimitEndsTheFileWithARowProblem() throws IOException {
		String text = "a,b\n1,2\n3,\"open\n" + "x\n".repeat(CsvSource.MULTILINE_LIMIT + 5);
		Path file = write("long.csv", text.getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "1", "2"),
				List.of("3", "problem: a quoted cell runs over more than 10000 lines: "
						+ "a quote (\") is probably never closed; the rest of the file was not read"));
	}

	@Test
	void quoteInsideAnUnquotedCellIsText() throws IOException {
		Path file = write("inch.csv", "size,name\n27\",monitor\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "27\"", "monitor"));
	}

	@Test
	void emptyFileAndHeaderPastTheEndAreErrors() throws IOException {
		Path blank = write("blank.csv", "\n\n \n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> Rows.read(blank)).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo(blank + ": no header row: the file is empty"));
		Path shortFile = write("short.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> Rows.read(shortFile, SourceSettings.defaults().withHeaderRow(5)))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> {
				assertThat(ex.getMessage())
					.isEqualTo(shortFile + ": no header row at or after line 5: the file is empty from there on");
				assertThat(ex.hint()).contains("header_row");
			});
	}

	@Test
	void repeatedHeadersAreReadAndEmptyHeadersAreErrorsNamingThePositions() throws IOException {
		Path repeated = write("dup.csv", "标题,描述, 标题 \n1,2,3\n".getBytes(StandardCharsets.UTF_8));
		try (RowSource source = Sources.open(repeated, SourceSettings.defaults())) {
			assertThat(source.headers()).containsExactly("标题", "描述", " 标题 #2");
			assertThat(source.next().cells()).containsExactly(Map.entry("标题", "1"), Map.entry("描述", "2"),
					Map.entry(" 标题 #2", "3"));
		}
		Path empty = write("empty.csv", "标题,,描述,,\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> Rows.read(empty)).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage())
					.isEqualTo(empty + ", line 1: column 2 of the header row has no name"));
	}

	@Test
	void trailingEmptyHeaderCellsAreCut() throws IOException {
		Path file = write("trail.csv", "a,b,,\n1,2,,\n".getBytes(StandardCharsets.UTF_8));
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			assertThat(source.headers()).containsExactly("a", "b");
			assertThat(source.next().cells().values()).containsExactly("1", "2");
		}
	}

	@Test
	void oneColumnFile() throws IOException {
		Path file = write("one.csv", "标题\n登录\n注册\n".getBytes(StandardCharsets.UTF_8));
		assertThat(Rows.texts(Rows.read(file))).containsExactly(List.of("2", "登录"), List.of("3", "注册"));
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(this.dir.resolve(name), bytes);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
