package fpimport.emulator;

/**
 * A refusal the emulator answers in the Open API envelope; the HTTP status follows from
 * the code as in the reference §2.
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

	static int statusOf(int code) {
		return switch (code) {
			case 10021, 10022, 10211, 10301 -> 401;
			case 10001 -> 403;
			case 10429, 10430 -> 429;
			case 50006 -> 500;
			case 30005, 30006, 30009, 10404 -> 404;
			default -> 400;
		};
	}

	static ApiError invalid(String message) {
		return new ApiError(20006, message);
	}

}
