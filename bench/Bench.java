import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The helper program of bench/run (run as a single source file on the classpath of the
 * built jar's libraries). Commands:
 * <ul>
 * <li>{@code generate FILE ROWS INVALID_PERCENT}: a CSV or XLSX (by the extension) of
 * 20 columns for bench/mapping.yaml, Chinese text; every (100 / INVALID_PERCENT)th row is
 * invalid (an unknown priority, an impossible date, or a module path that stops short).</li>
 * <li>{@code bare-csv FILE} / {@code bare-xlsx FILE}: the bare library read of the file
 * (OpenCSV's RFC 4180 CSVReader; POI's XSSFReader + XSSFSheetXMLHandler); prints
 * {@code rows seconds}.</li>
 * <li>{@code source FILE}: the same file read through fpimport's own reader
 * ({@code RowSource} to {@code SourceRow}, as a run reads it); prints
 * {@code rows seconds}.</li>
 * <li>{@code frames FILE.jfr [N]}: the N top frames of the recording's execution
 * samples, and the N top frames of fpimport's own code.</li>
 * <li>{@code refs FILE ROWS}: a CSV of ROWS stories in 4 levels (1 %, 4 %, 20 % and 75 %
 * of the rows: 10, 40, 200 and 750 of 1,000) for bench/refs.yaml and bench/flat.yaml,
 * columns {@code Issue key, Summary, Parent key}; every child comes before its parent
 * (the leaves first, the roots last), shuffled within a level, and the keys are shuffled
 * too, so that neither the order nor the numbers give the levels away.</li>
 * <li>{@code check-refs FILE ITEMS.json}: what the sandbox's {@code /__emulator/items}
 * holds for that file: items created twice, rows not created, and how many parent
 * references its 父需求 field (field_9f8e7d) holds, of the item of the parent's key.</li>
 * </ul>
 */
public final class Bench {

	static final List<String> HEADERS = List.of("编号", "标题", "描述", "优先级", "需求类型", "标签", "所属模块", "影响端", "需求提出人",
			"期望上线日期", "开始日期", "结束日期", "预估工时", "是否对外", "需求文档", "对接人邮箱", "联系电话", "验收标准", "产品经理", "备注");

	static final String[] PRIORITIES = { "紧急", "高", "中", "低" };

	static final String[] TYPES = { "功能", "优化", "技术债" };

	static final String[] TAGS = { "前端", "后端", "数据", "前端,后端" };

	static final String[] MODULES = { "平台 Platform/账号 Account", "平台 Platform/权限 Permission", "交易 Trade/下单 Ordering",
			"交易 Trade/下单 Ordering/购物车 Cart" };

	static final String[] PLATFORMS = { "iOS", "Android", "PC", "H5", "iOS,Android" };

	static final String[] PEOPLE = { "zhang.wei@example.com", "李娜", "liu.yang@example.com", "陈静", "yang.fan@example.com" };

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "bare-csv" -> timed(() -> bareCsv(Path.of(args[1])));
			case "bare-xlsx" -> timed(() -> bareXlsx(Path.of(args[1])));
			case "source" -> timed(() -> source(Path.of(args[1])));
			case "refs" -> references(Path.of(args[1]), Integer.parseInt(args[2]));
			case "check-refs" -> checkReferences(Path.of(args[1]), Path.of(args[2]));
			case "frames" -> frames(Path.of(args[1]), (args.length > 2) ? Integer.parseInt(args[2]) : 12);
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	interface Read {

		long rows() throws Exception;

	}

	static void timed(Read read) throws Exception {
		long start = System.nanoTime();
		long rows = read.rows();
		System.out.printf(Locale.ROOT, "%d %.2f%n", rows, (System.nanoTime() - start) / 1e9);
	}

	static void generate(Path file, int rows, int invalidPercent) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		if (file.toString().endsWith(".xlsx")) {
			writeXlsx(partial, rows, invalidPercent);
		}
		else {
			writeCsv(partial, rows, invalidPercent);
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/** The cells of a row; dates as text (CSV) or as date cells (XLSX, index 9 to 11). */
	static String[] cells(int r, int invalidPercent) {
		boolean invalid = invalidPercent > 0 && r % (100 / invalidPercent) == 0;
		int kind = (r / Math.max(1, 100 / Math.max(1, invalidPercent))) % 3;
		String[] c = new String[HEADERS.size()];
		c[0] = "B-" + r;
		c[1] = "需求标题 " + r + " 登录页改版与支付流程优化";
		c[2] = "这是第 " + r + " 条需求的描述，包含中文标点，以及逗号, 和一些说明文字。";
		c[3] = (invalid && kind == 0) ? "P5" : PRIORITIES[r % PRIORITIES.length];
		c[4] = TYPES[r % TYPES.length];
		c[5] = TAGS[r % TAGS.length];
		c[6] = (invalid && kind == 2) ? "平台 Platform" : MODULES[r % MODULES.length];
		c[7] = PLATFORMS[r % PLATFORMS.length];
		c[8] = PEOPLE[r % PEOPLE.length];
		c[9] = (invalid && kind == 1) ? "2026-13-45" : "2026-" + two(1 + r % 12) + "-" + two(1 + r % 28);
		c[10] = "2026-" + two(1 + r % 12) + "-01";
		c[11] = "2026-" + two(1 + r % 12) + "-20";
		c[12] = Integer.toString(r % 40 + 1) + ".5";
		c[13] = (r % 2 == 0) ? "是" : "否";
		c[14] = "https://docs.example.com/prd/" + r;
		c[15] = "contact" + (r % 100) + "@example.com";
		c[16] = "138" + String.format(Locale.ROOT, "%08d", r);
		c[17] = "验收标准：页面加载小于 2 秒；第 " + r + " 条";
		c[18] = PEOPLE[(r + 1) % PEOPLE.length];
		c[19] = "备注 " + (r % 997);
		return c;
	}

	private static String two(int n) {
		return (n < 10) ? "0" + n : Integer.toString(n);
	}

	static void writeCsv(Path file, int rows, int invalidPercent) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", HEADERS));
			out.write("\r\n");
			StringBuilder line = new StringBuilder(512);
			for (int r = 1; r <= rows; r++) {
				line.setLength(0);
				String[] cells = cells(r, invalidPercent);
				for (int i = 0; i < cells.length; i++) {
					if (i > 0) {
						line.append(',');
					}
					String cell = cells[i];
					if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
						line.append('"').append(cell.replace("\"", "\"\"")).append('"');
					}
					else {
						line.append(cell);
					}
				}
				line.append("\r\n");
				out.append(line);
			}
		}
	}

	static void writeXlsx(Path file, int rows, int invalidPercent) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			workbook.setCompressTempFiles(true);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Sheet sheet = workbook.createSheet("需求清单");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(HEADERS.get(i));
			}
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				String[] cells = cells(r, invalidPercent);
				for (int i = 0; i < cells.length; i++) {
					String cell = cells[i];
					if (i >= 9 && i <= 11 && !cell.equals("2026-13-45")) {
						row.createCell(i).setCellValue(LocalDateTime.parse(cell + "T00:00:00"));
						row.getCell(i).setCellStyle(date);
					}
					else if (i == 12) {
						row.createCell(i).setCellValue(Double.parseDouble(cell));
					}
					else {
						row.createCell(i).setCellValue(cell);
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
	}

	static void references(Path file, int rows) throws IOException {
		int[] sizes = new int[4];
		int[] percents = { 1, 4, 20 };
		int rest = rows;
		for (int level = 0; level < 3; level++) {
			sizes[level] = Math.max(1, rows * percents[level] / 100);
			rest -= sizes[level];
		}
		sizes[3] = rest;
		if (rest < 1) {
			throw new IllegalArgumentException("4 levels need at least 4 rows");
		}
		Random random = new Random(13);
		List<Integer> numbers = new ArrayList<>();
		for (int n = 1; n <= rows; n++) {
			numbers.add(n);
		}
		Collections.shuffle(numbers, random);
		// keys[level][i]: the key number of the level's i-th item; the i-th item of a
		// level has the (i % size of the level above)-th item of the level above as parent
		int[][] keys = new int[4][];
		int next = 0;
		for (int level = 0; level < 4; level++) {
			keys[level] = new int[sizes[level]];
			for (int i = 0; i < sizes[level]; i++) {
				keys[level][i] = numbers.get(next++);
			}
		}
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
			out.write("Issue key,Summary,Parent key\r\n");
			for (int level = 3; level >= 0; level--) {
				List<Integer> order = new ArrayList<>();
				for (int i = 0; i < sizes[level]; i++) {
					order.add(i);
				}
				Collections.shuffle(order, random);
				for (int i : order) {
					int key = keys[level][i];
					String parent = (level == 0) ? "" : "SHOP-" + keys[level - 1][i % sizes[level - 1]];
					out.write("SHOP-" + key + ",Story " + key + " (level " + (level + 1) + ")," + parent + "\r\n");
				}
			}
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	static void checkReferences(Path file, Path itemsJson) throws IOException {
		Map<String, List<Long>> idsByKey = new HashMap<>();
		Map<Long, JsonNode> parentById = new HashMap<>();
		for (JsonNode item : JsonMapper.builder().build().readTree(itemsJson.toFile()).path("items")) {
			String name = item.path("name").asString();
			String key = "SHOP-" + name.substring("Story ".length(), name.indexOf(' ', "Story ".length()));
			long id = item.path("id").asLong();
			idsByKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(id);
			for (JsonNode field : item.path("fields")) {
				if (field.path("field_key").asString().equals("field_9f8e7d")) {
					parentById.put(id, field.path("field_value"));
				}
			}
		}
		int rows = 0;
		int twice = 0;
		int missing = 0;
		int references = 0;
		int linked = 0;
		int wrong = 0;
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isEmpty()) {
				continue;
			}
			String[] cells = line.split(",", -1);
			rows++;
			List<Long> ids = idsByKey.getOrDefault(cells[0], List.of());
			if (ids.isEmpty()) {
				missing++;
				continue;
			}
			twice += (ids.size() > 1) ? 1 : 0;
			if (cells[2].isEmpty()) {
				continue;
			}
			references++;
			JsonNode value = parentById.get(ids.get(0));
			if (value == null || value.isNull()) {
				continue;
			}
			JsonNode first = value.isArray() ? value.path(0) : value;
			long parent = first.isNumber() ? first.asLong() : Long.parseLong(first.asString());
			if (idsByKey.getOrDefault(cells[2], List.of()).contains(parent)) {
				linked++;
			}
			else {
				wrong++;
			}
		}
		System.out.printf(Locale.ROOT, "%d items for %d rows: %d created twice, %d not created; parent set on %d of %d,"
				+ " %d pointing elsewhere%n", idsByKey.values().stream().mapToInt(List::size).sum(), rows, twice,
				missing, linked, references, wrong);
	}

	static long bareCsv(Path file) throws Exception {
		long rows = 0;
		try (BufferedReader text = new BufferedReader(
				new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 64 * 1024);
				CSVReader reader = new CSVReaderBuilder(text).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			reader.readNext();
			for (String[] record = reader.readNext(); record != null; record = reader.readNext()) {
				rows++;
			}
		}
		return rows;
	}

	static long source(Path file) {
		long rows = 0;
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				rows++;
			}
		}
		return rows;
	}

	static long bareXlsx(Path file) throws Exception {
		long[] rows = { -1 };
		try (OPCPackage pack = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pack);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pack, false);
			SheetContentsHandler handler = new SheetContentsHandler() {

				@Override
				public void startRow(int rowNum) {
				}

				@Override
				public void endRow(int rowNum) {
					rows[0]++;
				}

				@Override
				public void cell(String reference, String formattedValue, XSSFComment comment) {
				}

			};
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(
					new XSSFSheetXMLHandler(reader.getStylesTable(), strings, handler, new DataFormatter(), false));
			try (InputStream sheet = reader.getSheetsData().next()) {
				parser.parse(new InputSource(sheet));
			}
			pack.revert();
		}
		return rows[0];
	}

	/** Top frames by execution samples: all code, then the first fpimport frame of each stack. */
	static void frames(Path recording, int top) throws IOException {
		Map<String, Integer> leaf = new HashMap<>();
		Map<String, Integer> ours = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = stack.getFrames();
			leaf.merge(name(frames.get(0)), 1, Integer::sum);
			for (RecordedFrame frame : frames) {
				if (frame.getMethod().getType().getName().startsWith("fpimport.")) {
					ours.merge(name(frame), 1, Integer::sum);
					break;
				}
			}
		}
		System.out.printf("%d execution samples%n", samples);
		print("top frames (where the CPU was)", leaf, samples, top);
		print("top fpimport frames (the first of fpimport's own frames on each stack)", ours, samples, top);
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int top) {
		System.out.println("| " + title + " | samples | share |");
		System.out.println("|---|---|---|");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach((e) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(),
					100.0 * e.getValue() / samples));
	}

}
