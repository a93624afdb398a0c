package fpimport.emulator;

import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer of the emulator: status and JSON body, or {@code dropped}: the connection is
 * closed with no answer at all.
 */
record Answer(int status, ObjectNode body, int errCode, boolean dropped) {

	Answer {
		Objects.requireNonNull(body, "body");
	}

	/** Success in the business envelope. */
	static Answer ok(JsonNode data) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("err_code", 0);
		body.put("err_msg", "");
		body.putObject("err");
		body.set("data", data);
		return new Answer(200, body, 0, false);
	}

	/** A refusal in the business envelope, with the status its code implies. */
	static Answer failure(ApiError error, String logId) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("err_code", error.code());
		body.put("err_msg", error.getMessage());
		ObjectNode err = body.putObject("err");
		err.put("code", error.code());
		err.put("msg", error.detail());
		err.put("log_id", logId);
		body.putNull("data");
		return new Answer(error.httpStatus(), body, error.code(), false);
	}

	/** The same answer, sent this time. */
	Answer delivered() {
		return new Answer(this.status, this.body, this.errCode, false);
	}

	/** The same answer, never sent: the connection is closed instead. */
	Answer unanswered() {
		return new Answer(this.status, this.body, this.errCode, true);
	}

}
