package fpimport.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import fpimport.api.ApiSettings;
import fpimport.api.OpenApiClient;
import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.report.RunSummary;
import fpimport.result.NewRun;
import fpimport.result.ResultStore;
import fpimport.result.RunKind;
import fpimport.result.RunRecord;
import fpimport.result.RunStatus;
import fpimport.workitem.FpImportException;
import fpimport.workitem.FpImportException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs imports, retries and resumes as Spring Batch jobs on a JDBC job repository. Each
 * call starts a Spring Boot context on the database, runs one job instance (one per run)
 * and closes it.
 */
public final class ImportLauncher {

	private static final Logger log = LoggerFactory.getLogger(ImportLauncher.class);

	private final String databaseUrl;

	private final ApiSettings api;

	private final JobSettings settings;

	private final RunProgress progress;

	/**
	 * @param databaseUrl the job repository's JDBC URL, or {@code null} for the default
	 * H2 file
	 * @param api how to reach the space
	 * @param settings how this invocation runs jobs
	 * @param progress hears how far a run has come
	 */
	public ImportLauncher(String databaseUrl, ApiSettings api, JobSettings settings, RunProgress progress) {
		this.databaseUrl = JobDatabase.url(databaseUrl);
		this.api = api;
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * Imports a file: a new run, unless an unfinished run of the same file and mapping
	 * exists.
	 */
	public RunOutcome importFile(ImportRequest request) {
		Path file = request.file().toAbsolutePath().normalize();
		if (!Files.isRegularFile(file)) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": no such file", "check the path of the file");
		}
		String mappingText = readMapping(request.mapping());
		MappingSpec mapping = MappingLoader.parse(mappingText, request.mapping().getFileName().toString());
		String projectKey = project(request.projectOverride(), mapping);
		String fileSha = sha256(file);
		String mappingSha = sha256(mappingText);
		return withInfrastructure((infrastructure) -> {
			ResultStore store = infrastructure.store();
			if (!request.dryRun()) {
				store.unfinishedRun(fileSha, mappingSha).ifPresent((run) -> {
					throw new FpImportException(Reason.INVALID_INPUT,
							"run " + run.runId() + " of " + file.getFileName() + " with this mapping is unfinished ("
									+ run.status().name().toLowerCase(java.util.Locale.ROOT) + ")",
							"run 'fpimport resume " + run.runId() + "' to finish it without creating anything twice");
				});
			}
			long runId = store.startRun(new NewRun(RunKind.IMPORT, null, request.dryRun(), file.toString(), fileSha,
					mapping.source().sheet(), request.mapping().toAbsolutePath().toString(), mappingSha, mappingText,
					request.onExisting().name(), projectKey, mapping.type()));
			return run(infrastructure, store.run(runId).orElseThrow(), mapping, "started");
		});
	}

	/**
	 * Imports again the rows of a finished run that did not succeed, from their stored
	 * cells, as a new run linked to it, with the mapping given or the run's own and fresh
	 * metadata.
	 */
	public RunOutcome retry(RetryRequest request) {
		return withInfrastructure((infrastructure) -> {
			ResultStore store = infrastructure.store();
			long parentId = request.parentRunId();
			RunRecord parent = store.run(parentId)
				.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT, "there is no run " + parentId,
						"'fpimport runs' lists the runs"));
			if (parent.dryRun()) {
				throw new FpImportException(Reason.INVALID_INPUT,
						"run " + parentId + " was a dry run: it created nothing to retry",
						"import the file: 'fpimport import FILE --mapping M.yaml'");
			}
			if (parent.status() != RunStatus.COMPLETED) {
				throw new FpImportException(Reason.INVALID_INPUT,
						"run " + parentId + " is unfinished ("
								+ parent.status().name().toLowerCase(java.util.Locale.ROOT)
								+ "): its rows in flight and not yet read are not settled",
						"run 'fpimport resume " + parentId + "' first, then retry what failed");
			}
			store.unfinishedRetry(parentId).ifPresent((open) -> {
				throw new FpImportException(Reason.INVALID_INPUT,
						"retry run " + open.runId() + " of run " + parentId + " is unfinished ("
								+ open.status().name().toLowerCase(java.util.Locale.ROOT) + ")",
						"run 'fpimport resume " + open.runId() + "' to finish it without creating anything twice");
			});
			String mappingText = (request.mapping() != null) ? readMapping(request.mapping()) : parent.mappingText();
			String mappingName = (request.mapping() != null) ? request.mapping().getFileName().toString()
					: "the mapping of run " + parentId;
			MappingSpec mapping = MappingLoader.parse(mappingText, mappingName);
			String projectKey = (request.projectOverride() != null || mapping.project() != null)
					? project(request.projectOverride(), mapping) : parent.projectKey();
			long chosen = store.retryCandidates(parentId, Long.MAX_VALUE)
				.stream()
				.filter(request.filter()::matches)
				.count();
			if (chosen == 0) {
				String filter = request.filter().describe();
				throw new FpImportException(Reason.INVALID_INPUT, "run " + parentId + " has no rows to retry"
						+ (filter.isEmpty() ? ": every row succeeded, in it or in a retry of it" : " with " + filter),
						"'fpimport runs " + parentId + "' shows the latest outcome of each row");
			}
			String mappingFile = (request.mapping() != null) ? request.mapping().toAbsolutePath().toString()
					: parent.mappingFile();
			long runId = store.startRun(new NewRun(RunKind.RETRY, parentId, false, parent.sourceFile(),
					parent.sourceSha256(), parent.sheet(), mappingFile, sha256(mappingText), mappingText,
					parent.onExisting(), projectKey, mapping.type()), request.filter());
			return run(infrastructure, store.run(runId).orElseThrow(), mapping, "started");
		});
	}

	/** Continues a run that stopped, as a restart of its job instance. */
	public RunOutcome resume(long runId) {
		return resume(runId, false);
	}

	/**
	 * Continues a run that stopped. On a database several processes share, a run whose
	 * last checkpoint is recent may still be running elsewhere: it is refused unless
	 * {@code force} says that process is gone (a watcher holding the run's claim knows it
	 * is).
	 */
	public RunOutcome resume(long runId, boolean force) {
		return withInfrastructure((infrastructure) -> {
			ResultStore store = infrastructure.store();
			RunRecord run = store.run(runId)
				.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT, "there is no run " + runId,
						"'fpimport runs' lists the runs"));
			if (run.status() == RunStatus.COMPLETED) {
				throw new FpImportException(Reason.INVALID_INPUT, "run " + runId + " is complete: nothing to resume",
						"'fpimport retry " + runId + "' imports its failed rows again");
			}
			if (run.kind() == RunKind.IMPORT) {
				sameFile(run);
			}
			MappingSpec mapping = MappingLoader.parse(run.mappingText(), "the mapping of run " + runId);
			JobExecution last = infrastructure.repository().getLastJobExecution(ImportJob.NAME, parameters(runId));
			if (last != null && last.getStatus().isRunning()) {
				if (!force) {
					notRunningElsewhere(runId, this.databaseUrl, last.getLastUpdated(), LocalDateTime.now());
				}
				// a killed process leaves its execution STARTED; mark it so that it can
				// restart
				infrastructure.operator().recover(last);
			}
			store.markRun(runId, RunStatus.RUNNING, null);
			return run(infrastructure, store.run(runId).orElseThrow(), mapping, "resumed");
		});
	}

	/**
	 * How long after its last checkpoint a run on a shared database may still be running.
	 */
	static final Duration STILL_RUNNING = Duration.ofMinutes(10);

	/**
	 * Refuses to resume a run whose execution may still be running in another process. An
	 * embedded H2 file admits one process at a time, so having opened it proves the other
	 * one gone; on a shared database (PostgreSQL, H2 server) a checkpoint within
	 * {@link #STILL_RUNNING} may be another process's at work.
	 */
	static void notRunningElsewhere(long runId, String databaseUrl, LocalDateTime lastCheckpoint, LocalDateTime now) {
		String url = databaseUrl.toLowerCase(java.util.Locale.ROOT);
		boolean oneProcess = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
				&& !url.startsWith("jdbc:h2:ssl:") && !url.contains("auto_server=true");
		if (oneProcess || lastCheckpoint == null) {
			return;
		}
		Duration since = Duration.between(lastCheckpoint, now);
		if (since.compareTo(STILL_RUNNING) < 0) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + runId + " may still be running in another process: its last checkpoint was "
							+ Math.max(0, since.toSeconds()) + " s ago",
					"wait for it to end; if that process is gone, run 'fpimport resume " + runId + " --force'");
		}
	}

	/**
	 * Refuses to resume an import whose file is gone or changed: resume reads the rows
	 * again from the file, by their position, and the row keys must be those the run
	 * started with.
	 */
	private static void sameFile(RunRecord run) {
		Path file = Path.of(run.sourceFile());
		if (!Files.isRegularFile(file)) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " cannot resume: " + file + " is gone",
					"put back the file the run started with, at that path");
		}
		if (!sha256(file).equals(run.sourceSha256())) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"run " + run.runId() + " cannot resume: " + file + " changed since the run started",
					"put back the file the run started with; for a new version of it, start a new import, "
							+ "whose rows imported before are skipped");
		}
	}

	private RunOutcome run(Infrastructure infrastructure, RunRecord run, MappingSpec mapping, String how) {
		Instant started = Instant.now();
		// before anything can go wrong: a user whose process is killed knows what to
		// resume
		log.info("run {} {}: {} of {}{}", run.runId(), how, run.kind().name().toLowerCase(java.util.Locale.ROOT),
				Path.of(run.sourceFile()).getFileName(),
				(run.kind() == RunKind.RETRY) ? " (rows of run " + run.parentRunId() + ")" : "");
		RunContext context = new RunContext(run, mapping, infrastructure.store(), new OpenApiClient(this.api),
				this.settings, this.progress, this.api.userKey());
		Job job = ImportJob.build(infrastructure.repository(), infrastructure.transactions(), context, started);
		JobExecution execution;
		try {
			execution = infrastructure.operator().start(job, parameters(run.runId()));
		}
		catch (Exception ex) {
			throw new FpImportException(Reason.INTERNAL, "cannot start the job of run " + run.runId() + ": " + ex, null,
					ex);
		}
		if (context.summary() != null) {
			return new RunOutcome(context.summary(), null);
		}
		this.progress.finished();
		FpImportException stop = stopOf(execution.getAllFailureExceptions(), run.runId());
		RunSummary summary = RunFinisher.finish(context, stop.getMessage(), started, context.isPrepared());
		return new RunOutcome(summary, stop);
	}

	private static FpImportException stopOf(List<Throwable> failures, long runId) {
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof FpImportException known) {
					return known;
				}
			}
		}
		Throwable first = failures.isEmpty() ? null : failures.get(0);
		return new FpImportException(Reason.INTERNAL,
				"run " + runId + " stopped: " + ((first == null) ? "the job did not complete" : first.toString()),
				"run again with --verbose for the stack trace; 'fpimport resume " + runId + "' continues the run",
				first);
	}

	private static JobParameters parameters(long runId) {
		return new JobParametersBuilder().addLong("run.id", runId).toJobParameters();
	}

	private <T> T withInfrastructure(Function<Infrastructure, T> work) {
		// fpimport configures its own logging (logback.xml, --verbose); Boot must not
		// reset it
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		JobDatabase.checkPlace(this.databaseUrl);
		ConfigurableApplicationContext spring;
		try {
			spring = new SpringApplicationBuilder(BatchInfrastructure.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.registerShutdownHook(false)
				.properties(Map.of("spring.datasource.url", this.databaseUrl, "spring.batch.job.enabled", "false",
						"spring.batch.jdbc.initialize-schema", "always", "spring.datasource.hikari.maximum-pool-size",
						Integer.toString(this.settings.concurrency() + 4), "spring.jmx.enabled", "false"))
				.run();
		}
		catch (RuntimeException ex) {
			throw JobDatabase.explain(ex, this.databaseUrl);
		}
		try (spring) {
			DataSource dataSource = spring.getBean(DataSource.class);
			ResultStore.createSchema(dataSource);
			return work.apply(new Infrastructure(new ResultStore(dataSource), spring.getBean(JobRepository.class),
					spring.getBean(JobOperator.class), spring.getBean(PlatformTransactionManager.class)));
		}
	}

	private record Infrastructure(ResultStore store, JobRepository repository, JobOperator operator,
			PlatformTransactionManager transactions) {
	}

	private static String project(String override, MappingSpec mapping) {
		String project = (override != null && !override.isBlank()) ? override : mapping.project();
		if (project == null || project.isBlank()) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"no project: the mapping has no 'project' and none was given",
					"write 'project: <project_key or simple_name>' into the mapping, or pass --project");
		}
		return project.strip();
	}

	private static String readMapping(Path mapping) {
		try {
			MappingLoader.checkSize(mapping);
			return Files.readString(mapping, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, mapping + ": no such mapping file",
					"'fpimport init-mapping FILE --type T' writes a starting mapping");
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, mapping + ": cannot read: " + ex.getMessage(),
					"check the file's permissions and that it is UTF-8 text", ex);
		}
	}

	static String sha256(Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check the file's permissions", ex);
		}
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
