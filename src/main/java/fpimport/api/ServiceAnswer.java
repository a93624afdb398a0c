package fpimport.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One HTTP answer read as the Open API's envelope, whatever its status: a gateway's 502
 * page is an answer too, just not JSON.
 *
 * @param status the HTTP status
 * @param errCode the err_code ({@code error.code} for plugin_token), 0 when absent
 * @param errMsg the err_msg, or a note that the body is not JSON
 * @param logId the {@code X-Tt-Logid} header, else {@code err.log_id}, else {@code null}
 * @param data the payload, a missing node when absent
 * @param pagination the pagination, a missing node when absent
 * @param json whether the body was a JSON object
 */
record ServiceAnswer(int status, int errCode, String errMsg, String logId, JsonNode data, JsonNode pagination,
		boolean json) {

	/** Whether the call succeeded. */
	boolean ok() {
		return this.json && this.errCode == 0 && this.status >= 200 && this.status < 300;
	}

	/** Reads a business answer: {@code {"err_code", "err_msg", "err": {...}, "data"}}. */
	static ServiceAnswer business(ObjectMapper json, int status, String body, String logIdHeader) {
		JsonNode root = tree(json, body);
		if (root == null) {
			return notJson(status, body, logIdHeader);
		}
		JsonNode err = root.path("err");
		int code = integer(root.path("err_code"), integer(err.path("code"), 0));
		String message = text(root.path("err_msg"));
		if (message == null || message.isEmpty()) {
			message = text(err.path("msg"));
		}
		String logId = (logIdHeader != null && !logIdHeader.isEmpty()) ? logIdHeader : text(err.path("log_id"));
		return new ServiceAnswer(status, code, (message != null) ? message : "", logId, root.path("data"),
				root.path("pagination"), true);
	}

	/**
	 * Reads a {@code plugin_token} answer, which has its own envelope: {@code {"data":
	 * {...}, "error": {"code", "msg"}}}.
	 */
	static ServiceAnswer token(ObjectMapper json, int status, String body, String logIdHeader) {
		JsonNode root = tree(json, body);
		if (root == null) {
			return notJson(status, body, logIdHeader);
		}
		JsonNode error = root.path("error");
		String message = text(error.path("msg"));
		return new ServiceAnswer(status, integer(error.path("code"), 0), (message != null) ? message : "", logIdHeader,
				root.path("data"), MissingNode.getInstance(), true);
	}

	private static ServiceAnswer notJson(int status, String body, String logId) {
		String snippet = OpenApiException.oneLine(body);
		if (snippet.length() > 120) {
			snippet = snippet.substring(0, 120) + "...";
		}
		return new ServiceAnswer(status, 0, "answer is not JSON" + (snippet.isEmpty() ? "" : ": " + snippet), logId,
				MissingNode.getInstance(), MissingNode.getInstance(), false);
	}

	private static JsonNode tree(ObjectMapper json, String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode root = json.readTree(body);
			return (root != null && root.isObject()) ? root : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The text of a scalar node, {@code null} for a missing or null node. */
	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	/** A number given as a JSON number or numeric text, else the fallback. */
	static int integer(JsonNode node, int fallback) {
		if (node == null) {
			return fallback;
		}
		if (node.isIntegralNumber()) {
			return node.intValue();
		}
		if (node.isString()) {
			try {
				return Integer.parseInt(node.asString().strip());
			}
			catch (NumberFormatException ex) {
				return fallback;
			}
		}
		return fallback;
	}

}
