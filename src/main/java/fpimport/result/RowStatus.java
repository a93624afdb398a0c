package fpimport.result;

/** What became of one source row. */
public enum RowStatus {

	/**
	 * A create or update call is open, or its outcome is unknown (the process stopped).
	 */
	IN_FLIGHT,
	/** The work item was created, and every step after its create is done. */
	CREATED,
	/**
	 * The work item exists, but a step after its create (state, comment, file) failed or
	 * has not run yet; the step and the reason are kept. {@code retry} and {@code resume}
	 * do the missing steps only.
	 */
	PARTIAL,
	/** An existing work item was updated ({@code --on-existing update}). */
	UPDATED,
	/** The row was imported before (the ledger knows its item) and was left alone. */
	SKIPPED,
	/** The row does not fit the mapping or the space; no call was made. */
	INVALID,
	/** The service refused the row; its err_code and message are kept. */
	FAILED,
	/**
	 * A row of the same run that this row names (a parent) became no item: no call was
	 * made; {@code retry} creates it once that row succeeds.
	 */
	BLOCKED,
	/** Dry run: the row would be created. */
	VALID,
	/**
	 * Rollback: the delete of the row's item is open, or its outcome unknown (the process
	 * stopped); running the rollback again settles it.
	 */
	ROLLING_BACK,
	/** Rollback: the row's item was deleted, or was gone already. */
	ROLLED_BACK,
	/**
	 * Rollback: the row's item was left in the space, for the reason stored with the row
	 * (changed after the import, or the delete refused).
	 */
	KEPT;

	/** Whether the row needs no further work. */
	public boolean succeeded() {
		return this == CREATED || this == UPDATED || this == SKIPPED;
	}

	/** Whether this is what a rollback made of a created row. */
	public boolean rollback() {
		return this == ROLLING_BACK || this == ROLLED_BACK || this == KEPT;
	}

}
