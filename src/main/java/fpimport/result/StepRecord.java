package fpimport.result;

import java.util.Objects;

/**
 * One step after a row's create, as recorded.
 *
 * @param stepNumber the step's place among the row's steps, from 1
 * @param kind {@code state}, {@code abort}, {@code comment} or {@code file}
 * @param what what the step does, for the report (e.g. {@code OPEN -> IN_PROGRESS})
 * @param status IN_FLIGHT before the call, DONE or FAILED after it
 */
public record StepRecord(long runId, long rowNumber, int stepNumber, String kind, String what, Status status,
		Integer errCode, String errMsg) {

	/** Where a step stands. */
	public enum Status {

		/** The call is open, or its outcome is unknown (the process stopped). */
		IN_FLIGHT,
		/** Done: by the call, or found done in the space before calling. */
		DONE,
		/** The service refused it; its code and message are kept. */
		FAILED

	}

	public StepRecord {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(what, "what");
		Objects.requireNonNull(status, "status");
	}

	/** How the report shows it: {@code comment 2/3 done} or with the refusal. */
	public String describe() {
		return this.kind + " " + this.what + ": " + this.status.name().toLowerCase(java.util.Locale.ROOT)
				+ ((this.errMsg != null) ? " (" + ((this.errCode != null) ? this.errCode + " " : "") + this.errMsg + ")"
						: "");
	}

}
