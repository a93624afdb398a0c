package fpimport.result;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What watchers sharing one job repository agree on: who is importing which file (a
 * claim, a row with its holder and an expiry that the holder pushes forward while it
 * works, taken by an atomic INSERT or by an UPDATE of an expired row), and what each file
 * became. Expiry is measured by the database's clock, so hosts whose clocks differ still
 * agree. Each statement commits on its own.
 */
public final class FileClaims {

	private final JdbcTemplate jdbc;

	public FileClaims(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Creates the claim and file tables when they are missing. */
	public static void createSchema(DataSource dataSource) {
		SchemaScript.apply(dataSource, "fpimport/schema-watch.sql");
	}

	/**
	 * Takes the claim on a key for a holder, unless another live holder has it. A holder
	 * that has it already renews it; a claim whose holder stopped renewing it (died) for
	 * longer than its time to live is taken over.
	 * @return whether the holder has the claim now
	 */
	public boolean claim(String key, String holder, Duration ttl) {
		try {
			this.jdbc.update("INSERT INTO FPI_FILE_CLAIM (CLAIM_KEY, HOLDER, CLAIMED_AT, EXPIRES_AT) "
					+ "VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND)",
					key, holder, seconds(ttl));
			return true;
		}
		catch (DataIntegrityViolationException taken) {
			// someone has it, or had it: take it over only if it expired (or is ours)
			return this.jdbc.update(
					"UPDATE FPI_FILE_CLAIM SET HOLDER = ?, CLAIMED_AT = CURRENT_TIMESTAMP, EXPIRES_AT = "
							+ "CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND WHERE CLAIM_KEY = ? "
							+ "AND (HOLDER = ? OR EXPIRES_AT < CURRENT_TIMESTAMP)",
					holder, seconds(ttl), key, holder) == 1;
		}
	}

	/**
	 * Pushes the expiry of a claim forward.
	 * @return whether the holder still had it (false: it expired and was taken over)
	 */
	public boolean renew(String key, String holder, Duration ttl) {
		return this.jdbc.update(
				"UPDATE FPI_FILE_CLAIM SET EXPIRES_AT = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND "
						+ "WHERE CLAIM_KEY = ? AND HOLDER = ?",
				seconds(ttl), key, holder) == 1;
	}

	/** Gives a claim up, if the holder still has it. */
	public void release(String key, String holder) {
		this.jdbc.update("DELETE FROM FPI_FILE_CLAIM WHERE CLAIM_KEY = ? AND HOLDER = ?", key, holder);
	}

	/** The holder of a claim, if someone has it (expired or not). */
	public List<String> holders(String key) {
		return this.jdbc.queryForList("SELECT HOLDER FROM FPI_FILE_CLAIM WHERE CLAIM_KEY = ?", String.class, key);
	}

	/** The newest completed (not dry) run of this file content and mapping, if any. */
	public OptionalLong completedRun(String sourceSha256, String mappingSha256) {
		List<Long> runs = this.jdbc.queryForList(
				"SELECT RUN_ID FROM FPI_RUN WHERE SOURCE_SHA256 = ? AND MAPPING_SHA256 = ? AND STATUS = ? "
						+ "AND DRY_RUN = FALSE ORDER BY RUN_ID DESC",
				Long.class, sourceSha256, mappingSha256, RunStatus.COMPLETED.name());
		return runs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(runs.get(0));
	}

	/**
	 * Records where a watched file went and, when it has a run, points the run at the
	 * file's and report's new places.
	 */
	public void handled(HandledFile file) {
		this.jdbc.update(
				"INSERT INTO FPI_WATCHED_FILE (SOURCE_SHA256, MAPPING_SHA256, FILE_NAME, RUN_ID, OUTCOME, MOVED_TO, "
						+ "HOLDER, HANDLED_AT) VALUES (?,?,?,?,?,?,?,?)",
				file.sourceSha256(), file.mappingSha256(), file.fileName(), file.runId(), file.outcome(),
				file.movedTo(), file.holder(), Instant.now().atOffset(ZoneOffset.UTC));
		if (file.runId() != null && file.movedTo() != null) {
			this.jdbc.update(
					"UPDATE FPI_RUN SET SOURCE_FILE = ?, REPORT_PATH = COALESCE(?, REPORT_PATH) WHERE RUN_ID = ?",
					file.movedTo(), file.reportPath(), file.runId());
		}
	}

	private static long seconds(Duration ttl) {
		return Math.max(1, (ttl.toMillis() + 999) / 1000);
	}

	/**
	 * A file a watcher handled.
	 *
	 * @param outcome what became of it: {@code done}, {@code failed}, {@code duplicate}
	 * @param movedTo where the file is now, or {@code null} when it stayed
	 * @param reportPath where its report is now, or {@code null}
	 */
	public record HandledFile(String sourceSha256, String mappingSha256, String fileName, Long runId, String outcome,
			String movedTo, String reportPath, String holder) {

		public HandledFile {
			Objects.requireNonNull(sourceSha256, "sourceSha256");
			Objects.requireNonNull(mappingSha256, "mappingSha256");
			Objects.requireNonNull(fileName, "fileName");
			Objects.requireNonNull(outcome, "outcome");
			Objects.requireNonNull(holder, "holder");
		}

	}

}
