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
	STOPPED

}
