package fpimport.source.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged ranges of a sheet, applied to rows as they stream by: only the top-left cell
 * of a range keeps its value, as Excel shows it, even when the file still holds values in
 * the covered cells (LibreOffice can keep them).
 */
final class MergedCells {

	static final MergedCells NONE = new MergedCells(List.of());

	private static final byte[] TAG = "mergeCells".getBytes(StandardCharsets.US_ASCII);

	/** Past this, what follows the merge list is not collected: merges are small. */
	private static final int MAX_TAIL = 16 * 1024 * 1024;

	private static final Pattern MERGE = Pattern.compile("<(?:[\\w.-]+:)?mergeCell\\s[^>]*?ref=\"([^\"]+)\"");

	/** Ranges as {first row, last row (1-based), first column, last column (0-based)}. */
	private final List<int[]> ranges;

	private final List<int[]> active = new ArrayList<>();

	private int next;

	private MergedCells(List<int[]> ranges) {
		this.ranges = new ArrayList<>(ranges);
		this.ranges.sort(Comparator.comparingInt((int[] range) -> range[0]));
	}

	/** Ranges from references such as {@code B5:D7}. */
	static MergedCells of(List<String> references) {
		List<int[]> ranges = new ArrayList<>();
		for (String reference : references) {
			int colon = reference.indexOf(':');
			if (colon > 0) {
				String first = reference.substring(0, colon);
				String last = reference.substring(colon + 1);
				ranges.add(
						new int[] { rowOf(first), rowOf(last), XlsxSource.columnOf(first), XlsxSource.columnOf(last) });
			}
		}
		return ranges.isEmpty() ? NONE : new MergedCells(ranges);
	}

	/** Ranges given directly, rows 1-based and columns 0-based. */
	static MergedCells ofRanges(List<int[]> ranges) {
		return ranges.isEmpty() ? NONE : new MergedCells(ranges);
	}

	/**
	 * Finds the {@code <mergeCells>} list of a sheet's XML. It follows the cell data, so
	 * the bytes are scanned, not parsed: inflating costs a fraction of parsing.
	 */
	static MergedCells scan(InputStream sheetXml) throws IOException {
		byte[] buffer = new byte[256 * 1024];
		int carry = 0;
		int read;
		while ((read = sheetXml.read(buffer, carry, buffer.length - carry)) > 0) {
			int length = carry + read;
			int found = find(buffer, length);
			if (found >= 0) {
				ByteArrayOutputStream tail = new ByteArrayOutputStream();
				tail.write(buffer, found, length - found);
				while (tail.size() < MAX_TAIL && (read = sheetXml.read(buffer)) > 0) {
					tail.write(buffer, 0, read);
				}
				List<String> references = new ArrayList<>();
				Matcher merge = MERGE.matcher(tail.toString(StandardCharsets.UTF_8));
				while (merge.find()) {
					references.add(merge.group(1));
				}
				return of(references);
			}
			// keep the end, where the tag may have been cut in two
			carry = Math.min(64, length);
			System.arraycopy(buffer, length - carry, buffer, 0, carry);
		}
		return NONE;
	}

	/** Clears the covered cells of a row; rows must come in increasing order. */
	void clear(long row, List<String> cells) {
		if (this.ranges.isEmpty()) {
			return;
		}
		while (this.next < this.ranges.size() && this.ranges.get(this.next)[0] <= row) {
			this.active.add(this.ranges.get(this.next++));
		}
		this.active.removeIf((range) -> range[1] < row);
		for (int[] range : this.active) {
			for (int column = range[2]; column <= range[3] && column < cells.size(); column++) {
				if (row != range[0] || column != range[2]) {
					cells.set(column, null);
				}
			}
		}
	}

	/**
	 * The position of a {@code <mergeCells} or {@code <prefix:mergeCells} tag: text
	 * content cannot hold a {@code <}, so a match is the element.
	 */
	private static int find(byte[] bytes, int length) {
		outer: for (int i = 1; i + TAG.length <= length; i++) {
			for (int j = 0; j < TAG.length; j++) {
				if (bytes[i + j] != TAG[j]) {
					continue outer;
				}
			}
			int start = i - 1;
			if (bytes[start] == ':') {
				while (start > 0 && isNameByte(bytes[start - 1])) {
					start--;
				}
				start--;
			}
			if (start >= 0 && bytes[start] == '<') {
				return start;
			}
		}
		return -1;
	}

	private static boolean isNameByte(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-'
				|| b == '.';
	}

	private static int rowOf(String reference) {
		int row = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c >= '0' && c <= '9') {
				row = row * 10 + (c - '0');
			}
		}
		return row;
	}

}
