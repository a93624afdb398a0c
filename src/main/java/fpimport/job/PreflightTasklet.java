package fpimport.job;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import fpimport.api.OpenApiSpace;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import fpimport.mapping.AfterCreateBinding;
import fpimport.mapping.RowPlanner;
import fpimport.metadata.Template;
import fpimport.report.ReportWriter;
import fpimport.result.RunCounts;
import fpimport.metadata.FieldDefinition;
import fpimport.metadata.SpaceCatalog;
import fpimport.source.SheetHasMergedCells;
import fpimport.source.SourceRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Checks the run before any create: the mapping against the space and the file's header
 * (every problem at once), the space's metadata fetched once, and in one pass over the
 * rows every distinct person of the file resolved in batches and the day/month order of
 * numeric date columns decided, and what the rows' references name (a
 * {@link ReferenceGraph}). Runs again on every restart, since what it prepares lives in
 * memory.
 */
final class PreflightTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(PreflightTasklet.class);

	private final RunContext context;

	PreflightTasklet(RunContext context) {
		this.context = context;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		// a run that cannot write its report creates nothing
		ReportWriter.checkWritable(this.context.run, RunFinisher.reportDirectory(this.context, this.context.run),
				this.context.settings.reportFormat());
		String projectKey = this.context.run.projectKey();
		OpenApiSpace space = new OpenApiSpace(this.context.client, projectKey);
		SpaceCatalog catalog = SpaceCatalog.load(space, this.context.mapping.type());
		long[] total = { 0 };
		RowPlanner planner;
		List<String> headers;
		List<String> notes;
		ReferenceGraph.Survey references;
		// a workbook is read at first without a pass over it for its merged ranges; one
		// that has some is read again with them (SheetHasMergedCells)
		boolean again = false;
		while (true) {
			RowFeed opened = ImportJob.openFeed(this.context, !again);
			// a workbook's rows are parsed once: the rows step reads them from the spill
			// (a CSV file's parse costs less than a spill's write and read)
			boolean workbook = opened.sheet() != null && this.context.run.kind() != fpimport.result.RunKind.RETRY;
			try (RowFeed feed = workbook ? RowSpill.recording(opened, this.context::spill) : opened) {
				headers = feed.headers();
				String fileName = Path.of(this.context.run.sourceFile()).getFileName().toString();
				planner = RowPlanner.prepare(this.context.mapping, catalog, feed.headers(), fileName, feed.sheet());
				AfterCreateBinding after = planner.bound().after();
				after.useFolder(Path.of(this.context.run.sourceFile()).toAbsolutePath().getParent());
				if (after.needsWorkflow()) {
					// the template's graph, once, before any row: a state it cannot
					// reach is a row problem, found by validate too
					Long templateId = planner.bound().templateId();
					String template = (templateId != null) ? templateId.toString()
							: catalog.templates()
								.stream()
								.filter((t) -> !t.disabled())
								.findFirst()
								.map(Template::id)
								.orElseThrow(() -> new FpImportException(Reason.INVALID_INPUT,
										"type " + catalog.type().name() + " has no enabled template", null));
					after.useWorkflow(this.context.client.workflow(projectKey, template));
				}
				String runType = catalog.type().typeKey();
				references = planner.bound().refers() ? new ReferenceGraph.Survey(planner, runType) : null;
				ReferenceGraph.Survey survey = references;
				Iterable<SourceRow> rows = () -> counting(feed, total, survey);
				notes = planner.survey(rows, space);
			}
			catch (SheetHasMergedCells merged) {
				if (again) {
					throw merged;
				}
				log.info("{}", merged.getMessage());
				again = true;
				total[0] = 0;
				continue;
			}
			break;
		}
		String typeKey = catalog.type().typeKey();
		ReferenceGraph graph = (references != null)
				? references.finish(
						new ExistingItems(this.context.store, this.context.client, projectKey, this.context.runId()))
				: ReferenceGraph.NONE;
		this.context.store.setTarget(this.context.runId(), projectKey, typeKey, headers);
		String keyField = planner.bound().keyField();
		Map<String, String> relations = new HashMap<>();
		for (FieldDefinition field : catalog.fields()) {
			if (field.fieldTypeKey().startsWith("work_item_related")) {
				relations.put(field.fieldKey(), field.fieldName() + " (" + field.fieldKey() + ")");
			}
		}
		this.context.prepared(
				new RunContext.Prepared(projectKey, typeKey, planner, total[0], keyField, notes, relations, graph));
		RunCounts counts = this.context.store.counts(this.context.runId());
		// a dry run starts again from its first row (DryRunRows)
		long done = this.context.run.dryRun() ? 0 : counts.total() - counts.inFlight();
		this.context.progress.started(total[0], done);
		return RepeatStatus.FINISHED;
	}

	/** The feed's rows once, counting them on the way. */
	private static Iterator<SourceRow> counting(RowFeed feed, long[] total, ReferenceGraph.Survey references) {
		return new Iterator<>() {

			private OriginRow next = feed.next();

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public SourceRow next() {
				if (this.next == null) {
					throw new NoSuchElementException();
				}
				SourceRow row = this.next.source();
				total[0]++;
				if (references != null) {
					references.observe(row);
				}
				this.next = feed.next();
				return row;
			}

		};
	}

}
