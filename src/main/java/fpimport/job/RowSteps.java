package fpimport.job;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fpimport.api.OpenApiException;
import fpimport.result.StepRecord;
import fpimport.workitem.AfterCreatePlan;

/**
 * Runs the steps after a row's create, each exactly once: each step is recorded before
 * its call (IN_FLIGHT) and after it (DONE or FAILED); a step recorded DONE is not run
 * again, and any other first asks the item whether it is done already. A refused step
 * stops the row's steps and is returned; faults that stop the run are thrown, the step
 * staying IN_FLIGHT for resume.
 */
final class RowSteps {

	/** The step a row stopped at and why. */
	record Failure(int step, String kind, String what, Integer errCode, String errMsg) {

		String message() {
			return "step " + this.step + " (" + this.kind + " " + this.what + ") refused: " + this.errMsg;
		}

	}

	private final RunContext context;

	RowSteps(RunContext context) {
		this.context = context;
	}

	/** Runs what is missing; {@code null} when every step is done. */
	Failure run(long rowNumber, long itemId, AfterCreatePlan plan) {
		return run(rowNumber, itemId, AfterCreateStep.of(plan), 1);
	}

	/**
	 * Runs what is missing of these steps, numbered from {@code first}; {@code null} when
	 * every step is done.
	 */
	Failure run(long rowNumber, long itemId, List<AfterCreateStep> steps, int first) {
		if (steps.isEmpty()) {
			return null;
		}
		RunContext.Prepared prepared = this.context.prepared();
		long runId = this.context.runId();
		Map<Integer, StepRecord> recorded = new HashMap<>();
		this.context.store.steps().steps(runId, rowNumber).forEach((step) -> recorded.put(step.stepNumber(), step));
		ItemView item = new ItemView(this.context.client, prepared.projectKey(), prepared.typeKey(), itemId);
		for (int i = 0; i < steps.size(); i++) {
			int number = first + i;
			AfterCreateStep step = steps.get(i);
			StepRecord before = recorded.get(number);
			if (before != null && before.status() == StepRecord.Status.DONE && before.kind().equals(step.kind())
					&& before.what().equals(step.what())) {
				continue;
			}
			save(rowNumber, number, step, StepRecord.Status.IN_FLIGHT, null, null);
			if (step.done(item)) {
				save(rowNumber, number, step, StepRecord.Status.DONE, null, null);
				continue;
			}
			try {
				step.run(item, key(prepared, itemId, number, step));
			}
			catch (OpenApiException ex) {
				if (ex.classification() != OpenApiException.Classification.ROW_REJECTED) {
					throw ex;
				}
				save(rowNumber, number, step, StepRecord.Status.FAILED, ex.errCode(), ex.errMsg());
				return new Failure(number, step.kind(), step.what(), ex.errCode(), ex.errMsg());
			}
			save(rowNumber, number, step, StepRecord.Status.DONE, null, null);
		}
		return null;
	}

	private void save(long rowNumber, int number, AfterCreateStep step, StepRecord.Status status, Integer errCode,
			String errMsg) {
		this.context.store.steps()
			.save(new StepRecord(this.context.runId(), rowNumber, number, step.kind(), step.what(), status, errCode,
					errMsg));
	}

	// the same step of the same item always sends the same key, so a retry after a lost
	// answer is not done twice
	private static String key(RunContext.Prepared prepared, long itemId, int number, AfterCreateStep step) {
		String identity = prepared.projectKey() + "\n" + prepared.typeKey() + "\n" + itemId + "\n" + number + "\n"
				+ step.kind() + "\n" + step.what();
		return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
