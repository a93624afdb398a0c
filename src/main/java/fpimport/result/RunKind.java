package fpimport.result;

/** How a run came to be. */
public enum RunKind {

	/** An import of a file. */
	IMPORT,
	/** A rerun of the rows of an earlier run that did not succeed. */
	RETRY

}
