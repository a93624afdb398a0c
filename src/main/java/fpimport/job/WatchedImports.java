package fpimport.job;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

import fpimport.api.ApiSettings;
import fpimport.mapping.MappingFile;
import fpimport.result.FileClaims;
import fpimport.result.ResultStore;
import fpimport.result.RunRecord;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The imports of a watched inbox: one mapping, one job repository, one space. Tells
 * whether a file's content was imported before or has an unfinished run, runs or resumes
 * its import, and gives the claims that keep watchers sharing the repository apart.
 * Between imports it holds no connection, so an H2 file stays free for other commands.
 */
public final class WatchedImports {

	private final String databaseUrl;

	private final Path mapping;

	private final String mappingSha;

	private final ApiSettings api;

	private final JobSettings settings;

	private final ResultStore store;

	private final FileClaims claims;

	private WatchedImports(String databaseUrl, Path mapping, String mappingSha, ApiSettings api, JobSettings settings) {
		this.databaseUrl = databaseUrl;
		this.mapping = mapping;
		this.mappingSha = mappingSha;
		this.api = api;
		this.settings = settings;
		DriverManagerDataSource dataSource = new DriverManagerDataSource(databaseUrl);
		createSchema(dataSource, databaseUrl);
		this.store = new ResultStore(dataSource);
		this.claims = new FileClaims(dataSource);
	}

	/**
	 * Creates the tables when they are missing. Watchers that start at once on a new
	 * database race to create them, and the loser's "already exists" goes away when it
	 * tries again.
	 */
	private static void createSchema(DriverManagerDataSource dataSource, String databaseUrl) {
		for (int attempt = 1;; attempt++) {
			try {
				ResultStore.createSchema(dataSource);
				FileClaims.createSchema(dataSource);
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == 3) {
					throw JobDatabase.explain(ex, databaseUrl);
				}
				try {
					Thread.sleep(100L + java.util.concurrent.ThreadLocalRandom.current().nextLong(400));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw JobDatabase.explain(ex, databaseUrl);
				}
			}
		}
	}

	/**
	 * Opens the job repository and checks the mapping (a watcher with a broken mapping
	 * would fail every file).
	 * @param databaseUrl the job repository, or {@code null} for the default H2 file
	 */
	public static WatchedImports open(String databaseUrl, Path mapping, ApiSettings api, JobSettings settings) {
		Path absolute = mapping.toAbsolutePath().normalize();
		MappingFile read = MappingFile.read(absolute);
		JobDatabase.checkPlace(url(databaseUrl));
		return new WatchedImports(url(databaseUrl), absolute, Fingerprints.of(read.text()), api, settings);
	}

	/**
	 * The repository URL; an H2 database is not closed by H2's own shutdown hook, so that
	 * a watcher stopping on SIGTERM can still record the chunk in hand.
	 */
	static String url(String given) {
		String url = JobDatabase.url(given);
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.contains("db_close_on_exit")) {
			url = url + ";DB_CLOSE_ON_EXIT=FALSE";
		}
		return url;
	}

	/** The SHA-256 of the mapping's text, as runs store it. */
	public String mappingSha() {
		return this.mappingSha;
	}

	/** Where reports go when the user chose a place, else {@code null}. */
	public Path reportDirectory() {
		return this.settings.reportDirectory();
	}

	/** The SHA-256 of a file's content, as runs store it. */
	public String fileSha(Path file) {
		return Fingerprints.of(file);
	}

	/** The newest completed run of this content with the mapping, if any. */
	public OptionalLong completedRun(String fileSha) {
		return this.claims.completedRun(fileSha, this.mappingSha);
	}

	/** The newest unfinished run of this content with the mapping, if any. */
	public OptionalLong unfinishedRun(String fileSha) {
		return this.store.unfinishedRun(fileSha, this.mappingSha)
			.map((run) -> OptionalLong.of(run.runId()))
			.orElse(OptionalLong.empty());
	}

	/** The run with this id. */
	public RunRecord run(long runId) {
		return this.store.run(runId).orElseThrow();
	}

	/**
	 * Imports a file as a new run.
	 * @param reportDirectory where its report goes when the user chose no place
	 * @param progress hears the run, and may stop it between chunks
	 */
	public RunOutcome importFile(Path file, OnExisting onExisting, String projectOverride, Path reportDirectory,
			RunProgress progress) {
		return launcher(reportDirectory, progress)
			.importFile(new ImportRequest(file, this.mapping, projectOverride, false, onExisting));
	}

	/** Continues an unfinished run. */
	public RunOutcome resume(long runId, Path reportDirectory, RunProgress progress) {
		// the watcher holds the run's claim: no other process works on it
		return launcher(reportDirectory, progress).resume(runId, true);
	}

	/** The claims and records of the watchers sharing this repository. */
	public FileClaims claims() {
		return this.claims;
	}

	private ImportLauncher launcher(Path reportDirectory, RunProgress progress) {
		JobSettings settings = (this.settings.reportDirectory() != null) ? this.settings
				: this.settings.withReport(reportDirectory, this.settings.reportFormat());
		return new ImportLauncher(this.databaseUrl, this.api, settings, progress);
	}

}
