package fpimport.cli;

import fpimport.failure.FpImportException;

/** The exit codes of every command: the one table of them. */
enum ExitCode {

	/** Every row created, updated, or skipped as already imported. */
	OK(0),
	/** The run finished and some rows failed or were invalid. */
	ROWS_FAILED(1),
	/** The command line is wrong. */
	USAGE(2),
	/** The input, the mapping or the configuration is invalid. */
	INVALID_INPUT(3),
	/** The remote service refused the run (authentication, permission, quota). */
	REMOTE_REFUSED(4),
	/** A fault of fpimport itself. */
	INTERNAL(5);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

	static ExitCode of(FpImportException.Reason reason) {
		return switch (reason) {
			case USAGE -> USAGE;
			case INVALID_INPUT -> INVALID_INPUT;
			case REMOTE_REFUSED -> REMOTE_REFUSED;
			case INTERNAL -> INTERNAL;
		};
	}

}
