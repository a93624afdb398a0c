package fpimport.result;

/** Where a run stands. */
public enum RunStatus {

	/** Running, or stopped without a word (killed): {@code resume} continues it. */
	RUNNING,
	/** Every row has its outcome. */
	COMPLETED,
	/**
	 * A run-level fault stopped it (auth, permission, metadata); {@code resume} continues
	 * it.
	 */
	STOPPED,
	/**
	 * Refused before its first row: the mapping or the settings do not fit the space or
	 * the file. Nothing to resume; fix them and import again.
	 */
	REFUSED,
	/**
	 * Closed by the user ({@code runs --abandon}): it will not be resumed, and no longer
	 * stands in the way of a new import of its file.
	 */
	ABANDONED;

	/** Whether {@code resume} may continue the run, and a new import must wait for it. */
	public boolean open() {
		return this == RUNNING || this == STOPPED;
	}

}
