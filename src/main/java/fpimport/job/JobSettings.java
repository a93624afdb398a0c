package fpimport.job;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param searchLag how long to wait before searching a second time for an item whose
 * create may have gone through but that search did not find, before sending it again
 */
public record JobSettings(int chunkSize, int concurrency, Path reportDirectory, ReportFormat reportFormat,
		String linkBase, Duration searchLag) {

	/**
	 * How soon the service finds a new item by search is not documented: a few seconds
	 * covers the indexing delays seen on search services of this kind.
	 */
	public static final Duration DEFAULT_SEARCH_LAG = Duration.ofSeconds(5);

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
		Objects.requireNonNull(searchLag, "searchLag");
		if (searchLag.isNegative()) {
			throw new IllegalArgumentException("searchLag must not be negative");
		}
	}

	/** Settings with the default search lag. */
	public JobSettings(int chunkSize, int concurrency, Path reportDirectory, ReportFormat reportFormat,
			String linkBase) {
		this(chunkSize, concurrency, reportDirectory, reportFormat, linkBase, DEFAULT_SEARCH_LAG);
	}

	public static JobSettings defaults(String linkBase) {
		return new JobSettings(DEFAULT_CHUNK_SIZE, DEFAULT_CONCURRENCY, null, ReportFormat.XLSX, linkBase);
	}

	public JobSettings withReport(Path directory, ReportFormat format) {
		return new JobSettings(this.chunkSize, this.concurrency, directory, format, this.linkBase, this.searchLag);
	}

	public JobSettings withSearchLag(Duration lag) {
		return new JobSettings(this.chunkSize, this.concurrency, this.reportDirectory, this.reportFormat, this.linkBase,
				lag);
	}

}
