package fpimport.api;

import java.util.Locale;
import java.util.Objects;

import fpimport.failure.FpImportException;

/**
 * A call to the Open API that did not succeed: the endpoint, the HTTP status, the
 * service's err_code, err_msg and log id, and a {@link Classification} that says what the
 * caller should do. The message is one line and never holds a token or secret.
 */
public class OpenApiException extends FpImportException {

	private static final long serialVersionUID = 1L;

	/** What a failed call means for the importer. */
	public enum Classification {

		/**
		 * Momentary: rate limit (10429), overload (50006), 5xx, timeouts and dropped
		 * connections. Retried by the client; thrown once its retry budget is spent.
		 */
		TRANSIENT,
		/** The token is missing, invalid or expired (10021, 10022, 10211). */
		TOKEN,
		/**
		 * The run cannot go on: no permission (10001), API not granted (10301), no
		 * project permission (10404), the acting user has resigned (10302), unknown work
		 * item type (30014), or an answer that is not the Open API's.
		 */
		STOPS_RUN,
		/** This row's request was refused (every other err_code); the run goes on. */
		ROW_REJECTED,
		/**
		 * The idempotency key was already used (10430): the item may already exist, so
		 * reconcile before creating it again.
		 */
		IDEMPOTENCY_CONFLICT

	}

	private final Classification classification;

	private final String endpoint;

	private final int httpStatus;

	private final int errCode;

	private final String errMsg;

	private final String logId;

	private final int attempts;

	/**
	 * A failed call.
	 * @param classification what it means
	 * @param reason the exit-code reason
	 * @param endpoint method and path template, such as
	 * {@code POST /open_api/:project_key/work_item/create}
	 * @param httpStatus the HTTP status, or 0 when no answer came
	 * @param errCode the err_code, or 0 when the answer had none
	 * @param errMsg the err_msg, or a description of the transport fault
	 * @param logId the {@code X-Tt-Logid}, or {@code null}
	 * @param attempts how many HTTP attempts were made
	 * @param hint what the user can do, or {@code null}
	 * @param cause the transport fault, or {@code null}
	 */
	public OpenApiException(Classification classification, Reason reason, String endpoint, int httpStatus, int errCode,
			String errMsg, String logId, int attempts, String hint, Throwable cause) {
		super(reason, describe(endpoint, httpStatus, errCode, errMsg, logId, attempts), hint, cause);
		this.classification = Objects.requireNonNull(classification, "classification");
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
		this.httpStatus = httpStatus;
		this.errCode = errCode;
		this.errMsg = oneLine(errMsg);
		this.logId = logId;
		this.attempts = attempts;
	}

	/**
	 * A failed answer classified by its HTTP status, err_code and err_msg, with the
	 * reason and hint that go with them.
	 */
	static OpenApiException of(String endpoint, int httpStatus, int errCode, String errMsg, String logId,
			int attempts) {
		Classification classification = classify(httpStatus, errCode, errMsg);
		return new OpenApiException(classification, reasonOf(classification, errCode), endpoint, httpStatus, errCode,
				errMsg, logId, attempts, hintOf(classification, errCode), null);
	}

	/**
	 * The classification of an answer: by err_code when there is one, else by HTTP
	 * status.
	 */
	static Classification classify(int httpStatus, int errCode, String errMsg) {
		if (errCode == 0) {
			if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408 || httpStatus == 0) {
				return Classification.TRANSIENT;
			}
			return (httpStatus == 401) ? Classification.TOKEN : Classification.STOPS_RUN;
		}
		return switch (errCode) {
			case 10429 -> Classification.TRANSIENT;
			// docs/design.md CW-2..CW-4: the same code for rules no retry can fix; the
			// message tells them apart
			case 50006 -> isRuleViolation(errMsg) ? Classification.ROW_REJECTED : Classification.TRANSIENT;
			case 10430 -> Classification.IDEMPOTENCY_CONFLICT;
			case 10021, 10022, 10211 -> Classification.TOKEN;
			// 20039/20042: X-USER-KEY missing or wrong (docs/design.md#open-api-calls);
			// every call would
			// fail alike
			// 10302: the acting user has resigned; every call would fail alike
			case 10001, 10301, 10302, 10404, 30014, 20039, 20042 -> Classification.STOPS_RUN;
			default -> Classification.ROW_REJECTED;
		};
	}

	/**
	 * Whether a 50006 is a refusal no retry can fix: a create rule (role owners,
	 * template), or an operation the type does not support ("This type does not support
	 * ..."). 50006 is otherwise the service's momentary overload.
	 */
	private static boolean isRuleViolation(String errMsg) {
		String text = (errMsg != null) ? errMsg.toLowerCase(Locale.ROOT) : "";
		return text.contains("role owner") || text.contains("template") || text.contains("not support")
				|| text.contains("unsupported");
	}

	private static Reason reasonOf(Classification classification, int errCode) {
		return switch (classification) {
			case STOPS_RUN -> (errCode == 30014) ? Reason.INVALID_INPUT : Reason.REMOTE_REFUSED;
			// a token refused right after it was issued: authentication, not our fault
			case TOKEN -> Reason.REMOTE_REFUSED;
			// still refused, busy or unreachable after every retry: the service did not
			// take the run
			case TRANSIENT -> Reason.REMOTE_REFUSED;
			default -> Reason.INTERNAL;
		};
	}

	private static String hintOf(Classification classification, int errCode) {
		return switch (errCode) {
			case 10001 ->
				"check the project key, and that the plugin is installed in the space and the user has permission";
			case 10301 -> "grant the plugin this API's permission, publish it and install it in the space";
			case 10404 -> "No Project Permission: check the project key, and that --user-key is a member of the space"
					+ " with permission to its work items";
			case 10302 ->
				"the acting user (--user-key) has resigned: use the user_key of an active member of the" + " space";
			case 20028 -> "too many ids in one query: at most " + OpenApiClient.MAX_QUERY_IDS + " per call";
			case 30014 -> "the mapping names a work item type the space does not have; 'fpimport meta' lists them";
			case 10430 -> "the item may already exist: reconcile before creating it again";
			case 10429 -> "the rate limit was still hit after every retry; another import may share this plugin's"
					+ " token: try again later (fpimport resume or retry)";
			case 10021, 10022, 10211 -> "check --plugin-id, --plugin-secret and --user-key";
			case 20039, 20042 -> "check --user-key: it must be the user_key of a member of the space";
			default -> switch (classification) {
				case TRANSIENT -> "the service is busy or unreachable; try again later (fpimport resume or retry)";
				case STOPS_RUN -> "check --base-url: the answer does not look like the Open API's";
				default -> null;
			};
		};
	}

	private static String describe(String endpoint, int httpStatus, int errCode, String errMsg, String logId,
			int attempts) {
		StringBuilder text = new StringBuilder(endpoint).append(" failed:");
		if (errCode != 0) {
			text.append(" err_code ").append(errCode);
		}
		String message = oneLine(errMsg);
		if (!message.isEmpty()) {
			text.append(" '").append(message).append("'");
		}
		text.append(" (");
		text.append((httpStatus > 0) ? "HTTP " + httpStatus : "no answer");
		text.append(", log id ").append((logId != null && !logId.isEmpty()) ? logId : "none");
		if (attempts > 1) {
			text.append(", after ").append(attempts).append(" attempts");
		}
		return text.append(")").toString();
	}

	static String oneLine(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
	}

	public Classification classification() {
		return this.classification;
	}

	/**
	 * Method and path template, such as
	 * {@code POST /open_api/:project_key/work_item/create}.
	 */
	public String endpoint() {
		return this.endpoint;
	}

	/** The HTTP status, or 0 when no answer came. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/** The service's err_code, or 0 when the answer had none. */
	public int errCode() {
		return this.errCode;
	}

	/** The service's err_msg on one line, or a description of the transport fault. */
	public String errMsg() {
		return this.errMsg;
	}

	/** The {@code X-Tt-Logid} support asks for, or {@code null}. */
	public String logId() {
		return this.logId;
	}

	/** How many HTTP attempts were made before giving up. */
	public int attempts() {
		return this.attempts;
	}

}
