package fpimport.job;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import fpimport.failure.FpImportException;
import fpimport.workitem.Printable;
import fpimport.failure.FpImportException.Reason;

/**
 * What a job repository URL may say, whichever source it comes from (flag, environment,
 * settings file): only settings known to be harmless. H2 and the PostgreSQL driver also
 * take settings that run SQL or Java code ({@code INIT=RUNSCRIPT FROM ...},
 * {@code CREATE ALIAS}, {@code socketFactory}), load classes or write files
 * ({@code TRACE_LEVEL_FILE}, {@code loggerFile}); a settings file is configuration and
 * never runs code, so anything not on the list is refused.
 */
final class DatabaseUrl {

	/** H2 URL settings that neither run code nor read or write other files. */
	static final Set<String> H2_SETTINGS = Set.of("USER", "PASSWORD", "WRITE_DELAY", "MODE", "AUTO_SERVER",
			"AUTO_SERVER_PORT", "AUTO_RECONNECT", "DB_CLOSE_DELAY", "DB_CLOSE_ON_EXIT", "IFEXISTS", "FORBID_CREATION",
			"FILE_LOCK", "LOCK_TIMEOUT", "LOCK_MODE", "ACCESS_MODE_DATA", "CACHE_SIZE", "CIPHER", "DATABASE_TO_UPPER",
			"DATABASE_TO_LOWER", "CASE_INSENSITIVE_IDENTIFIERS", "DEFAULT_NULL_ORDERING", "NON_KEYWORDS", "TIME_ZONE",
			"MAX_COMPACT_TIME", "RETENTION_TIME", "COMPRESS", "PAGE_SIZE", "QUERY_TIMEOUT", "MAX_MEMORY_ROWS");

	/**
	 * PostgreSQL driver parameters that neither load classes nor write files (lower
	 * case).
	 */
	static final Set<String> POSTGRES_PARAMETERS = Set.of("user", "password", "ssl", "sslmode", "sslrootcert",
			"sslcert", "sslkey", "applicationname", "currentschema", "connecttimeout", "sockettimeout", "logintimeout",
			"tcpkeepalive", "targetservertype", "loadbalancehosts", "rewritebatchedinserts", "preparethreshold",
			"defaultrowfetchsize", "readonly", "gssencmode", "channelbinding");

	private DatabaseUrl() {
	}

	/**
	 * Refuses a URL of another kind than H2 or PostgreSQL, or with a setting not on the
	 * list.
	 */
	static void check(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:")) {
			checkH2(url);
		}
		else if (lower.startsWith("jdbc:postgresql:")) {
			checkPostgres(url);
		}
		else {
			throw refused(url, "only H2 (jdbc:h2:) and PostgreSQL (jdbc:postgresql:) job repositories are supported",
					"give --db an H2 file (jdbc:h2:file:PATH) or a PostgreSQL URL");
		}
	}

	private static void checkH2(String url) {
		String[] parts = url.split(";", -1);
		String location = parts[0].substring("jdbc:h2:".length());
		String lower = location.toLowerCase(Locale.ROOT);
		boolean known = lower.startsWith("file:") || lower.startsWith("mem:") || lower.startsWith("tcp://")
				|| lower.startsWith("ssl://") || !hasPrefix(location);
		if (!known) {
			throw refused(url, "the H2 location '" + location + "' is not a file, mem, tcp or ssl database",
					"give --db jdbc:h2:file:PATH");
		}
		for (int i = 1; i < parts.length; i++) {
			String part = parts[i].strip();
			if (part.isEmpty()) {
				continue;
			}
			int equals = part.indexOf('=');
			String key = ((equals < 0) ? part : part.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
			if (!H2_SETTINGS.contains(key)) {
				throw refused(url, "the H2 setting " + printable(key) + " is not allowed: fpimport takes no setting"
						+ " that can run code or read or write other files (INIT, RUNSCRIPT, TRACE_LEVEL_FILE, ...)",
						"remove it from --db, FPIMPORT_DB or 'db:' in fpimport.yml; allowed: "
								+ String.join(", ", new TreeSet<>(H2_SETTINGS)));
			}
		}
	}

	/**
	 * A file system prefix such as {@code zip:} or {@code nio:}, but not a drive letter.
	 */
	private static boolean hasPrefix(String location) {
		int colon = location.indexOf(':');
		return colon > 1;
	}

	private static void checkPostgres(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return;
		}
		for (String pair : url.substring(query + 1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = ((equals < 0) ? pair : pair.substring(0, equals)).strip();
			if (!POSTGRES_PARAMETERS.contains(key.toLowerCase(Locale.ROOT))) {
				throw refused(url,
						"the PostgreSQL parameter " + printable(key) + " is not allowed: fpimport takes"
								+ " no parameter that can load classes or write files (socketFactory, loggerFile, ...)",
						"remove it from --db, FPIMPORT_DB or 'db:' in fpimport.yml");
			}
		}
	}

	/** Refuses an H2 server database on a host that is not the loopback. */
	static void refuseRemoteServer(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		String scheme = lower.startsWith("jdbc:h2:tcp://") ? "jdbc:h2:tcp://"
				: lower.startsWith("jdbc:h2:ssl://") ? "jdbc:h2:ssl://" : null;
		if (scheme == null) {
			return;
		}
		String rest = url.substring(scheme.length());
		int slash = rest.indexOf('/');
		String hosts = (slash < 0) ? rest : rest.substring(0, slash);
		for (String host : hosts.split(",")) {
			String name = host.strip();
			if (name.startsWith("[")) {
				name = name.substring(1, Math.max(1, name.indexOf(']')));
			}
			else if (name.indexOf(':') >= 0) {
				name = name.substring(0, name.indexOf(':'));
			}
			if (!isLoopback(name)) {
				throw new FpImportException(Reason.INVALID_INPUT,
						"the job repository " + JobDatabase.withoutSecrets(url) + " is an H2 server on "
								+ printable(host.strip()) + ", not on this machine",
						"pass --allow-remote-db if you trust that server, or use a PostgreSQL repository");
			}
		}
	}

	private static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("::1")
				|| lower.equals("0:0:0:0:0:0:0:1");
	}

	private static FpImportException refused(String url, String why, String hint) {
		return new FpImportException(Reason.INVALID_INPUT,
				"the job repository URL " + printable(JobDatabase.withoutSecrets(url)) + " is refused: " + why, hint);
	}

	private static String printable(String text) {
		return Printable.line(text);
	}

}
