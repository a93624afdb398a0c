package fpimport.job;

import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a run's rows for the import step. Restartable: the count of rows read is saved
 * with each chunk, and a restart skips that many rows of the feed.
 */
final class FeedReader extends AbstractItemCountingItemStreamItemReader<OriginRow> {

	private final Supplier<RowFeed> opener;

	private RowFeed feed;

	FeedReader(Supplier<RowFeed> opener) {
		this.opener = opener;
		setName("rows");
	}

	@Override
	protected void doOpen() {
		this.feed = this.opener.get();
	}

	@Override
	protected OriginRow doRead() {
		return this.feed.next();
	}

	@Override
	protected void doClose() {
		if (this.feed != null) {
			this.feed.close();
			this.feed = null;
		}
	}

}
