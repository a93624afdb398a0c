package fpimport.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * The SHA-256 fingerprints runs store of their file and mapping: they tell a file's
 * content seen before, a changed file, and the same mapping again.
 */
final class Fingerprints {

	private Fingerprints() {
	}

	/** The SHA-256 of a file's content, in lower-case hex. */
	static String of(Path file) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check the file's permissions", ex);
		}
	}

	/** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
	static String of(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
