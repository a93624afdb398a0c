package fpimport.api;

import fpimport.api.OpenApiException.Classification;
import fpimport.failure.FpImportException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The error table of the reference, §2, as classifications, reasons and messages. */
class OpenApiExceptionTest {

	@Test
	void codesAreClassifiedAsTheReferenceSays() {
		assertThat(OpenApiException.classify(429, 10429, "")).isEqualTo(Classification.TRANSIENT);
		assertThat(OpenApiException.classify(500, 50006, "openapi system err")).isEqualTo(Classification.TRANSIENT);
		assertThat(OpenApiException.classify(502, 0, "not JSON")).isEqualTo(Classification.TRANSIENT);
		assertThat(OpenApiException.classify(504, 0, "")).isEqualTo(Classification.TRANSIENT);
		assertThat(OpenApiException.classify(0, 0, "timed out")).isEqualTo(Classification.TRANSIENT);
		assertThat(OpenApiException.classify(429, 10430, "")).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
		for (int code : new int[] { 10021, 10022, 10211 }) {
			assertThat(OpenApiException.classify(401, code, "")).isEqualTo(Classification.TOKEN);
		}
		for (int code : new int[] { 10001, 10301, 10404, 30014, 20039, 20042 }) {
			assertThat(OpenApiException.classify(400, code, "")).isEqualTo(Classification.STOPS_RUN);
		}
		for (int code : new int[] { 20006, 20038, 20041, 20050, 20083, 20013, 30005, 30006, 30009, 20004 }) {
			assertThat(OpenApiException.classify(400, code, "")).isEqualTo(Classification.ROW_REJECTED);
		}
		assertThat(OpenApiException.classify(500, 50006, "Failed to process role owners"))
			.isEqualTo(Classification.ROW_REJECTED);
		assertThat(OpenApiException.classify(500, 50006, "Current Template is Disable"))
			.isEqualTo(Classification.ROW_REJECTED);
		assertThat(OpenApiException.classify(404, 0, "not JSON")).isEqualTo(Classification.STOPS_RUN);
	}

	@Test
	void errorTableCorrectionsResignedUserUnsupportedOperationAndProjectPermission() {
		// 10302: the acting user resigned; every row would fail alike, so the run stops
		OpenApiException resigned = OpenApiException.of("POST /x", 400, 10302, "user resigned", null, 1);
		assertThat(resigned.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(resigned.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(resigned.hint()).contains("resigned").contains("--user-key");
		// a 50006 saying the type does not support the operation: no retry can fix it
		assertThat(OpenApiException.classify(500, 50006, "This type does not support this operation"))
			.isEqualTo(Classification.ROW_REJECTED);
		assertThat(OpenApiException.classify(500, 50006, "openapi system err, please try again later"))
			.isEqualTo(Classification.TRANSIENT);
		// 10404 is "No Project Permission" (HTTP 403), not a missing resource
		OpenApiException project = OpenApiException.of("GET /x", 403, 10404, "No Project Permission", null, 1);
		assertThat(project.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(project.hint()).startsWith("No Project Permission").doesNotContain("--base-url");
		// 20028: more than 50 ids in one query
		OpenApiException ids = OpenApiException.of("POST /x", 400, 20028, "too many ids", null, 1);
		assertThat(ids.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(ids.hint()).contains("at most 50");
	}

	@Test
	void reasonsFollowTheClassification() {
		assertThat(OpenApiException.of("GET /x", 403, 10001, "no permission", null, 1).reason())
			.isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(OpenApiException.of("GET /x", 401, 10301, "not granted", null, 1).reason())
			.isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(OpenApiException.of("GET /x", 400, 30014, "type", null, 1).reason()).isEqualTo(Reason.INVALID_INPUT);
		assertThat(OpenApiException.of("GET /x", 400, 20042, "X-USER-KEY is wrong", null, 1).reason())
			.isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(OpenApiException.of("GET /x", 400, 20050, "option", null, 1).reason()).isEqualTo(Reason.INTERNAL);
		// exit code 4: a service that stays busy, limited or unreachable through every
		// retry refused the run
		assertThat(OpenApiException.of("GET /x", 500, 50006, "busy", null, 1).reason())
			.isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(OpenApiException.of("GET /x", 429, 10429, "limit", null, 6).reason())
			.isEqualTo(Reason.REMOTE_REFUSED);
	}

	@Test
	void theMessageIsOneLineNamingEndpointCodeMessageAndLogId() {
		OpenApiException failure = OpenApiException.of("POST /open_api/:project_key/work_item/create", 400, 20006,
				"value does not match\nthe field's format", "log-9", 3);

		assertThat(failure.getMessage()).isEqualTo("POST /open_api/:project_key/work_item/create failed: err_code 20006"
				+ " 'value does not match the field's format' (HTTP 400, log id log-9, after 3 attempts)");
		assertThat(OpenApiException.of("GET /x", 502, 0, "", null, 1).getMessage())
			.isEqualTo("GET /x failed: (HTTP 502, log id none)");
	}

}
