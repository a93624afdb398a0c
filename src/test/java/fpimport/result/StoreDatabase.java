package fpimport.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job repository of each test's own: an H2 file database in a new directory, with
 * fpimport's schema, and a store over it; deleted after the test.
 */
final class StoreDatabase implements BeforeEachCallback, AfterEachCallback {

	private Path directory;

	private JdbcDataSource dataSource;

	private ResultStore store;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.directory = Files.createTempDirectory("fpimport-store-");
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:file:" + this.directory.resolve("db") + ";WRITE_DELAY=0");
		ResultStore.createSchema(this.dataSource);
		this.store = new ResultStore(this.dataSource);
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	ResultStore store() {
		return this.store;
	}

	JdbcDataSource dataSource() {
		return this.dataSource;
	}

	/** Starts a run of {@code a.csv} into type {@code story} of project {@code p}. */
	long startRun(boolean dryRun) {
		return this.store.startRun(new NewRun(RunKind.IMPORT, null, dryRun, "a.csv", "sha-a", null, "m.yaml",
				"mapping-sha", "type: story", "skip", "p", "story"));
	}

	/** The numbers of the rows of a run kept one by one ({@code FPI_ROW}), in order. */
	List<Long> storedRowNumbers(long runId) {
		return new ArrayList<>(new JdbcTemplate(this.dataSource)
			.queryForList("SELECT ROW_NO FROM FPI_ROW WHERE RUN_ID = ? ORDER BY ROW_NO", Long.class, runId));
	}

}
