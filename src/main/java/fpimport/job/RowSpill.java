package fpimport.job;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
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

/**
 * A workbook's rows read once: the preflight's pass over a spreadsheet writes each row
 * into a temporary file as it goes, and the rows step reads them from there instead of
 * parsing the workbook again (the XML of a million-row sheet costs far more to parse than
 * its cells to read back). Each row: its number, its problem, its cells and the cells
 * shown otherwise, as UTF-8; a column key is written once, then its index. The file is
 * deleted when the run's job ends, and at the latest when the JVM exits; a restart's
 * preflight writes it again.
 */
final class RowSpill {

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
		DataOutputStream out;
		try {
			file = Files.createTempFile("fpimport-rows-", ".spill");
			file.toFile().deleteOnExit();
			out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024));
		}
		catch (IOException ex) {
			// no room for the spill: the rows step reads the workbook again
			return feed;
		}
		return new RowFeed() {

			private final Map<String, Integer> keys = new HashMap<>();

			private boolean ended;

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
				try {
					if (row == null) {
						this.ended = true;
					}
					else {
						write(out, row.source(), this.keys);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot write the rows' temporary file " + file, ex);
				}
				return row;
			}

			@Override
			public void close() {
				try {
					out.close();
				}
				catch (IOException ex) {
					this.ended = false;
				}
				feed.close();
				if (this.ended) {
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
		DataInputStream in;
		try {
			in = new DataInputStream(new BufferedInputStream(Files.newInputStream(this.file), 256 * 1024));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the rows' temporary file " + this.file, ex);
		}
		return new RowFeed() {

			private final List<String> keys = new ArrayList<>();

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
					SourceRow row = read(in, this.keys);
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

	private static void write(DataOutputStream out, SourceRow row, Map<String, Integer> keys) throws IOException {
		out.writeLong(row.rowNumber());
		writeText(out, row.problem());
		writeCells(out, row.cells(), keys);
		writeCells(out, row.shown(), keys);
	}

	private static void writeCells(DataOutputStream out, Map<String, String> cells, Map<String, Integer> keys)
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

	private static SourceRow read(DataInputStream in, List<String> keys) throws IOException {
		long rowNumber;
		try {
			rowNumber = in.readLong();
		}
		catch (EOFException end) {
			return null;
		}
		String problem = readText(in);
		Map<String, String> cells = readCells(in, keys);
		Map<String, String> shown = readCells(in, keys);
		return new SourceRow(rowNumber, cells, problem, shown);
	}

	private static Map<String, String> readCells(DataInputStream in, List<String> keys) throws IOException {
		int size = in.readInt();
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

	private static void writeText(DataOutputStream out, String text) throws IOException {
		if (text == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readText(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
