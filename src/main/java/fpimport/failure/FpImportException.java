package fpimport.failure;

import java.util.Objects;

/**
 * A fault that stops a command: its one-line message names the place (file, row, column,
 * YAML path or endpoint), the hint says what to do, and the {@link Reason} decides the
 * exit code. The command line turns it into an exit code at one place.
 */
public class FpImportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why a command stopped; each reason has one exit code. */
	public enum Reason {

		/** The command line itself is wrong. */
		USAGE,
		/** The input file, the mapping or the configuration is invalid. */
		INVALID_INPUT,
		/** The remote service refused the run: authentication, permission, quota. */
		REMOTE_REFUSED,
		/** A fault of fpimport itself, or of something it cannot name. */
		INTERNAL

	}

	private final Reason reason;

	private final String hint;

	public FpImportException(Reason reason, String message, String hint) {
		this(reason, message, hint, null);
	}

	public FpImportException(Reason reason, String message, String hint, Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.hint = hint;
	}

	public Reason reason() {
		return this.reason;
	}

	/** What the user can do about it, or {@code null}. */
	public String hint() {
		return this.hint;
	}

}
