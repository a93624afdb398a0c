package fpimport.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * The job repository's JDBC URL: an H2 file under {@code ~/.fpimport/} unless one is
 * given, and for any H2 file database, commits that reach the disk before they return
 * ({@code WRITE_DELAY=0}), so a killed process loses no committed row, and a page cache
 * of {@value #H2_CACHE_KB} KB ({@code CACHE_SIZE}), unless the URL says otherwise.
 */
public final class JobDatabase {

	private static final int H2_DATABASE_IN_USE = 90020;

	/**
	 * H2's page cache, in KB, unless the URL sets it. H2's own default is a sixteenth of
	 * the heap (16 MB at 256 MB), counted by its estimate of a page's size; the pages it
	 * holds take several times that on the heap, long enough to reach the old generation:
	 * with it, a million ledger lookups kept the garbage collector busy three times as
	 * long, and the lookups were no faster (docs/benchmarks.md, tenth pass).
	 */
	static final int H2_CACHE_KB = 4096;

	static {
		// H2 keeps a cache of the values bound to statements, looked up by their hash:
		// the hash of every stored row's cells and problems, which a run never binds
		// twice. Read once, when H2 first loads; a user's -Dh2.objectCache wins.
		if (System.getProperty("h2.objectCache") == null) {
			System.setProperty("h2.objectCache", "false");
		}
	}

	private JobDatabase() {
	}

	/** The URL to use for the given one ({@code null} or blank for the default). */
	public static String url(String given) {
		String url = (given == null || given.isBlank()) ? defaultUrl() : given.strip();
		DatabaseUrl.check(url);
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:file:")) {
			url = "jdbc:h2:file:" + absolute(url.substring("jdbc:h2:file:".length()));
		}
		if (lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.contains("write_delay")) {
			url = url + ";WRITE_DELAY=0";
		}
		if (lower.startsWith("jdbc:h2:file:") && !lower.contains(";cache_size=")) {
			url = url + ";CACHE_SIZE=" + H2_CACHE_KB;
		}
		return url;
	}

	/**
	 * H2 refuses a path relative to the working directory unless it says so: say it for
	 * the user.
	 */
	private static String absolute(String pathAndSettings) {
		int semicolon = pathAndSettings.indexOf(';');
		String path = (semicolon < 0) ? pathAndSettings : pathAndSettings.substring(0, semicolon);
		String settings = (semicolon < 0) ? "" : pathAndSettings.substring(semicolon);
		if (path.startsWith("~") || path.startsWith("./") || path.startsWith("../") || Path.of(path).isAbsolute()) {
			return pathAndSettings;
		}
		return Path.of(path).toAbsolutePath() + settings;
	}

	/**
	 * Refuses an H2 server database ({@code jdbc:h2:tcp:} or {@code ssl:}) on a host
	 * other than the loopback: an H2 client trusts its server with the data it sends
	 * back. Only the user's explicit {@code --allow-remote-db} lets one through.
	 */
	public static void refuseRemoteServer(String given) {
		if (given != null) {
			DatabaseUrl.refuseRemoteServer(given.strip());
		}
	}

	/**
	 * Refuses an H2 file database whose directory cannot hold it (a file on the way, a
	 * read-only directory), in one line; H2 itself answers with pages of stack traces.
	 */
	static void checkPlace(String url) {
		if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
			return;
		}
		String location = url.substring("jdbc:h2:file:".length());
		int semicolon = location.indexOf(';');
		String path = (semicolon < 0) ? location : location.substring(0, semicolon);
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		Path database = Path.of(path).toAbsolutePath().normalize();
		Path existing = database.getParent();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		String why = null;
		if (existing != null && !Files.isDirectory(existing)) {
			why = existing + " is a file, not a directory";
		}
		else if (existing != null && !Files.isWritable(existing)) {
			why = existing + " is not writable";
		}
		Path file = database.resolveSibling(database.getFileName() + ".mv.db");
		if (why == null && Files.exists(file) && !Files.isWritable(file)) {
			why = file + " is read-only";
		}
		if (why != null) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"cannot keep the job repository " + withoutSecrets(url) + " there: " + why,
					"give --db (FPIMPORT_DB) an H2 file in a writable directory, e.g. jdbc:h2:file:~/.fpimport/fpimport");
		}
	}

	static String defaultUrl() {
		Path file = Path.of(System.getProperty("user.home"), ".fpimport", "fpimport");
		return "jdbc:h2:file:" + file;
	}

	/**
	 * The fault behind a failed start of the database, in the user's words where it is
	 * known.
	 */
	static RuntimeException explain(RuntimeException failure, String url) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
				return new FpImportException(Reason.INVALID_INPUT,
						"the job repository " + withoutSecrets(url) + " is in use by another fpimport process",
						"wait for that run to end, or give another database with --db", failure);
			}
			if (cause instanceof SQLException sql) {
				return new FpImportException(Reason.INVALID_INPUT,
						"cannot open the job repository " + withoutSecrets(url) + ": " + firstLine(sql.getMessage()),
						"check --db (FPIMPORT_DB) and that the database is reachable", failure);
			}
		}
		return failure;
	}

	/** A URL without a password parameter, fit for a message. */
	static String withoutSecrets(String url) {
		return url.replaceAll("(?i)(password=)[^;&]*", "$1******");
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
