package fpimport.emulator;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * One answer of the emulator: status and JSON body, or {@code dropped}: the connection is
 * closed with no answer at all.
 */
record Answer(int status, ObjectNode body, int errCode, boolean dropped) {

	Answer {
		Objects.requireNonNull(body, "body");
	}

	/** The same answer, sent this time. */
	Answer delivered() {
		return new Answer(this.status, this.body, this.errCode, false);
	}

}
