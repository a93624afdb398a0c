package fpimport.job;

import java.util.List;
import java.util.function.Supplier;

/**
 * A run's rows in the waves of its {@link ReferenceGraph}: the feed read once per wave,
 * each time giving only that wave's rows, so that every row comes after the rows it
 * names. The same rows in the same order on every read, so a restart skips as many as it
 * read before.
 */
final class WaveFeed implements RowFeed {

	private final Supplier<RowFeed> opener;

	private final ReferenceGraph graph;

	private RowFeed feed;

	private int wave;

	WaveFeed(Supplier<RowFeed> opener, ReferenceGraph graph) {
		this.opener = opener;
		this.graph = graph;
		this.feed = opener.get();
	}

	@Override
	public List<String> headers() {
		return this.feed.headers();
	}

	@Override
	public String sheet() {
		return this.feed.sheet();
	}

	@Override
	public OriginRow next() {
		while (true) {
			OriginRow row = this.feed.next();
			if (row == null) {
				if (this.wave + 1 >= this.graph.waveCount()) {
					return null;
				}
				this.feed.close();
				this.feed = this.opener.get();
				this.wave++;
				continue;
			}
			if (this.graph.wave(row.source().rowNumber()) == this.wave) {
				return row;
			}
		}
	}

	@Override
	public void close() {
		this.feed.close();
	}

}
