package fpimport.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import fpimport.mapping.MappingSpec;
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
 * The import job: preflight (runs again on every restart), the rows in chunks, and the
 * report. One job instance per run, identified by the run id, so {@code resume} is a
 * restart of the same instance.
 */
final class ImportJob {

	static final String NAME = "fpimport-import";

	private ImportJob() {
	}

	static Job build(JobRepository repository, PlatformTransactionManager transactions, RunContext context,
			Instant started) {
		Supplier<RowFeed> feeds = () -> openFeed(context);
		Step preflight = new StepBuilder("preflight", repository)
			.tasklet(new PreflightTasklet(context, feeds), transactions)
			.allowStartIfComplete(true)
			.build();
		Step rows = new StepBuilder("rows", repository).<OriginRow, PlannedRow>chunk(context.settings.chunkSize())
			.reader(new FeedReader(feeds))
			.processor(new PlanningProcessor(context))
			.writer(new WorkItemWriter(context))
			.transactionManager(transactions)
			.build();
		Step report = new StepBuilder("report", repository).tasklet((contribution, chunkContext) -> {
			context.progress.finished();
			context.summary(RunFinisher.finish(context, null, started));
			return RepeatStatus.FINISHED;
		}, transactions).allowStartIfComplete(true).build();
		return new JobBuilder(NAME, repository).start(preflight).next(rows).next(report).build();
	}

	static RowFeed openFeed(RunContext context) {
		if (context.run.kind() == RunKind.RETRY) {
			return new StoredFeed(context.store, context.run);
		}
		return new FileFeed(Path.of(context.run.sourceFile()), sourceSettings(context.mapping), context.runId());
	}

	static SourceSettings sourceSettings(MappingSpec mapping) {
		var source = mapping.source();
		int headerRow = (source.headerRow() == null) ? 1 : source.headerRow();
		return new SourceSettings(source.sheet(), headerRow, source.encoding(), source.delimiter());
	}

}
