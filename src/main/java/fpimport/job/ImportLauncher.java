package fpimport.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import javax.sql.DataSource;

import fpimport.api.ApiSettings;
import fpimport.api.OpenApiClient;
import fpimport.mapping.MappingFile;
import fpimport.mapping.MappingLoader;
import fpimport.mapping.MappingSpec;
import fpimport.report.RunSummary;
import fpimport.result.NewRun;
import fpimport.result.ResultStore;
import fpimport.result.RunKind;
import fpimport.result.RunRecord;
import fpimport.result.RunStatus;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
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
		MappingFile mappingFile = MappingFile.read(request.mapping());
		MappingSpec mapping = mappingFile.spec();
		String projectKey = project(request.projectOverride(), mapping);
		// the file's fingerprint (a read of the whole file) is taken while the job's
		// infrastructure starts
		CompletableFuture<String> fingerprint = CompletableFuture.supplyAsync(() -> Fingerprints.of(file));
		String mappingSha = Fingerprints.of(mappingFile.text());
		return withInfrastructure((infrastructure) -> {
			String fileSha = joined(fingerprint);
			ResultStore store = infrastructure.store();
			if (!request.dryRun()) {
				RunPreconditions.importMayStart(store, file, fileSha, mappingSha);
			}
			long runId = store.startRun(new NewRun(RunKind.IMPORT, null, request.dryRun(), file.toString(), fileSha,
					mapping.source().sheet(), request.mapping().toAbsolutePath().toString(), mappingSha,
					mappingFile.text(), request.onExisting().name(), projectKey, mapping.type()));
			return run(infrastructure, store.run(runId).orElseThrow(), mapping, "started");
		});
	}

	/** What a task computed, or its failure as it was thrown. */
	private static <T> T joined(CompletableFuture<T> task) {
		try {
			return task.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
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
			RunRecord parent = RunPreconditions.retryable(store, parentId);
			String mappingText;
			MappingSpec mapping;
			String mappingFile;
			if (request.mapping() != null) {
				MappingFile given = MappingFile.read(request.mapping());
				mappingText = given.text();
				mapping = given.spec();
				mappingFile = request.mapping().toAbsolutePath().toString();
			}
			else {
				mappingText = parent.mappingText();
				mapping = MappingLoader.parse(mappingText, "the mapping of run " + parentId);
				mappingFile = parent.mappingFile();
			}
			String projectKey = (request.projectOverride() != null || mapping.project() != null)
					? project(request.projectOverride(), mapping) : parent.projectKey();
			RunPreconditions.hasRowsToRetry(store, parentId, request.filter());
			long runId = store.startRun(new NewRun(RunKind.RETRY, parentId, false, parent.sourceFile(),
					parent.sourceSha256(), parent.sheet(), mappingFile, Fingerprints.of(mappingText), mappingText,
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
			RunRecord run = RunPreconditions.resumable(store, runId);
			MappingSpec mapping = MappingLoader.parse(run.mappingText(), "the mapping of run " + runId);
			JobExecution last = infrastructure.repository().getLastJobExecution(ImportJob.NAME, parameters(runId));
			if (last != null && last.getStatus().isRunning()) {
				if (!force) {
					RunPreconditions.notRunningElsewhere(runId, this.databaseUrl, last.getLastUpdated(),
							LocalDateTime.now());
				}
				// a killed process leaves its execution STARTED; mark it so that it can
				// restart
				infrastructure.operator().recover(last);
			}
			store.markRun(runId, RunStatus.RUNNING, null);
			return run(infrastructure, store.run(runId).orElseThrow(), mapping, "resumed");
		});
	}

	private RunOutcome run(Infrastructure infrastructure, RunRecord run, MappingSpec mapping, String how) {
		Instant started = Instant.now();
		// before anything can go wrong: a user whose process is killed knows what to
		// resume
		log.info("run {} {}: {} of {}{}", run.runId(), how, run.kind().name().toLowerCase(java.util.Locale.ROOT),
				Path.of(run.sourceFile()).getFileName(),
				(run.kind() == RunKind.RETRY) ? " (rows of run " + run.parentRunId() + ")" : "");
		RunContext context = new RunContext(run, mapping, infrastructure.store(), joined(infrastructure.client()),
				this.settings, this.progress, this.api.userKey());
		Job job = ImportJob.build(infrastructure.repository(), infrastructure.transactions(), context, started);
		JobExecution execution;
		try {
			execution = started(() -> infrastructure.operator().start(job, parameters(run.runId())));
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
		// a mapping or settings that do not fit, found before the first row, leave no
		// run to resume: the run is closed as refused
		boolean refused = !context.isPrepared()
				&& (stop.reason() == Reason.INVALID_INPUT || stop.reason() == Reason.USAGE);
		RunSummary summary = RunFinisher.finish(context, stop.getMessage(), started, context.isPrepared(), refused);
		return new RunOutcome(summary, stop);
	}

	/** How often a job's start is tried when another process's start made it fail. */
	static final int START_TRIES = 5;

	/**
	 * What a job's start gives, tried again when it failed for a moment: on a repository
	 * that processes share, Spring Batch creates a job instance in a serializable
	 * transaction, which PostgreSQL refuses when another process creates one at the same
	 * time. The refused transaction created nothing, so trying again cannot start the job
	 * twice.
	 */
	static <T> T started(java.util.concurrent.Callable<T> start) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return start.call();
			}
			catch (org.springframework.dao.TransientDataAccessException ex) {
				if (attempt == START_TRIES) {
					throw ex;
				}
				Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(20, 100) * attempt);
			}
		}
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
		// fpimport configures its own logging (LogConfiguration, --verbose); Boot must
		// not reset it
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		JobDatabase.checkPlace(this.databaseUrl);
		// the HTTP client (its TLS set-up takes a few hundred milliseconds) is built
		// while Spring starts
		CompletableFuture<OpenApiClient> client = CompletableFuture.supplyAsync(() -> new OpenApiClient(this.api));
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
					spring.getBean(JobOperator.class), spring.getBean(PlatformTransactionManager.class), client));
		}
	}

	private record Infrastructure(ResultStore store, JobRepository repository, JobOperator operator,
			PlatformTransactionManager transactions, CompletableFuture<OpenApiClient> client) {
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

}
