package fpimport.source.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset of a CSV file: a byte order mark first, then the setting, then strict
 * UTF-8, then what juniversalchardet guesses, then GB18030 (the superset of GBK that
 * Chinese Excel and WPS write).
 *
 * @param charset the charset to decode with
 * @param how how it was chosen, for messages: {@code byte order mark}, {@code detected},
 * {@code set}
 */
record CsvEncoding(Charset charset, String how) {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final String HINT = "set the file's encoding with source.encoding in the mapping (or --encoding), "
			+ "e.g. UTF-8, GBK, GB18030, UTF-16, or save the file from Excel as \"CSV UTF-8\"";

	/** Chooses the charset from the setting or the first bytes of the file. */
	static CsvEncoding choose(String file, String setting, byte[] head, boolean wholeFile) {
		Charset set = "auto".equalsIgnoreCase(setting) ? null : named(file, setting);
		Charset bom = byteOrderMark(head);
		// a byte order mark is certain, a setting may be stale: a nightly export that
		// switched to Excel's "CSV UTF-8" still reads right
		if (bom != null) {
			boolean differs = set != null && !set.equals(bom) && !(set.name().equals("UTF-16"));
			return new CsvEncoding(differs ? bom : (set != null ? set : bom),
					differs ? "byte order mark; " + setting + " was set" : "byte order mark");
		}
		if (set != null) {
			return new CsvEncoding(set, "set");
		}
		if (decodes(StandardCharsets.UTF_8, head, wholeFile)) {
			return new CsvEncoding(StandardCharsets.UTF_8, "detected");
		}
		UniversalDetector detector = new UniversalDetector();
		detector.handleData(head, 0, head.length);
		detector.dataEnd();
		String guess = detector.getDetectedCharset();
		if (guess != null && Charset.isSupported(guess)) {
			Charset guessed = Charset.forName(guess);
			// GBK text is guessed as GB18030 or, for short samples, as a Big5 or Japanese
			// charset; a Chinese spreadsheet's default wins when it decodes the bytes
			if (!guessed.equals(GB18030) && decodes(GB18030, head, wholeFile) && isEastAsian(guessed)) {
				return new CsvEncoding(GB18030, "detected");
			}
			if (decodes(guessed, head, wholeFile)) {
				return new CsvEncoding(guessed, "detected");
			}
		}
		if (decodes(GB18030, head, wholeFile)) {
			return new CsvEncoding(GB18030, "detected");
		}
		throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot tell the text encoding: "
				+ firstUndecodable(head) + " is neither UTF-8 nor GB18030/GBK", HINT);
	}

	/**
	 * Where UTF-8 decoding of the bytes first fails, as a line and column (characters)
	 * and byte offset.
	 */
	static String firstUndecodable(byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
		while (true) {
			var result = decoder.decode(in, out, true);
			if (result.isError()) {
				break;
			}
			if (result.isUnderflow()) {
				return "the start of the file";
			}
			out.clear();
		}
		int offset = in.position();
		long line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		int column = 1;
		for (int i = lineStart; i < offset; i++) {
			if ((bytes[i] & 0xC0) != 0x80) {
				column++;
			}
		}
		return "line " + line + ", column " + column + " (byte " + (offset + 1) + ", 0x"
				+ String.format("%02X", bytes[offset] & 0xFF) + ")";
	}

	String describe() {
		return this.charset.name() + " (" + this.how + ")";
	}

	private static Charset named(String file, String name) {
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": unknown encoding '" + name + "'",
					"use auto or a charset name such as UTF-8, GBK, GB18030, UTF-16, windows-1252");
		}
	}

	private static Charset byteOrderMark(byte[] head) {
		if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	private static boolean isEastAsian(Charset charset) {
		String name = charset.name().toUpperCase(java.util.Locale.ROOT);
		return name.contains("BIG5") || name.contains("JIS") || name.contains("EUC") || name.startsWith("GB")
				|| name.contains("HZ");
	}

	/**
	 * Whether the bytes decode without error; when they are only the start of the file, a
	 * character cut at the end does not count.
	 */
	private static boolean decodes(Charset charset, byte[] bytes, boolean wholeFile) {
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int cut = wholeFile ? 0 : 3;
		for (int drop = 0; drop <= Math.min(cut, bytes.length); drop++) {
			try {
				decoder.reset();
				decoder.decode(ByteBuffer.wrap(bytes, 0, bytes.length - drop));
				return true;
			}
			catch (CharacterCodingException ex) {
				// try again without a possibly cut last character
			}
		}
		return false;
	}

}
