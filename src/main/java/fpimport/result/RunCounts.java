package fpimport.result;

/** The rows of a run by outcome. */
public record RunCounts(long total, long created, long updated, long skipped, long invalid, long failed, long inFlight,
		long valid) {

	/** Whether every row is done and none failed or was invalid. */
	public boolean allSucceeded() {
		return this.invalid == 0 && this.failed == 0 && this.inFlight == 0;
	}

}
