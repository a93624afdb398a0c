package fpimport.job;

import java.nio.file.Path;
import java.util.Objects;

import fpimport.report.ReportFormat;

/**
 * How one invocation runs a job: chunk size, calls in flight, where the report goes.
 *
 * @param chunkSize rows per chunk (a checkpoint after each)
 * @param concurrency create calls in flight at once; the client's rate limit still holds
 * @param reportDirectory where reports go, or {@code null} for beside the input file
 * @param reportFormat the report's format
 * @param linkBase the web address items are linked under in the report
 */
public record JobSettings(int chunkSize, int concurrency, Path reportDirectory, ReportFormat reportFormat,
		String linkBase) {

	/**
	 * Enough calls in flight to reach 15 per second at about 500 ms each (Little's law).
	 */
	public static final int DEFAULT_CONCURRENCY = 8;

	public static final int DEFAULT_CHUNK_SIZE = 200;

	public JobSettings {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("chunkSize must be 1 or more");
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be 1 or more");
		}
		Objects.requireNonNull(reportFormat, "reportFormat");
		Objects.requireNonNull(linkBase, "linkBase");
	}

	public static JobSettings defaults(String linkBase) {
		return new JobSettings(DEFAULT_CHUNK_SIZE, DEFAULT_CONCURRENCY, null, ReportFormat.XLSX, linkBase);
	}

	public JobSettings withReport(Path directory, ReportFormat format) {
		return new JobSettings(this.chunkSize, this.concurrency, directory, format, this.linkBase);
	}

}
