package fpimport.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * A feed read by a thread of its own, a few batches ahead of its reader: the file is
 * parsed (CSV decoding and splitting, a workbook's XML) on one core while the run's
 * thread surveys or plans the rows before. Rows arrive in the feed's order, a failure of
 * the feed (a line that cannot be read) at the place it happened; memory holds at most
 * {@value #BATCHES_WAITING} batches of {@value #BATCH} rows. {@link #close} stops the
 * reading thread before it closes the feed, which only that thread touches until then.
 */
final class ReadAhead implements RowFeed {

	static final int BATCH = 256;

	static final int BATCHES_WAITING = 8;

	/** One handed-over batch: rows, then the end or a failure of the feed. */
	private record Batch(List<OriginRow> rows, boolean end, RuntimeException failure) {
	}

	private final RowFeed feed;

	private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_WAITING);

	private final Thread reader;

	private volatile boolean closing;

	private List<OriginRow> rows = List.of();

	private int next;

	private boolean ended;

	/** A failure of the feed, thrown once the rows read before it are taken. */
	private RuntimeException failure;

	ReadAhead(RowFeed feed) {
		this.feed = feed;
		this.reader = new Thread(this::read, "fpimport-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void read() {
		try {
			while (!this.closing) {
				List<OriginRow> batch = new ArrayList<>(BATCH);
				OriginRow row = null;
				RuntimeException failure = null;
				try {
					while (batch.size() < BATCH && (row = this.feed.next()) != null) {
						batch.add(row);
					}
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
				boolean end = row == null || failure != null;
				this.queue.put(new Batch(batch, end, failure));
				if (end) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
		while (this.next == this.rows.size()) {
			if (this.failure != null) {
				RuntimeException thrown = this.failure;
				this.failure = null;
				this.ended = true;
				throw thrown;
			}
			if (this.ended) {
				return null;
			}
			Batch batch = take();
			this.rows = batch.rows();
			this.next = 0;
			this.ended = batch.end();
			this.failure = batch.failure();
		}
		return this.rows.get(this.next++);
	}

	private Batch take() {
		try {
			return this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FpImportException(Reason.INTERNAL, "interrupted while the file was read", null, ex);
		}
	}

	@Override
	public void close() {
		this.closing = true;
		try {
			// the reader stops at the end of the batch it reads; room in the queue lets a
			// reader waiting for it go on to see that
			while (this.reader.isAlive()) {
				this.queue.clear();
				this.reader.join(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.queue.clear();
			if (!this.reader.isAlive()) {
				this.feed.close();
			}
		}
	}

}
