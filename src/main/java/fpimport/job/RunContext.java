package fpimport.job;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import fpimport.api.OpenApiClient;
import fpimport.mapping.MappingSpec;
import fpimport.mapping.RowPlanner;
import fpimport.result.ResultStore;
import fpimport.result.RunRecord;

/**
 * What one job execution works with: the run, the store, the client and the settings of
 * this invocation, and what the preflight step prepared. One per Spring context, so one
 * per job run.
 */
final class RunContext {

	final RunRecord run;

	final MappingSpec mapping;

	final ResultStore store;

	final OpenApiClient client;

	final JobSettings settings;

	final RunProgress progress;

	/** The importing user: the creator of every item the run makes. */
	final String userKey;

	/**
	 * A dry run's outcomes and report as its rows are written; {@code null} otherwise.
	 */
	final DryRunRows dryRunRows;

	/**
	 * An import's report as its rows are written, while they need no call; {@code null}
	 * for a dry run.
	 */
	final StreamedReport streamedReport;

	private volatile Prepared prepared;

	private volatile fpimport.report.RunSummary summary;

	private volatile RowSpill spill;

	RunContext(RunRecord run, MappingSpec mapping, ResultStore store, OpenApiClient client, JobSettings settings,
			RunProgress progress, String userKey) {
		this.run = Objects.requireNonNull(run, "run");
		this.mapping = Objects.requireNonNull(mapping, "mapping");
		this.store = Objects.requireNonNull(store, "store");
		this.client = Objects.requireNonNull(client, "client");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.progress = Objects.requireNonNull(progress, "progress");
		this.userKey = Objects.requireNonNull(userKey, "userKey");
		this.dryRunRows = run.dryRun() ? new DryRunRows(this) : null;
		this.streamedReport = run.dryRun() ? null : new StreamedReport(this);
	}

	long runId() {
		return this.run.runId();
	}

	void prepared(Prepared prepared) {
		this.prepared = prepared;
	}

	boolean isPrepared() {
		return this.prepared != null;
	}

	Prepared prepared() {
		Prepared current = this.prepared;
		if (current == null) {
			throw new IllegalStateException("the preflight step has not run");
		}
		return current;
	}

	/**
	 * The workbook's rows as the preflight read them, for the rows step; a spill replaced
	 * or dropped ({@code null}) is deleted.
	 */
	void spill(RowSpill rows) {
		RowSpill old = this.spill;
		this.spill = rows;
		if (old != null && old != rows) {
			old.delete();
		}
	}

	/** The workbook's rows as the preflight read them, or {@code null}. */
	RowSpill spill() {
		return this.spill;
	}

	void summary(fpimport.report.RunSummary summary) {
		this.summary = summary;
	}

	/**
	 * The summary the report step made, or {@code null} when the job did not get there.
	 */
	fpimport.report.RunSummary summary() {
		return this.summary;
	}

	/**
	 * What the preflight step found: where items go, the planner for the rows, the
	 * field_key that receives each row's key ({@code key_field}) or {@code null}, and the
	 * notes for the run summary (how the file was read).
	 *
	 * @param notes how the file was read, for the run summary
	 * @param relations the fields that name other work items, by key: their name and key,
	 * such as {@code 关联需求 (field_5d6e7f)}, for a refusal that implies one (30005)
	 * @param references what the rows' references name and the waves they are created in
	 */
	record Prepared(String projectKey, String typeKey, RowPlanner planner, long totalRows, String keyField,
			List<String> notes, Map<String, String> relations, ReferenceGraph references) {

		Prepared {
			references = (references == null) ? ReferenceGraph.NONE : references;
			relations = Map.copyOf(relations);
			Objects.requireNonNull(projectKey, "projectKey");
			Objects.requireNonNull(typeKey, "typeKey");
			Objects.requireNonNull(planner, "planner");
			notes = List.copyOf(notes);
		}

	}

}
