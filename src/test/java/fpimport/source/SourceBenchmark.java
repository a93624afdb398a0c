package fpimport.source;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
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

/**
 * Reading speed and peak heap of the spreadsheet readers next to the bare libraries on
 * the same generated files, in one run. Not a test: see docs/benchmarks.md for the
 * command. Arguments: [rows (default 1000000)] [folder for the files (default
 * target/benchmark)].
 */
public final class SourceBenchmark {

	static final int COLUMNS = 20;

	private SourceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		Path dir = Path.of((args.length > 1) ? args[1] : "target/benchmark");
		String what = (args.length > 2) ? args[2] : "all";
		Files.createDirectories(dir);
		Path csv = dir.resolve("bench-" + rows + ".csv");
		Path xlsx = dir.resolve("bench-" + rows + ".xlsx");
		System.out.printf(Locale.ROOT, "java %s, max heap %d MB, %d processors%n", System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
		if (!Files.exists(csv)) {
			time("write CSV", () -> {
				writeCsv(csv, rows);
				return null;
			});
		}
		if (!Files.exists(xlsx)) {
			time("write XLSX (SXSSF)", () -> {
				writeXlsx(xlsx, rows);
				return null;
			});
		}
		System.out.printf(Locale.ROOT, "CSV %d MB, XLSX %d MB, %d rows x %d columns%n", Files.size(csv) >> 20,
				Files.size(xlsx) >> 20, rows, COLUMNS);
		System.out.println("| reader | rows | seconds | rows/s | peak heap MB |");
		System.out.println("|---|---|---|---|---|");
		// twice each, alternating, so neither profits alone from a warm JIT or page cache
		for (int round = 0; round < 2 && !what.equals("xlsx"); round++) {
			measure("CSV, bare OpenCSV CSVReader (RFC 4180 parser)", () -> bareCsv(csv));
			measure("CSV, fpimport RowSource -> SourceRow", () -> ours(csv));
		}
		if (!what.equals("csv")) {
			measure("XLSX, bare POI XSSFReader + XSSFSheetXMLHandler", () -> bareXlsx(xlsx));
			measure("XLSX, fpimport RowSource -> SourceRow", () -> ours(xlsx));
		}
	}

	static void writeCsv(Path file, int rows) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int c = 0; c < COLUMNS; c++) {
				out.write((c > 0 ? "," : "") + "列" + c);
			}
			out.write("\r\n");
			for (int r = 1; r <= rows; r++) {
				for (int c = 0; c < COLUMNS; c++) {
					if (c > 0) {
						out.write(',');
					}
					out.write(csvCell(r, c));
				}
				out.write("\r\n");
			}
		}
	}

	private static String csvCell(int r, int c) {
		return switch (c % 5) {
			case 0 -> Integer.toString(r * 31 + c);
			case 1 -> "需求标题 " + r;
			case 2 -> "2024-03-" + String.format(Locale.ROOT, "%02d", 1 + r % 28);
			case 3 -> "\"描述, 含逗号 " + (r % 1000) + "\"";
			default -> Double.toString((r % 10_000) / 4.0);
		};
	}

	static void writeXlsx(Path file, int rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			// temp files of 1M rows would be over a gigabyte uncompressed
			workbook.setCompressTempFiles(true);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Sheet sheet = workbook.createSheet("数据");
			Row header = sheet.createRow(0);
			for (int c = 0; c < COLUMNS; c++) {
				header.createCell(c).setCellValue("列" + c);
			}
			LocalDateTime day = LocalDateTime.of(2024, 3, 1, 0, 0);
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < COLUMNS; c++) {
					switch (c % 5) {
						case 0 -> row.createCell(c).setCellValue(r * 31 + c);
						case 1 -> row.createCell(c).setCellValue("需求标题 " + r);
						case 2 -> {
							row.createCell(c).setCellValue(day.plusDays(r % 28));
							row.getCell(c).setCellStyle(date);
						}
						case 3 -> row.createCell(c).setCellValue("描述, 含逗号 " + (r % 1000));
						default -> row.createCell(c).setCellValue((r % 10_000) / 4.0);
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
	}

	static long[] bareCsv(Path file) throws Exception {
		long rows = 0;
		long chars = 0;
		try (BufferedReader text = new BufferedReader(
				new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 64 * 1024);
				CSVReader reader = new CSVReaderBuilder(text).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			reader.readNext();
			for (String[] record = reader.readNext(); record != null; record = reader.readNext()) {
				rows++;
				for (String cell : record) {
					chars += cell.length();
				}
			}
		}
		return new long[] { rows, chars };
	}

	static long[] ours(Path file) {
		long rows = 0;
		long chars = 0;
		try (RowSource source = Sources.open(file, SourceSettings.defaults())) {
			for (SourceRow row = source.next(); row != null; row = source.next()) {
				rows++;
				for (String cell : row.cells().values()) {
					chars += cell.length();
				}
			}
		}
		return new long[] { rows, chars };
	}

	static long[] bareXlsx(Path file) throws Exception {
		long[] counts = new long[2];
		try (OPCPackage pack = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pack);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pack, false);
			SheetContentsHandler handler = new SheetContentsHandler() {

				private boolean header = true;

				@Override
				public void startRow(int rowNum) {
				}

				@Override
				public void endRow(int rowNum) {
					if (this.header) {
						this.header = false;
						counts[1] = 0;
					}
					else {
						counts[0]++;
					}
				}

				@Override
				public void cell(String reference, String formattedValue, XSSFComment comment) {
					counts[1] += formattedValue.length();
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
		return counts;
	}

	private static void measure(String name, Callable<long[]> read) throws Exception {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long start = System.nanoTime();
		long[] counts = read.call();
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %,.0f | %d |%n", name, counts[0], seconds,
				counts[0] / seconds, peak >> 20);
	}

	private static void time(String name, Callable<?> work) throws Exception {
		long start = System.nanoTime();
		work.call();
		System.out.printf(Locale.ROOT, "%s: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
	}

}
