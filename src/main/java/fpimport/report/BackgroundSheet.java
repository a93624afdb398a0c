package fpimport.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A sheet written by a thread of its own, so that the run's thread goes on with the next
 * rows while this one turns the last ones into XML or CSV, encodes and compresses them (a
 * million rows' report is about half of a validate's work; on two cores it now costs the
 * run little). Rows are handed over in batches through a bounded queue, so memory holds
 * at most {@value #BATCHES_WAITING} batches of {@value #BATCH} rows; the lists handed
 * over are not copied, so the caller leaves them unchanged. A failure of the writing
 * thread is thrown at the next row or at {@link #close}, which waits for every row to be
 * written and closes the sheet.
 */
final class BackgroundSheet implements ReportSheet {

	static final int BATCH = 500;

	static final int BATCHES_WAITING = 8;

	private record Row(List<String> cells, boolean highlight, String link) {
	}

	/** Ends the writing thread; compared by identity. */
	private static final List<Row> END = new ArrayList<>();

	private final ReportSheet sheet;

	private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(BATCHES_WAITING);

	private final Thread writer;

	private volatile IOException failure;

	private List<Row> batch = new ArrayList<>(BATCH);

	private boolean closed;

	BackgroundSheet(ReportSheet sheet, String name) {
		this.sheet = sheet;
		this.writer = new Thread(this::write, "fpimport-" + name);
		// a run that dies does not wait for its report
		this.writer.setDaemon(true);
		this.writer.start();
	}

	private void write() {
		while (true) {
			List<Row> rows;
			try {
				rows = this.queue.take();
			}
			catch (InterruptedException ex) {
				this.failure = new InterruptedIOException("the report's writer was interrupted");
				return;
			}
			if (rows == END) {
				return;
			}
			if (this.failure != null) {
				// taken and dropped, so that the run's thread never waits on a full
				// queue
				continue;
			}
			try {
				for (Row row : rows) {
					this.sheet.row(row.cells(), row.highlight(), row.link());
				}
			}
			catch (IOException ex) {
				this.failure = ex;
			}
			catch (RuntimeException ex) {
				this.failure = new IOException(ex.getMessage(), ex);
			}
		}
	}

	@Override
	public void row(List<String> cells, boolean highlight, String link) throws IOException {
		failed();
		this.batch.add(new Row(cells, highlight, link));
		if (this.batch.size() == BATCH) {
			hand(this.batch);
			this.batch = new ArrayList<>(BATCH);
		}
	}

	private void hand(List<Row> rows) throws IOException {
		try {
			this.queue.put(rows);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while the report was written");
		}
	}

	private void failed() throws IOException {
		IOException ex = this.failure;
		if (ex != null) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			if (!this.batch.isEmpty()) {
				hand(this.batch);
			}
			hand(END);
			this.writer.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while the report was written");
		}
		finally {
			this.batch = List.of();
			if (!this.writer.isAlive()) {
				// the writer is done: the sheet is this thread's to close
				this.sheet.close();
			}
		}
		failed();
	}

}
