package fpimport.emulator;

/**
 * A refusal the emulator answers in the Open API envelope; the HTTP status follows from
 * the code as in the Open API error code table (see {@code docs/emulator.md}).
 */
final class ApiError extends RuntimeException {

	private final int code;

	private final String detail;

	ApiError(int code, String message) {
		this(code, message, message);
	}

	/** {@code message} goes to {@code err_msg}, {@code detail} to {@code err.msg}. */
	ApiError(int code, String message, String detail) {
		super(message, null, false, false);
		this.code = code;
		this.detail = detail;
	}

	int code() {
		return this.code;
	}

	String detail() {
		return this.detail;
	}

	int httpStatus() {
		return statusOf(this.code);
	}

	/**
	 * The HTTP status of a code, as the error code table gives it: 10211 and 10404 are
	 * 403, 30005 to 30015 are 404.
	 */
	static int statusOf(int code) {
		if (code >= 30005 && code <= 30015) {
			return 404;
		}
		return switch (code) {
			case 10021, 10022, 10301 -> 401;
			case 10001, 10211, 10404 -> 403;
			case 10429, 10430 -> 429;
			case 50006 -> 500;
			default -> 400;
		};
	}

	static ApiError invalid(String message) {
		return new ApiError(20006, message);
	}

}
