package fpimport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The job repositories of the integration tests: an H2 file in the test's directory, or,
 * inside a test that runs on PostgreSQL, a database of the test's own on the server that
 * {@value #POSTGRES_URL_VARIABLE} names (a JDBC URL whose role may create databases). A
 * test that needs PostgreSQL is skipped, saying why, when the variable is not set.
 */
public final class TestDatabases {

	/** The environment variable with the JDBC URL of the tests' PostgreSQL server. */
	public static final String POSTGRES_URL_VARIABLE = "FPIMPORT_TEST_POSTGRES_URL";

	private static final ThreadLocal<PostgresDatabase> CURRENT = new ThreadLocal<>();

	private TestDatabases() {
	}

	/**
	 * The job repository URL for a test whose files are in {@code directory}: the current
	 * PostgreSQL database when the test runs on one, else an H2 file there.
	 */
	public static String url(Path directory) {
		PostgresDatabase postgres = CURRENT.get();
		return (postgres != null) ? postgres.url() : "jdbc:h2:file:" + directory.resolve("fpimport");
	}

	/**
	 * A new, empty database on the tests' PostgreSQL server; skips the calling test when
	 * there is none.
	 */
	public static PostgresDatabase newPostgres() {
		String server = System.getenv(POSTGRES_URL_VARIABLE);
		Assumptions.assumeTrue(server != null && !server.isBlank(), "no PostgreSQL for this test: set "
				+ POSTGRES_URL_VARIABLE + " to a JDBC URL whose role may create databases (.ci/run does)");
		String name = "fpimport_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute(server, "CREATE DATABASE " + name);
		return new PostgresDatabase(server, name, withDatabase(server, name));
	}

	/** The server's URL with another database in its path. */
	static String withDatabase(String serverUrl, String database) {
		int hosts = serverUrl.indexOf("//");
		int path = serverUrl.indexOf('/', hosts + 2);
		int query = serverUrl.indexOf('?', hosts + 2);
		String head = serverUrl.substring(0, (path < 0) ? ((query < 0) ? serverUrl.length() : query) : path);
		String tail = (query < 0) ? "" : serverUrl.substring(query);
		return head + "/" + database.toLowerCase(Locale.ROOT) + tail;
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL_VARIABLE + ": " + ex.getMessage(), ex);
		}
	}

	/** A database of one test; closing drops it. */
	public record PostgresDatabase(String serverUrl, String name, String url) implements AutoCloseable {

		/**
		 * Drops the database, trying again for a while: FORCE may not end a backend of
		 * another role, such as an autovacuum worker busy with the database for a moment.
		 */
		@Override
		public void close() {
			for (int attempt = 1;; attempt++) {
				try {
					execute(this.serverUrl, "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
					return;
				}
				catch (IllegalStateException ex) {
					if (attempt == 20) {
						throw ex;
					}
					try {
						Thread.sleep(250);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						throw ex;
					}
				}
			}
		}

	}

	/**
	 * Runs each test of a class on a PostgreSQL database of its own: {@link #url(Path)}
	 * gives it to the test's command lines. Register it in a subclass of an H2 test to
	 * run that test on PostgreSQL too.
	 */
	public static final class OnPostgres implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			CURRENT.set(newPostgres());
		}

		@Override
		public void afterEach(ExtensionContext context) {
			PostgresDatabase database = CURRENT.get();
			CURRENT.remove();
			if (database != null) {
				database.close();
			}
		}

	}

}
