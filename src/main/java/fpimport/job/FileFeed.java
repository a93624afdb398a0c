package fpimport.job;

import java.nio.file.Path;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.SourceRow;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;

/** The rows of the run's file; each row is its own origin. */
final class FileFeed implements RowFeed {

	private final RowSource source;

	private final long runId;

	FileFeed(Path file, SourceSettings settings, long runId) {
		this.source = Sources.open(file, settings);
		this.runId = runId;
	}

	@Override
	public List<String> headers() {
		return this.source.headers();
	}

	@Override
	public String sheet() {
		return this.source.sheet();
	}

	@Override
	public OriginRow next() {
		SourceRow row = this.source.next();
		return (row == null) ? null : new OriginRow(row, this.runId, row.rowNumber());
	}

	@Override
	public void close() {
		this.source.close();
	}

}
