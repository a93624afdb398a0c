package fpimport.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import fpimport.mapping.MappingSpec;
import fpimport.report.RunSummary;
import fpimport.result.RunKind;
import fpimport.source.SourceSettings;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job: preflight (runs again on every restart), reconciliation of the rows
 * whose outcome is unknown (on every restart too), the rows in chunks (in waves, parents
 * first, when rows name rows), the link pass (on every restart too), and the report. One
 * job instance per run, identified by the run id, so {@code resume} is a restart of the
 * same instance.
 */
final class ImportJob {

	static final String NAME = "fpimport-import";

	/**
	 * A dry run (validate) sends nothing, so a checkpoint protects no call and only costs
	 * (the step's metadata and a commit): it takes at least this many rows per chunk.
	 */
	static final int DRY_RUN_CHUNK_SIZE = 2000;

	/**
	 * Where the rows step keeps how many rows it has read (its reader's name, "rows").
	 */
	private static final String READ_COUNT = "rows.read.count";

	private ImportJob() {
	}

	static Job build(JobRepository repository, PlatformTransactionManager transactions, RunContext context,
			Instant started) {
		Supplier<RowFeed> feeds = () -> openFeed(context);
		Step preflight = new StepBuilder("preflight", repository).tasklet(new PreflightTasklet(context), transactions)
			.allowStartIfComplete(true)
			.build();
		// on every start, and before any row is sent: rows whose outcome is unknown
		Step reconcile = new StepBuilder("reconcile", repository).tasklet(new ReconcileTasklet(context), transactions)
			.allowStartIfComplete(true)
			.build();
		int chunkSize = context.run.dryRun() ? Math.max(context.settings.chunkSize(), DRY_RUN_CHUNK_SIZE)
				: context.settings.chunkSize();
		FeedReader reader = new FeedReader(() -> waved(context, feeds));
		WorkItemWriter writer = new WorkItemWriter(context);
		// a dry run sends nothing: resumed, it validates every row again, from the first,
		// and writes its whole report in that pass (DryRunRows)
		reader.setSaveState(!context.run.dryRun());
		Step rows = new StepBuilder("rows", repository).<OriginRow, PlannedRow>chunk(chunkSize)
			.reader(reader)
			.processor(new PlanningProcessor(context))
			// rows are planned on every core while the next are read; read and written
			// in order
			.taskExecutor(PlanningProcessor.PLANNERS)
			.writer(writer)
			.listener(new org.springframework.batch.core.listener.StepExecutionListener() {
				@Override
				public void beforeStep(org.springframework.batch.core.step.StepExecution stepExecution) {
					if (context.dryRunRows != null) {
						context.dryRunRows.restart();
					}
					else {
						// resumed after its first row, the rows already read are not
						// read again
						Object read = stepExecution.getExecutionContext().get(READ_COUNT);
						context.streamedReport.start(read == null || ((Number) read).longValue() == 0);
						writer.startStep();
					}
				}
			})
			.transactionManager(transactions)
			.allowStartIfComplete(context.run.dryRun())
			.build();
		// on every start: the relation fields set once every row exists
		Step links = new StepBuilder("links", repository).tasklet(new LinkTasklet(context), transactions)
			.allowStartIfComplete(true)
			.build();
		Step report = new StepBuilder("report", repository).tasklet((contribution, chunkContext) -> {
			context.progress.finished();
			RunSummary summary = RunFinisher.finish(context, null, started, true, false);
			context.summary(summary);
			if (summary.counts().inFlight() > 0) {
				// rows still unsettled (10430): the job stops, so that resume can restart
				// it and reconcile them; a completed job could not be restarted
				chunkContext.getStepContext().getStepExecution().setTerminateOnly();
			}
			return RepeatStatus.FINISHED;
		}, transactions).allowStartIfComplete(true).build();
		return new JobBuilder(NAME, repository).start(preflight)
			.next(reconcile)
			.next(rows)
			.next(links)
			.next(report)
			.build();
	}

	/**
	 * The rows in the waves of their references, parents first; as the file has them when
	 * no row waits for another.
	 */
	private static RowFeed waved(RunContext context, Supplier<RowFeed> feeds) {
		ReferenceGraph graph = context.prepared().references();
		return (graph.waveCount() > 1) ? new WaveFeed(feeds, graph) : feeds.get();
	}

	/**
	 * The run's rows: a file's (or its spill's) read ahead by a thread of their own, a
	 * retry's from the database.
	 */
	static RowFeed openFeed(RunContext context) {
		return openFeed(context, false);
	}

	/**
	 * The run's rows as {@link #openFeed(RunContext)} gives them; with
	 * {@code mergesUnscanned}, a workbook's read without first looking for its merged
	 * ranges (a read that can start again: {@link PreflightTasklet}).
	 */
	static RowFeed openFeed(RunContext context, boolean mergesUnscanned) {
		RowSpill spill = context.spill();
		if (spill != null) {
			return new ReadAhead(spill.open(context.runId()));
		}
		if (context.run.kind() == RunKind.RETRY) {
			return new StoredFeed(context.store, context.run);
		}
		SourceSettings settings = sourceSettings(context.mapping);
		return new ReadAhead(new FileFeed(Path.of(context.run.sourceFile()),
				mergesUnscanned ? settings.withMergesUnscanned() : settings, context.runId()));
	}

	static SourceSettings sourceSettings(MappingSpec mapping) {
		var source = mapping.source();
		int headerRow = (source.headerRow() == null) ? 1 : source.headerRow();
		return new SourceSettings(source.sheet(), headerRow, source.encoding(), source.delimiter());
	}

}
