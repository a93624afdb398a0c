package fpimport.source.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A sheet's XML cut into blocks of whole rows, each of which parses on its own: the bytes
 * before the first row ({@link #prolog}, which opens {@code <sheetData>}), then blocks of
 * rows ({@link #next}), each to be read between the prolog and {@link #closing}. The
 * bytes are scanned, not parsed: every {@code <} of a well-formed document starts markup
 * (text and attribute values escape it), so a block ends after a row's end tag found by
 * following tags, comments, CDATA sections and processing instructions. Elements are
 * matched by local name, whatever their prefix, as the sheet's reader does. What follows
 * the rows is only looked at for a merged range ({@link #hasMergedCells}).
 */
final class SheetBlocks {

	/** A block ends at the first row end past this many bytes. */
	static final int BLOCK = 1 << 20;

	private final InputStream xml;

	private final int blockSize;

	private byte[] buffer;

	/** The bytes held: {@code buffer[start, end)}; scanned up to {@code position}. */
	private int start;

	private int end;

	private int position;

	private boolean eof;

	/** Elements open inside {@code <sheetData>} at {@code position}. */
	private int depth;

	private final byte[] prolog;

	private final byte[] closing;

	/** Whether the rows have ended ({@code </sheetData>} or an empty sheet). */
	private boolean rowsEnded;

	private boolean mergedCells;

	SheetBlocks(InputStream xml) throws IOException {
		this(xml, BLOCK);
	}

	SheetBlocks(InputStream xml, int blockSize) throws IOException {
		this.xml = xml;
		this.blockSize = blockSize;
		this.buffer = new byte[Math.max(64, 2 * blockSize)];
		String root = null;
		while (true) {
			int tag = nextTag();
			if (tag < 0) {
				throw new IOException("the sheet's XML has no <sheetData> element");
			}
			if (this.buffer[tag + 1] == '?' || this.buffer[tag + 1] == '!') {
				continue;
			}
			String name = name(tag);
			if (root == null) {
				root = name;
			}
			if (localName(name).equals("sheetData")) {
				this.prolog = Arrays.copyOfRange(this.buffer, 0, this.position);
				this.closing = ("</" + name + "></" + root + ">").getBytes(StandardCharsets.UTF_8);
				if (this.buffer[this.position - 2] == '/') {
					// <sheetData/>: no rows
					this.rowsEnded = true;
					afterRows();
				}
				this.start = this.position;
				return;
			}
		}
	}

	/** The document's bytes up to and with the start of {@code <sheetData>}. */
	byte[] prolog() {
		return this.prolog;
	}

	/** The end tags that close a block's document. */
	byte[] closing() {
		return this.closing;
	}

	/**
	 * The next rows, whole, of at least the block size unless they are the last; null
	 * when the rows have ended.
	 */
	byte[] next() throws IOException {
		if (this.rowsEnded) {
			return null;
		}
		while (true) {
			int tag = nextTag();
			if (tag < 0) {
				throw new IOException("the sheet's XML ends inside <sheetData>");
			}
			byte kind = this.buffer[tag + 1];
			if (kind == '?' || kind == '!') {
				continue;
			}
			boolean endTag = kind == '/';
			boolean rowEnded = false;
			if (endTag) {
				this.depth--;
				if (this.depth < 0) {
					// </sheetData>
					byte[] rows = Arrays.copyOfRange(this.buffer, this.start, tag);
					this.start = this.position;
					this.rowsEnded = true;
					afterRows();
					return (rows.length > 0) ? rows : null;
				}
				rowEnded = this.depth == 0 && localName(name(tag)).equals("row");
			}
			else if (this.buffer[this.position - 2] != '/') {
				this.depth++;
			}
			else {
				rowEnded = this.depth == 0 && localName(name(tag)).equals("row");
			}
			if (rowEnded && this.position - this.start >= this.blockSize) {
				byte[] rows = Arrays.copyOfRange(this.buffer, this.start, this.position);
				this.start = this.position;
				return rows;
			}
		}
	}

	/** Whether a merged range follows the rows; known once {@link #next} gave null. */
	boolean hasMergedCells() {
		return this.mergedCells;
	}

	/** Reads what follows the rows for a {@code <mergeCell>}. */
	private void afterRows() throws IOException {
		for (int tag = nextTag(); tag >= 0; tag = nextTag()) {
			byte kind = this.buffer[tag + 1];
			if (kind != '/' && kind != '?' && kind != '!' && localName(name(tag)).equals("mergeCell")) {
				this.mergedCells = true;
				return;
			}
			// nothing before this is needed again
			this.start = this.position;
		}
	}

	/**
	 * Finds the next markup from {@code position}: its {@code <} is returned, and
	 * {@code position} moves past its end; -1 at the end of the input.
	 */
	private int nextTag() throws IOException {
		while (true) {
			int open = indexOf((byte) '<', this.position);
			if (open < 0) {
				this.position = this.end;
				if (!fill()) {
					return -1;
				}
				continue;
			}
			int after = markupEnd(open);
			if (after < 0) {
				int offset = open - this.start;
				if (!fill()) {
					throw new IOException("the sheet's XML ends inside a tag");
				}
				open = this.start + offset;
				this.position = open;
				continue;
			}
			this.position = after;
			return open;
		}
	}

	/**
	 * The position after the markup starting at {@code open}, or -1 when the bytes held
	 * end before it does.
	 */
	private int markupEnd(int open) {
		if (open + 1 >= this.end) {
			return -1;
		}
		byte kind = this.buffer[open + 1];
		if (kind == '!' || kind == '?') {
			if (open + 9 > this.end && !this.eof) {
				// too few bytes to tell a comment from CDATA
				return -1;
			}
			if (starts(open, "<!--")) {
				int close = indexOf("-->", open + 4);
				return (close < 0) ? -1 : close + 3;
			}
			if (starts(open, "<![CDATA[")) {
				int close = indexOf("]]>", open + 9);
				return (close < 0) ? -1 : close + 3;
			}
			if (kind == '?') {
				int close = indexOf("?>", open + 2);
				return (close < 0) ? -1 : close + 2;
			}
		}
		// a tag (or a declaration): its end is the first > outside a quoted attribute
		// value
		byte[] bytes = this.buffer;
		int limit = this.end;
		for (int i = open + 1; i < limit; i++) {
			byte b = bytes[i];
			if (b == '>') {
				return i + 1;
			}
			if (b == '"' || b == '\'') {
				int close = indexOf(b, i + 1);
				if (close < 0) {
					return -1;
				}
				i = close;
			}
		}
		return -1;
	}

	/** The qualified name of the tag at {@code open}. */
	private String name(int open) {
		int from = open + ((this.buffer[open + 1] == '/') ? 2 : 1);
		int to = from;
		while (to < this.end && !isNameEnd(this.buffer[to])) {
			to++;
		}
		return new String(this.buffer, from, to - from, StandardCharsets.UTF_8);
	}

	private static boolean isNameEnd(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '>' || b == '/';
	}

	private static String localName(String name) {
		int colon = name.indexOf(':');
		return (colon < 0) ? name : name.substring(colon + 1);
	}

	private boolean starts(int at, String text) {
		int length = text.length();
		if (at + length > this.end) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (this.buffer[at + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private int indexOf(byte b, int from) {
		byte[] bytes = this.buffer;
		for (int i = from; i < this.end; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

	private int indexOf(String text, int from) {
		byte first = (byte) text.charAt(0);
		for (int i = indexOf(first, from); i >= 0 && i + text.length() <= this.end; i = indexOf(first, i + 1)) {
			if (starts(i, text)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Reads more input after the bytes held, keeping those from {@code start}; false at
	 * the end of the input.
	 */
	private boolean fill() throws IOException {
		if (this.eof) {
			return false;
		}
		if (this.start > 0) {
			int held = this.end - this.start;
			System.arraycopy(this.buffer, this.start, this.buffer, 0, held);
			this.position -= this.start;
			this.end = held;
			this.start = 0;
		}
		if (this.end == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, 2 * this.buffer.length);
		}
		int room = this.buffer.length - this.end;
		int read = this.xml.readNBytes(this.buffer, this.end, room);
		this.end += read;
		// readNBytes fills the room unless the input ends first
		this.eof = read < room;
		return read > 0;
	}

}
