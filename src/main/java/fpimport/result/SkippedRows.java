package fpimport.result;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SKIPPED rows of an import as {@link ResultStore#saveRows} keeps them: a row's
 * number and the item the ledger named, nothing else. Such a row needs no call and never
 * changes again in its run, and its cells are in the run's file (whose fingerprint the
 * run keeps), so it is not stored whole. Kept by blocks of {@value #BLOCK} row numbers
 * ({@code FPI_SKIPPED_ROWS}): a block's rows in order, each as two varints (the row
 * number's step from the previous row, from the block's first number for the first; the
 * item id's zigzag difference from the previous id, from 0 for the first), in Base64.
 */
public final class SkippedRows {

	/** Row numbers per stored block. */
	static final long BLOCK = 512;

	/** The stored text of each block, by block number. */
	private final NavigableMap<Long, String> blocks;

	private final long count;

	SkippedRows(NavigableMap<Long, String> blocks, long count) {
		this.blocks = blocks;
		this.count = count;
	}

	/** How many rows were skipped. */
	public long count() {
		return this.count;
	}

	/**
	 * The skipped rows of the run in row order, block by block (a block is decoded when
	 * it is reached): each a SKIPPED record with its row number and item id, no row key
	 * and no cells.
	 */
	public Stream<RowRecord> records(long runId) {
		return this.blocks.entrySet()
			.stream()
			.flatMap((block) -> decode(block.getKey(), block.getValue()).entrySet()
				.stream()
				.map((row) -> record(runId, row.getKey(), row.getValue())));
	}

	/** A skipped row as {@link ResultStore#rows} answers it. */
	static RowRecord record(long runId, long rowNumber, long itemId) {
		return new RowRecord(runId, rowNumber, null, RowStatus.SKIPPED, itemId, null, null, List.of(), Map.of(), null,
				0, runId, rowNumber, null, null);
	}

	/** The rows of a stored block: item id by row number, in row order. */
	static NavigableMap<Long, Long> decode(long block, String text) {
		byte[] bytes = Base64.getDecoder().decode(text.getBytes(StandardCharsets.ISO_8859_1));
		NavigableMap<Long, Long> rows = new TreeMap<>();
		long row = block * BLOCK;
		long item = 0;
		int[] at = { 0 };
		while (at[0] < bytes.length) {
			row += readVarLong(bytes, at);
			long step = readVarLong(bytes, at);
			item += (step >>> 1) ^ -(step & 1);
			rows.put(row, item);
		}
		return rows;
	}

	/** The stored text of a block's rows (item id by row number). */
	static String encode(long block, NavigableMap<Long, Long> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 3);
		long row = block * BLOCK;
		long item = 0;
		for (Map.Entry<Long, Long> entry : rows.entrySet()) {
			writeVarLong(bytes, entry.getKey() - row);
			long step = entry.getValue() - item;
			writeVarLong(bytes, (step << 1) ^ (step >> 63));
			row = entry.getKey();
			item = entry.getValue();
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static void writeVarLong(ByteArrayOutputStream out, long value) {
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			out.write((int) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		out.write((int) rest);
	}

	private static long readVarLong(byte[] bytes, int[] at) {
		long value = 0;
		int shift = 0;
		while (true) {
			byte b = bytes[at[0]++];
			value |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return value;
			}
			shift += 7;
		}
	}

}
