package fpimport.result;

import java.util.Base64;
import java.util.BitSet;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The row numbers of a dry run's valid rows, as {@link ResultStore#saveDryRunRows} keeps
 * them: a bit per row, in blocks of {@value #BLOCK} row numbers.
 */
public final class ValidRows {

	/** Row numbers per stored block. */
	static final long BLOCK = 4096;

	private final NavigableMap<Long, BitSet> blocks;

	ValidRows(NavigableMap<Long, BitSet> blocks) {
		this.blocks = blocks;
	}

	/** No valid row kept (any run but a dry run). */
	public static ValidRows none() {
		return new ValidRows(new TreeMap<>());
	}

	/** Whether this row was valid. */
	public boolean contains(long rowNumber) {
		BitSet bits = this.blocks.get(rowNumber / BLOCK);
		return bits != null && bits.get((int) (rowNumber % BLOCK));
	}

	/** The valid rows' numbers, in order. */
	public java.util.stream.LongStream rowNumbers() {
		return this.blocks.entrySet()
			.stream()
			.flatMapToLong((block) -> block.getValue().stream().mapToLong((bit) -> block.getKey() * BLOCK + bit));
	}

	/**
	 * The valid rows in row order, each as {@link ResultStore#rows} answers it: a VALID
	 * record with its row number, no row key and no cells.
	 */
	public java.util.stream.Stream<RowRecord> records(long runId) {
		return rowNumbers().mapToObj((rowNumber) -> record(runId, rowNumber));
	}

	/** A valid row kept by its number alone. */
	static RowRecord record(long runId, long rowNumber) {
		return new RowRecord(runId, rowNumber, null, RowStatus.VALID, null, null, null, java.util.List.of(),
				java.util.Map.of(), null, 0, runId, rowNumber, null, null);
	}

	/** How many rows were valid. */
	public long count() {
		return this.blocks.values().stream().mapToLong(BitSet::cardinality).sum();
	}

	static BitSet decode(String text) {
		return BitSet.valueOf(Base64.getDecoder().decode(text));
	}

	static String encode(BitSet bits) {
		return Base64.getEncoder().encodeToString(bits.toByteArray());
	}

}
