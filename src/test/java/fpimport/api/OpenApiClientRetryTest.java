package fpimport.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import fpimport.api.OpenApiException.Classification;
import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import fpimport.workitem.FieldValuePair;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Transient faults are retried with backoff and the same idempotency key; everything else
 * fails at once with the service's code, message and log id.
 */
class OpenApiClientRetryTest {

	private static final WorkItemDraft DRAFT = new WorkItemDraft("story", null, "Row 7",
			List.of(new FieldValuePair("priority", java.util.Map.of("value", "p0"))));

	@RegisterExtension
	final ScriptedServer server = ScriptedServer.started();

	private final ManualTime time = new ManualTime();

	private final OpenApiClient client = this.server.client(this.time);

	@Test
	void rateLimitedCreateIsRetriedWithTheSameIdempotencyKey() {
		this.server.reply(Reply.error(429, 10429, "too many requests", "log-1")).reply(Reply.ok("77"));

		assertThat(this.client.create("doc", DRAFT, "row-7")).isEqualTo(77L);

		assertCreatesAllAlike(2);
		assertThat(this.time.pauses()).hasSize(1);
	}

	@Test
	void aCreateWithoutACallersKeyIsRetriedUnderOneKeyOfItsOwn() {
		this.server.reply(Reply.error(500, 50006, "openapi system err, please try again later", "log-1"))
			.reply(Reply.ok("77"));

		assertThat(this.client.create("doc", DRAFT, null)).isEqualTo(77L);

		List<Recorded> creates = this.server.businessRequests();
		assertThat(creates).hasSize(2);
		assertThat(creates.get(0).header("X-IDEM-UUID")).isNotBlank().isEqualTo(creates.get(1).header("X-IDEM-UUID"));
	}

	@Test
	void overloadIsRetried() {
		this.server.reply(Reply.error(500, 50006, "openapi system err, please try again later", "log-1"))
			.reply(Reply.ok("78"));

		assertThat(this.client.create("doc", DRAFT, "row-7")).isEqualTo(78L);

		assertCreatesAllAlike(2);
	}

	@Test
	void gatewayFailuresWithoutJsonAreRetried() {
		this.server.reply(Reply.raw(502, "text/html", "<html><body>502 Bad Gateway</body></html>"))
			.reply(Reply.raw(504, "text/plain", "upstream request timeout"))
			.reply(Reply.raw(503, "application/json", ""))
			.reply(Reply.ok("79"));

		assertThat(this.client.create("doc", DRAFT, "row-7")).isEqualTo(79L);

		assertCreatesAllAlike(4);
	}

	@Test
	void aDroppedConnectionAfterSendingACreateIsRetriedOnceByUsWithTheSameKey() {
		this.server.reply(Reply.dropConnection()).reply(Reply.ok("80"));

		assertThat(this.client.create("doc", DRAFT, "row-7")).isEqualTo(80L);

		// exactly two: the JDK client did not re-send the POST by itself
		assertCreatesAllAlike(2);
		assertThat(this.time.pauses()).hasSize(1);
	}

	@Test
	void aTimeoutIsRetried() throws IOException {
		try (ScriptedServer slow = new ScriptedServer()) {
			slow.reply(Reply.ok("81").delayed(1500)).reply(Reply.ok("82"));
			OpenApiClient impatient = new OpenApiClient(
					slow.settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)), this.time, () -> 1.0);

			assertThat(impatient.create("doc", DRAFT, "row-7")).isEqualTo(82L);

			assertThat(slow.businessRequests()).extracting((request) -> request.header("X-IDEM-UUID"))
				.containsExactly("row-7", "row-7");
		}
	}

	@Test
	void backoffGrowsExponentiallyWithFullJitter() throws IOException {
		this.server.otherwise(Reply.error(500, 50006, "busy", null));
		catchThrowableOfType(OpenApiException.class, () -> this.client.types("doc"));
		// jitter 1.0: each pause is its cap; 100 ms base, doubling
		assertThat(this.time.pauses()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
				Duration.ofMillis(400));

		try (ScriptedServer other = new ScriptedServer()) {
			other.otherwise(Reply.error(500, 50006, "busy", null));
			ManualTime halfTime = new ManualTime();
			OpenApiClient halfJitter = new OpenApiClient(other.settings(), halfTime, () -> 0.5);
			catchThrowableOfType(OpenApiException.class, () -> halfJitter.types("doc"));
			assertThat(halfTime.pauses()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
					Duration.ofMillis(200));
		}
	}

	@Test
	void retriesStopAfterMaxAttempts() {
		this.server.otherwise(Reply.error(429, 10429, "too many requests", "log-last"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.TRANSIENT);
		assertThat(failure.attempts()).isEqualTo(4);
		assertThat(failure.getMessage()).contains("after 4 attempts").contains("10429").contains("log-last");
		assertCreatesAllAlike(4);
	}

	@Test
	void retriesStopWhenTheTotalTimeIsSpent() throws IOException {
		try (ScriptedServer other = new ScriptedServer()) {
			other.otherwise(Reply.error(500, 50006, "busy", null));
			ApiSettings patient = other.settings()
				.withRetry(new ApiSettings.RetryPolicy(1000, Duration.ofSeconds(3), Duration.ofSeconds(1),
						Duration.ofSeconds(1)));
			ManualTime clock = new ManualTime();
			OpenApiClient client = new OpenApiClient(patient, clock, () -> 1.0);

			OpenApiException failure = catchThrowableOfType(OpenApiException.class, () -> client.types("doc"));

			assertThat(failure.classification()).isEqualTo(Classification.TRANSIENT);
			assertThat(other.businessRequests()).hasSize(4);
			assertThat(clock.pauses().stream().reduce(Duration.ZERO, Duration::plus))
				.isLessThanOrEqualTo(Duration.ofSeconds(3));
		}
	}

	@Test
	void aRejectedRowIsNotRetriedAndCarriesCodeMessageAndLogId() {
		this.server.reply(Reply.error(400, 20050, "option value wrong", "20260101-abc"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.errCode()).isEqualTo(20050);
		assertThat(failure.errMsg()).isEqualTo("option value wrong");
		assertThat(failure.logId()).isEqualTo("20260101-abc");
		assertThat(failure.endpoint()).isEqualTo("POST /open_api/:project_key/work_item/create");
		assertThat(failure.getMessage()).isEqualTo(
				"POST /open_api/:project_key/work_item/create failed: err_code 20050 'option value wrong' (HTTP 400, log id 20260101-abc)");
		assertCreatesAllAlike(1);
		assertThat(this.time.pauses()).isEmpty();
	}

	@Test
	void noPermissionStopsTheRunWithAHint() {
		this.server.reply(Reply.error(403, 10001, "no permission", "log-p"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.hint()).contains("plugin is installed in the space");
		assertCreatesAllAlike(1);
	}

	@Test
	void anUnknownTypeIsAnInvalidMapping() {
		this.server.reply(Reply.error(400, 30014, "WorkItem Type Not Found", "log-t"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.INVALID_INPUT);
		assertThat(failure.hint()).contains("fpimport meta");
		assertCreatesAllAlike(1);
	}

	@Test
	void anUnsupportedOperation50006IsARowFailureSentOnce() {
		this.server.reply(Reply.error(500, 50006, "This type does not support this operation", "log-u"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(failure.attempts()).isEqualTo(1);
		assertCreatesAllAlike(1);
	}

	@Test
	void aResignedActingUserStopsTheRun() {
		this.server.reply(Reply.error(400, 10302, "user resigned", "log-r"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.hint()).contains("has resigned");
		assertCreatesAllAlike(1);
	}

	@Test
	void anIdempotencyConflictAsksForReconciliation() {
		this.server.reply(Reply.error(429, 10430, "idempotent conflict", "log-i"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
		assertThat(failure.hint()).contains("reconcile");
		assertCreatesAllAlike(1);
	}

	@Test
	void aConflictAfterADroppedConnectionMeansTheFirstAttemptMayHaveCreatedTheItem() {
		this.server.reply(Reply.dropConnection()).reply(Reply.error(429, 10430, "idempotent conflict", "log-i"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
		assertThat(failure.attempts()).isEqualTo(2);
		assertCreatesAllAlike(2);
	}

	@Test
	void a50006ThatNamesACreateRuleIsARowFailureNotRetried() {
		this.server.reply(Reply.error(500, 50006, "Template not found", "log-x"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(failure.errMsg()).isEqualTo("Template not found");
		assertCreatesAllAlike(1);
	}

	@Test
	void aPageThatIsNotTheOpenApiStopsTheRun() {
		this.server.reply(Reply.raw(200, "text/html", "<html>Welcome to our portal</html>"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class, () -> this.client.types("doc"));

		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.errMsg()).contains("not JSON").contains("Welcome");
		assertThat(failure.hint()).contains("--base-url");
		assertThat(this.server.businessRequests()).hasSize(1);
	}

	@Test
	void aCreateAnsweredWithoutAnIdMayHaveCreatedTheItem() {
		this.server.reply(Reply.ok("null"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", DRAFT, "row-7"));

		assertThat(failure.classification()).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
		assertCreatesAllAlike(1);
	}

	@Test
	void anUnreachableServiceFailsAsTransientAfterTheRetries() throws IOException {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			closedPort = probe.getLocalPort();
		}
		ApiSettings settings = ApiSettings.of("http://127.0.0.1:" + closedPort, "plugin-1", Secret.of("x"), "user-1")
			.withRetry(new ApiSettings.RetryPolicy(3, Duration.ofSeconds(60), Duration.ofMillis(10),
					Duration.ofMillis(10)));
		OpenApiClient unreachable = new OpenApiClient(settings, this.time, () -> 1.0);

		OpenApiException failure = catchThrowableOfType(OpenApiException.class, () -> unreachable.types("doc"));

		assertThat(failure.classification()).isEqualTo(Classification.TRANSIENT);
		assertThat(failure.endpoint()).isEqualTo("POST /open_api/authen/plugin_token");
		assertThat(failure.httpStatus()).isZero();
		assertThat(failure.attempts()).isEqualTo(3);
		assertThat(failure.getMessage()).contains("no answer");
	}

	private void assertCreatesAllAlike(int count) {
		List<Recorded> creates = this.server.businessRequests();
		assertThat(creates).hasSize(count);
		assertThat(creates).allSatisfy((create) -> {
			assertThat(create.path()).isEqualTo("/open_api/doc/work_item/create");
			assertThat(create.header("X-IDEM-UUID")).isEqualTo("row-7");
			assertThat(create.body()).isEqualTo(creates.get(0).body());
		});
	}

}
