package fpimport.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import fpimport.workitem.Reference;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The link pass, after every row is written: the relation fields of the items that exist
 * but still lack them (a cycle broken, {@code later: true}, a row whose item existed
 * before its create) are set by an update, each a step recorded before and after its call
 * like every step after a create. Runs on every start, so a run stopped between a create
 * and its link finishes the link on resume. A row stays PARTIAL while a row it names has
 * no item.
 */
final class LinkTasklet implements Tasklet {

	/** The message of a row created whose links the pass has still to set. */
	static final String LINKS_PENDING = "relation fields set once every row exists are not set yet";

	/** Link steps are numbered from here, after any step a row has after its create. */
	static final int FIRST_STEP = 1001;

	private static final int BATCH = 200;

	private final RunContext context;

	LinkTasklet(RunContext context) {
		this.context = context;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (this.context.run.dryRun()) {
			return RepeatStatus.FINISHED;
		}
		ReferenceGraph graph = this.context.prepared().references();
		List<Long> rows = new ArrayList<>(graph.referringRows());
		RowSteps steps = new RowSteps(this.context);
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Long> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			List<RowRecord> created = new ArrayList<>();
			List<Reference> references = new ArrayList<>();
			for (RowRecord row : this.context.store.rows(this.context.runId(), batch).values()) {
				if (row.status() == RowStatus.PARTIAL && row.workItemId() != null) {
					created.add(row);
					references.addAll(graph.references(row.rowNumber()));
				}
			}
			if (created.isEmpty()) {
				continue;
			}
			Set<Long> namedRows = ReferencedItems.namedRows(references, graph);
			Map<Long, RowRecord> named = namedRows.isEmpty() ? Map.of()
					: this.context.store.rows(this.context.runId(), namedRows);
			for (RowRecord row : created) {
				link(row, graph, named, steps);
			}
		}
		return RepeatStatus.FINISHED;
	}

	private void link(RowRecord row, ReferenceGraph graph, Map<Long, RowRecord> named, RowSteps steps) {
		List<LinkStep> links = new ArrayList<>();
		for (Reference reference : graph.references(row.rowNumber())) {
			ReferencedItems.Ids ids = ReferencedItems.ids(reference, graph, named);
			String missing = (ids.blocked() != null) ? ids.blocked() : ids.pending()
					? "a row it names (" + String.join(", ", reference.values()) + ") has no item yet" : null;
			if (missing != null) {
				this.context.store
					.saveRow(row.withOutcome(RowStatus.PARTIAL, null, "link " + reference.field().fieldName()
							+ " not set: " + missing + "; retry the run once that row succeeds"));
				return;
			}
			links.add(new LinkStep(reference.field(), reference.values(), ids));
		}
		RowSteps.Failure failure = steps.run(row.rowNumber(), row.workItemId(), List.copyOf(links), FIRST_STEP);
		if (failure != null) {
			this.context.store.saveRow(row.withOutcome(RowStatus.PARTIAL, failure.errCode(), failure.message()));
			return;
		}
		links.forEach((link) -> this.context.store.steps().saveReference(link.set(row.runId(), row.rowNumber())));
		if (waitedForLinks(row.errMsg())) {
			this.context.store.saveRow(row.withOutcome(RowStatus.CREATED, null, null).writtenAt(Instant.now()));
		}
	}

	/**
	 * Whether a PARTIAL row waited only for its links (its other steps are done): set by
	 * the rows step, or by an earlier link pass.
	 */
	private static boolean waitedForLinks(String errMsg) {
		return LINKS_PENDING.equals(errMsg) || (errMsg != null && errMsg.startsWith("link "))
				|| (errMsg != null && errMsg.startsWith("step ") && errMsg.contains(" (link "));
	}

}
