package fpimport.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import fpimport.TestEmulator;
import fpimport.emulator.OpenApiEmulator;

/**
 * The import benchmarks of docs/benchmarks.md (not a test: run it by hand, see there).
 * Prints one Markdown table row per measurement.
 * <ol>
 * <li>Creates against the emulator at 15 requests per second with 300 ms latency: rows
 * per second against the 15/s ceiling, and how many 10429 answers reached a row.</li>
 * <li>A dry run of a large CSV, H2 writes included: rows per second and peak heap.</li>
 * </ol>
 */
public final class ImportBenchmark {

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int createRows = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int dryRunRows = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		Path folder = Files.createDirectories(Path.of((args.length > 2) ? args[2] : "target/benchmark/import"));
		System.out.println("| measurement | rows | seconds | rows/s | other |");
		System.out.println("|---|---|---|---|---|");
		creates(createRows, folder.resolve("creates"));
		dryRun(dryRunRows, folder.resolve("dry-run"));
	}

	private static void creates(int rows, Path folder) throws Exception {
		Files.createDirectories(folder);
		try (CliWorkspace cli = CliWorkspace.at(folder, TestEmulator.demo().withQps(15))) {
			OpenApiEmulator emulator = cli.emulator();
			emulator.faults().latency(Duration.ofMillis(300), Duration.ZERO);
			Path file = csv(folder.resolve("creates.csv"), rows);
			Path mapping = mapping(folder);
			long start = System.nanoTime();
			CliRun run = cli.runConnected("import", file.toString(), "--mapping", mapping.toString(), "--report-dir",
					folder.toString());
			double seconds = (System.nanoTime() - start) / 1e9;
			check(run, "created " + rows);
			String rowsWith10429 = run.out().contains("10429") ? "some" : "none";
			double rowsStep = stepSeconds(folder, "rows");
			System.out.printf(
					"| create at 15/s ceiling, 300 ms latency (whole command) | %d | %.1f | %.2f (%.0f%% of 15) | "
							+ "10429 answers seen by the client: %d; rows failed with 10429: %s |%n",
					rows, seconds, rows / seconds, 100 * rows / seconds / 15, emulator.space().answers(10429),
					rowsWith10429);
			System.out.printf("| create: the rows step alone | %d | %.1f | %.2f (%.0f%% of 15) | |%n", rows, rowsStep,
					rows / rowsStep, 100 * rows / rowsStep / 15);
		}
	}

	private static void dryRun(int rows, Path folder) throws Exception {
		Files.createDirectories(folder);
		try (CliWorkspace cli = CliWorkspace.at(folder, TestEmulator.demo())) {
			Path file = csv(folder.resolve("dry-run.csv"), rows);
			Path mapping = mapping(folder);
			resetPeaks();
			long start = System.nanoTime();
			CliRun run = cli.runConnected("validate", file.toString(), "--mapping", mapping.toString(), "--report-dir",
					folder.toString(), "--report-format", "csv");
			double seconds = (System.nanoTime() - start) / 1e9;
			check(run, "valid " + rows);
			System.out.printf(
					"| dry run of a CSV, H2 writes and CSV report included (whole command) | %d | %.1f | "
							+ "%.0f | peak heap %d MB of max %d MB |%n",
					rows, seconds, rows / seconds, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
			double rowsStep = stepSeconds(folder, "rows");
			System.out.printf(
					"| dry run: the rows step alone (read, plan, H2 writes) | %d | %.1f | %.0f | "
							+ "preflight %.1f s (reads the file once for its people), report %.1f s |%n",
					rows, rowsStep, rows / rowsStep, stepSeconds(folder, "preflight"), stepSeconds(folder, "report"));
		}
	}

	/** How long a step of the last job took, from Spring Batch's own records. */
	private static double stepSeconds(Path folder, String step) throws Exception {
		String url = "jdbc:h2:file:" + folder.resolve("fpimport").toAbsolutePath();
		try (Connection connection = DriverManager.getConnection(url);
				PreparedStatement statement = connection
					.prepareStatement("SELECT START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? "
							+ "ORDER BY STEP_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY")) {
			statement.setString(1, step);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return Duration.between(rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime())
					.toMillis() / 1000.0;
			}
		}
	}

	private static void check(CliRun run, String expected) {
		if (!run.out().contains(expected)) {
			throw new IllegalStateException("unexpected outcome:\n" + run);
		}
	}

	private static Path csv(Path file, int rows) throws Exception {
		StringBuilder csv = new StringBuilder(ImportCommandIT.HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("B-")
				.append(i)
				.append(",需求 ")
				.append(i)
				.append(",描述 ")
				.append(i)
				.append(",高,功能 Feature,平台 Platform/账号 Account,\"前端 Frontend, 后端 Backend\",2026/12/1,,\n");
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		return file;
	}

	private static Path mapping(Path folder) throws Exception {
		return Files.writeString(folder.resolve("mapping.yaml"), ImportCommandIT.MAPPING, StandardCharsets.UTF_8);
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak >> 20;
	}

}
