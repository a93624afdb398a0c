package fpimport.job;

import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.source.SourceRow;
import fpimport.workitem.RowCells;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workbook's rows read once: the preflight's pass over a spreadsheet writes each row
 * into a temporary file as it goes, and the rows step reads them from there instead of
 * parsing the workbook again (the XML of a million-row sheet costs far more to parse than
 * its cells to read back). Each row: its number, its problem, its cells and the cells
 * shown otherwise, as UTF-8. A reader's row ({@link RowCells}) is written as its values
 * alone, its columns once for the file, and comes back as such a row again; any other
 * row's column key is written once, then its index. The file is deleted when the run's
 * job ends, and at the latest when the JVM exits; a restart's preflight writes it again.
 * A spill that cannot be written is given up: the rows step reads the file again.
 */
final class RowSpill {

	private static final Logger log = LoggerFactory.getLogger(RowSpill.class);

	private final Path file;

	private final List<String> headers;

	private final String sheet;

	private RowSpill(Path file, List<String> headers, String sheet) {
		this.file = file;
		this.headers = List.copyOf(headers);
		this.sheet = sheet;
	}

	/**
	 * A feed of a spreadsheet whose rows are also written into a new spill as they are
	 * read; {@code spilled} hears of the spill once the feed is closed at its end.
	 */
	static RowFeed recording(RowFeed feed, java.util.function.Consumer<RowSpill> spilled) {
		Path file;
		SpillOut out;
		try {
			file = Files.createTempFile("fpimport-rows-", ".spill");
			file.toFile().deleteOnExit();
			out = new SpillOut(Files.newOutputStream(file));
		}
		catch (IOException ex) {
			// no room for the spill: the rows step reads the workbook again
			return feed;
		}
		return new RowFeed() {

			private final Map<String, Integer> keys = new HashMap<>();

			private final List<?>[] columns = new List<?>[1];

			private boolean ended;

			/** Whether the spill is still written; given up at its first failed write. */
			private boolean writing = true;

			@Override
			public List<String> headers() {
				return feed.headers();
			}

			@Override
			public String sheet() {
				return feed.sheet();
			}

			@Override
			public OriginRow next() {
				OriginRow row = feed.next();
				if (row == null) {
					this.ended = true;
				}
				else if (this.writing) {
					try {
						write(out, row.source(), this.keys, this.columns);
					}
					catch (IOException ex) {
						// no room left for the spill: the rows step reads the file again
						this.writing = false;
						log.warn(
								"cannot write the rows' temporary file {} ({}); the rows will be read from the file again",
								file, ex.getMessage());
					}
				}
				return row;
			}

			@Override
			public void close() {
				boolean whole = this.ended && this.writing;
				try {
					out.close();
				}
				catch (IOException ex) {
					whole = false;
				}
				feed.close();
				if (whole) {
					spilled.accept(new RowSpill(file, feed.headers(), feed.sheet()));
				}
				else {
					delete(file);
				}
			}

		};
	}

	/** The spilled rows from the first, as the run's feed. */
	RowFeed open(long runId) {
		SpillIn in;
		try {
			in = new SpillIn(Files.newInputStream(this.file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the rows' temporary file " + this.file, ex);
		}
		return new RowFeed() {

			private final List<String> keys = new ArrayList<>();

			private final RowCells[] columns = new RowCells[1];

			@Override
			public List<String> headers() {
				return RowSpill.this.headers;
			}

			@Override
			public String sheet() {
				return RowSpill.this.sheet;
			}

			@Override
			public OriginRow next() {
				try {
					SourceRow row = read(in, this.keys, this.columns);
					return (row == null) ? null : new OriginRow(row, runId, row.rowNumber());
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read the rows' temporary file " + RowSpill.this.file, ex);
				}
			}

			@Override
			public void close() {
				try {
					in.close();
				}
				catch (IOException ex) {
					// read only: nothing is lost
				}
			}

		};
	}

	/** Deletes the file. */
	void delete() {
		delete(this.file);
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// deleted on exit
		}
	}

	/** A row's cells written as values alone, under the columns written before them. */
	private static final int VALUES = -2;

	/** Columns for the rows written as values alone, before the first such row. */
	private static final int COLUMNS = -3;

	private static void write(SpillOut out, SourceRow row, Map<String, Integer> keys, List<?>[] columns)
			throws IOException {
		out.writeLong(row.rowNumber());
		writeText(out, row.problem());
		if (row.cells() instanceof RowCells cells) {
			if (cells.keys() != columns[0]) {
				out.writeInt(COLUMNS);
				out.writeInt(cells.keys().size());
				for (String key : cells.keys()) {
					writeText(out, key);
				}
				columns[0] = cells.keys();
			}
			out.writeInt(VALUES);
			for (int i = 0; i < cells.size(); i++) {
				writeText(out, cells.value(i));
			}
		}
		else {
			writeCells(out, row.cells(), keys);
		}
		writeCells(out, row.shown(), keys);
	}

	private static void writeCells(SpillOut out, Map<String, String> cells, Map<String, Integer> keys)
			throws IOException {
		out.writeInt(cells.size());
		for (Map.Entry<String, String> cell : cells.entrySet()) {
			Integer index = keys.get(cell.getKey());
			if (index == null) {
				keys.put(cell.getKey(), keys.size());
				out.writeInt(-1);
				writeText(out, cell.getKey());
			}
			else {
				out.writeInt(index);
			}
			writeText(out, cell.getValue());
		}
	}

	private static SourceRow read(SpillIn in, List<String> keys, RowCells[] columns) throws IOException {
		if (in.atEnd()) {
			return null;
		}
		long rowNumber = in.readLong();
		String problem = readText(in);
		int size = in.readInt();
		if (size == COLUMNS) {
			int count = in.readInt();
			List<String> names = new ArrayList<>(count);
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < count; i++) {
				names.add(readText(in));
				index.put(names.get(i), i);
			}
			columns[0] = new RowCells(List.copyOf(names), index, new String[count]);
			size = in.readInt();
		}
		Map<String, String> cells;
		if (size == VALUES) {
			String[] values = new String[columns[0].size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = readText(in);
			}
			cells = columns[0].withValues(values);
		}
		else {
			cells = readCells(in, size, keys);
		}
		Map<String, String> shown = readCells(in, in.readInt(), keys);
		return new SourceRow(rowNumber, cells, problem, shown);
	}

	private static Map<String, String> readCells(SpillIn in, int size, List<String> keys) throws IOException {
		Map<String, String> cells = new LinkedHashMap<>(Math.max(4, size * 2));
		for (int i = 0; i < size; i++) {
			int index = in.readInt();
			String key;
			if (index < 0) {
				key = readText(in);
				keys.add(key);
			}
			else {
				key = keys.get(index);
			}
			cells.put(key, readText(in));
		}
		return cells;
	}

	private static void writeText(SpillOut out, String text) throws IOException {
		if (text == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readText(SpillIn in) throws IOException {
		int length = in.readInt();
		return (length < 0) ? null : in.readText(length);
	}

	/**
	 * Writes the spill through a buffer of its own: a stream's write per number, each
	 * taking its lock, cost more than the rows' text.
	 */
	private static final class SpillOut {

		private final OutputStream out;

		private final byte[] buffer = new byte[256 * 1024];

		private int position;

		SpillOut(OutputStream out) {
			this.out = out;
		}

		void writeInt(int value) throws IOException {
			room(4);
			this.buffer[this.position++] = (byte) (value >>> 24);
			this.buffer[this.position++] = (byte) (value >>> 16);
			this.buffer[this.position++] = (byte) (value >>> 8);
			this.buffer[this.position++] = (byte) value;
		}

		void writeLong(long value) throws IOException {
			writeInt((int) (value >>> 32));
			writeInt((int) value);
		}

		void write(byte[] bytes) throws IOException {
			if (bytes.length > this.buffer.length) {
				flush();
				this.out.write(bytes);
				return;
			}
			room(bytes.length);
			System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
			this.position += bytes.length;
		}

		private void room(int length) throws IOException {
			if (this.position + length > this.buffer.length) {
				flush();
			}
		}

		private void flush() throws IOException {
			this.out.write(this.buffer, 0, this.position);
			this.position = 0;
		}

		void close() throws IOException {
			try {
				flush();
			}
			finally {
				this.out.close();
			}
		}

	}

	/** Reads what {@link SpillOut} wrote, through a buffer of its own. */
	private static final class SpillIn {

		private final InputStream in;

		private byte[] buffer = new byte[256 * 1024];

		private int position;

		private int limit;

		SpillIn(InputStream in) {
			this.in = in;
		}

		/** Whether every byte has been read. */
		boolean atEnd() throws IOException {
			return !fill(1);
		}

		int readInt() throws IOException {
			need(4);
			byte[] b = this.buffer;
			int p = this.position;
			this.position = p + 4;
			return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
		}

		long readLong() throws IOException {
			return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
		}

		String readText(int length) throws IOException {
			need(length);
			String text = new String(this.buffer, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return text;
		}

		private void need(int length) throws IOException {
			if (!fill(length)) {
				throw new EOFException("the rows' temporary file ends within a row");
			}
		}

		/** Makes {@code length} bytes readable at the position; false at the end. */
		private boolean fill(int length) throws IOException {
			if (this.limit - this.position >= length) {
				return true;
			}
			int left = this.limit - this.position;
			byte[] target = (length > this.buffer.length) ? new byte[length] : this.buffer;
			System.arraycopy(this.buffer, this.position, target, 0, left);
			this.buffer = target;
			this.position = 0;
			this.limit = left;
			while (this.limit < length) {
				int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
				if (read < 0) {
					return false;
				}
				this.limit += read;
			}
			return true;
		}

		void close() throws IOException {
			this.in.close();
		}

	}

}
