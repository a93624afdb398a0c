package fpimport.job;

/**
 * Hears how far a run has come; the command line shows it as a progress bar or log lines.
 * It may also ask the run to stop between chunks.
 */
public interface RunProgress {

	/** No progress shown. */
	RunProgress NONE = new RunProgress() {
	};

	/**
	 * The run starts on this many rows; {@code done} of them were finished by an earlier
	 * attempt.
	 */
	default void started(long total, long done) {
	}

	/** This many more rows have their outcome. */
	default void advanced(int rows) {
	}

	/** The rows are done (or the run stopped). */
	default void finished() {
	}

	/**
	 * Whether the run should stop before its next chunk (a watcher shutting down): the
	 * chunk in hand is finished and recorded, and the run stays resumable.
	 */
	default boolean stopRequested() {
		return false;
	}

}
