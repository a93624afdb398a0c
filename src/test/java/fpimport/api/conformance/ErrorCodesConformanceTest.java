package fpimport.api.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import fpimport.TestEmulator;
import fpimport.api.ApiSettings;
import fpimport.api.ApiSettings.RetryPolicy;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiException;
import fpimport.api.OpenApiException.Classification;
import fpimport.api.OpenApiSpace;
import fpimport.api.Secret;
import fpimport.api.UserQuery;
import fpimport.emulator.EmulatorConfig;
import fpimport.workitem.FieldValuePair;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static fpimport.api.conformance.EmulatedService.NO_RETRY;
import static fpimport.api.conformance.EmulatedService.PROJECT_KEY;
import static fpimport.api.conformance.EmulatedService.ZHANG_WEI;
import static fpimport.api.conformance.EmulatedService.assertOneLineNaming;
import static fpimport.api.conformance.EmulatedService.failure;
import static fpimport.api.conformance.EmulatedService.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every error code of the docs/design.md#open-api-errors table that the emulator answers,
 * met by the client over HTTP: its classification, exit-code reason, HTTP status,
 * err_code, and a one-line message naming the endpoint.
 */
class ErrorCodesConformanceTest {

	private static final String CREATE = "POST /open_api/:project_key/work_item/create";

	private static final String ALL_TYPES = "GET /open_api/:project_key/work_item/all-types";

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	final EmulatedService service = EmulatedService.on(this.emulator);

	@Test
	void rateLimit10429IsTransient() {
		try (EmulatedService limited = EmulatedService.start(EmulatorConfig.demo().withPort(0).withQps(1), NO_RETRY,
				50)) {
			// the client allows 50 a second, the server 1: the second call within a
			// second is refused; a few more calls make a stalled machine no excuse
			OpenApiException failure = null;
			for (int call = 0; call < 20 && failure == null; call++) {
				try {
					limited.client.types(PROJECT_KEY);
				}
				catch (OpenApiException ex) {
					failure = ex;
				}
			}

			assertThat(failure).isNotNull();
			assertThat(failure.errCode()).isEqualTo(10429);
			assertThat(failure.httpStatus()).isEqualTo(429);
			assertThat(failure.classification()).isEqualTo(Classification.TRANSIENT);
			assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
			assertOneLineNaming(failure, ALL_TYPES);
			assertThat(failure.logId()).isNotBlank();
		}
	}

	@Test
	void idempotencyConflict10430MeansTheItemMayExist() {
		this.service.client.create(PROJECT_KEY, story("First body"), "row-1");

		OpenApiException failure = failure(
				() -> this.service.client.create(PROJECT_KEY, story("Another body"), "row-1"));

		assertThat(failure.errCode()).isEqualTo(10430);
		assertThat(failure.httpStatus()).isEqualTo(429);
		assertThat(failure.classification()).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(failure.hint()).contains("reconcile");
		assertOneLineNaming(failure, CREATE);
		assertThat(this.service.emulator.space().items()).hasSize(1);
	}

	@Test
	void overload50006IsTransientAndRetriedUntilTheBudgetIsSpent() {
		OpenApiClient client = this.service.client(retries(3), 15);
		client.types(PROJECT_KEY);
		this.service.emulator.faults().serverErrors(1.0);

		OpenApiException failure = failure(() -> client.create(PROJECT_KEY, story("Busy"), "row-busy"));

		assertThat(failure.errCode()).isEqualTo(50006);
		assertThat(failure.errMsg()).isEqualTo("openapi system err, please try again later");
		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(failure.classification()).isEqualTo(Classification.TRANSIENT);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.attempts()).isEqualTo(3);
		assertThat(failure.getMessage()).contains("after 3 attempts");
		assertOneLineNaming(failure, CREATE);
		assertThat(this.service.emulator.space().createCalls()).isEqualTo(3);
		assertThat(this.service.emulator.space().items()).isEmpty();
	}

	@Test
	void gatewayErrors5xxAreTransientAndTheirHtmlIsKeptToOneLine() {
		OpenApiClient client = this.service.client(retries(2), 15);
		client.types(PROJECT_KEY);
		this.service.emulator.faults().gatewayErrors(1.0);

		OpenApiException failure = failure(() -> client.create(PROJECT_KEY, story("Gateway"), "row-gw"));

		assertThat(failure.errCode()).isZero();
		assertThat(failure.httpStatus()).isIn(502, 504);
		assertThat(failure.classification()).isEqualTo(Classification.TRANSIENT);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.attempts()).isEqualTo(2);
		assertThat(failure.errMsg()).startsWith("answer is not JSON").contains("Gateway");
		assertOneLineNaming(failure, CREATE);
		assertThat(failure.logId()).isNotBlank();
		assertThat(this.service.emulator.space().items()).isEmpty();
	}

	@Test
	void missingToken10021IsNeverSentByTheClient() throws Exception {
		// the client always sends a token, so 10021 can only be provoked without it
		HttpResponse<String> raw = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create(this.service.emulator.baseUrl() + "/open_api/" + PROJECT_KEY + "/work_item/all-types"))
				.header("X-USER-KEY", ZHANG_WEI)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode body = JsonMapper.builder().build().readTree(raw.body());
		assertThat(raw.statusCode()).isEqualTo(401);
		assertThat(body.path("err_code").intValue()).isEqualTo(10021);

		this.service.client.types(PROJECT_KEY);
		this.service.client.create(PROJECT_KEY, story("With a token"), null);
		assertThat(this.service.emulator.space().answers(10021)).as("only the raw request").isEqualTo(1);
	}

	@Test
	void expiredToken10022IsRenewedOnceThenReported() {
		// every token expires a millisecond after it is issued, and every answer waits
		// 20 ms first: even the renewed token has expired when it is checked
		try (EmulatedService expiring = EmulatedService
			.start(EmulatorConfig.demo().withPort(0).withTokenLifetime(Duration.ofMillis(1)), NO_RETRY, 15)) {
			expiring.emulator.faults().latency(Duration.ofMillis(20), Duration.ZERO);

			OpenApiException failure = failure(() -> expiring.client.types(PROJECT_KEY));

			assertThat(failure.errCode()).isEqualTo(10022);
			assertThat(failure.httpStatus()).isEqualTo(401);
			assertThat(failure.classification()).isEqualTo(Classification.TOKEN);
			assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
			assertThat(failure.attempts()).isEqualTo(2);
			assertThat(failure.hint()).contains("--plugin-id");
			assertOneLineNaming(failure, ALL_TYPES);
			assertThat(expiring.emulator.space().answers(10022)).isEqualTo(2);
		}
	}

	@Test
	void noPermission10001StopsTheRun() {
		this.service.emulator.space().revokePermission();

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, story("Refused"), null));

		assertStopsRun(failure, 10001, 403, CREATE);
		assertThat(failure.hint()).contains("plugin is installed in the space");
		assertThat(this.service.emulator.space().items()).isEmpty();
	}

	@Test
	void unknownSpace10001StopsTheRun() {
		OpenApiException failure = failure(() -> this.service.client.types("no-such-space"));

		assertStopsRun(failure, 10001, 403, ALL_TYPES);
	}

	@Test
	void apiNotGranted10301StopsTheRun() {
		this.service.emulator.space().uninstallPlugin();

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, story("Refused"), null));

		// 401 like a token fault, but the code says configuration: no token renewal helps
		assertStopsRun(failure, 10301, 401, CREATE);
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(failure.hint()).contains("grant the plugin");
	}

	@Test
	void wrongShape20006RejectsTheRow() {
		assertRowRejected(story("Shape", new FieldValuePair("field_44aa1b", "11.5")), 20006, 400);
	}

	@Test
	void requiredFieldNotSet20038RejectsTheRow() {
		WorkItemDraft noPriority = new WorkItemDraft("story", null, "No priority",
				EmulatedService.requiredStoryFields()
					.stream()
					.filter((pair) -> !pair.fieldKey().equals("priority"))
					.toList());

		assertRowRejected(noPriority, 20038, 400);
	}

	@Test
	void requiredRoleLeftEmpty20041RejectsTheRow() {
		// the operator role is required and users assign themselves to it, so
		// nothing fills it when omitted
		WorkItemDraft bug = new WorkItemDraft("issue", null, "No assignee",
				List.of(new FieldValuePair("priority", Map.of("value", "2")),
						new FieldValuePair("field_b4c5d6", 1722182400000L)));

		assertRowRejected(bug, 20041, 400);
	}

	@Test
	void wrongOption20050RejectsTheRow() {
		// P4 is a disabled option
		assertRowRejected(new WorkItemDraft("story", null, "Disabled option", List.of(
				new FieldValuePair("priority", Map.of("value", "99")),
				new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")),
				new FieldValuePair("field_7e8f9a",
						EmulatedService.tree("mod_platform", EmulatedService.tree("mod_platform_perm", null))))),
				20050, 400);
	}

	@Test
	void duplicateField20083RejectsTheRow() {
		// by key and by alias: the draft cannot see that both name one field
		assertRowRejected(story("Twice", new FieldValuePair("field_a1b2c3", List.of(Map.of("value", "q4xi0i9dq"))),
				new FieldValuePair("tags", List.of())), 20083, 400);
	}

	@Test
	void timeNotMilliseconds20013RejectsTheRow() {
		// seconds, not milliseconds
		assertRowRejected(story("Seconds", new FieldValuePair("field_9f1e2d", 1722182400L)), 20013, 400);
	}

	@Test
	void workItemNotFound30005RejectsTheRow() {
		assertRowRejected(story("Dangling", new FieldValuePair("field_5d6e7f", 4812084224L)), 30005, 404);

		OpenApiException failure = failure(() -> this.service.client.delete(PROJECT_KEY, "story", 4812084224L));
		assertThat(failure.errCode()).isEqualTo(30005);
		assertThat(failure.httpStatus()).isEqualTo(404);
		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertOneLineNaming(failure, "DELETE /open_api/:project_key/work_item/:work_item_type_key/:work_item_id");
	}

	@Test
	void userNotFound30006RejectsTheRow() {
		assertRowRejected(story("Nobody", new FieldValuePair("field_3b5c7d", "7000000000000000000")), 30006, 404);
		// a resigned person is refused in a user field as well
		assertRowRejected(story("Resigned", new FieldValuePair("watchers", List.of(EmulatedService.GUO_TAO))), 30006,
				404);
	}

	@Test
	void fieldNotFound30009RejectsTheRow() {
		assertRowRejected(story("Unknown field", new FieldValuePair("field_ffffff", "x")), 30009, 404);
	}

	@Test
	void typeNotFound30014StopsTheRunAsAMappingFault() {
		OpenApiException failure = failure(() -> this.service.client.meta(PROJECT_KEY, "epic"));

		assertThat(failure.errCode()).isEqualTo(30014);
		assertThat(failure.httpStatus()).isEqualTo(404); // 30005-30015: 404 (error code
															// table)
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.INVALID_INPUT);
		assertOneLineNaming(failure, "GET /open_api/:project_key/work_item/:work_item_type_key/meta");
	}

	@Test
	void tooManyValues20004IsPreventedByTheClient() {
		// the client refuses a lookup the service would answer with 20004 ...
		List<String> emails = IntStream.range(0, 250).mapToObj((i) -> "person" + i + "@example.com").toList();
		assertThatIllegalArgumentException().isThrownBy(() -> UserQuery.emails(emails))
			.withMessageContaining("at most 100");
		List<Long> ids = LongStream.range(0, 51).boxed().toList();
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.client.query(PROJECT_KEY, "story", ids))
			.withMessageContaining("at most 50");

		// ... and the space adapter splits it into lookups of 100, which the service
		// takes
		List<String> withKnown = new ArrayList<>(emails);
		withKnown.add(120, "li.na@example.com");
		assertThat(new OpenApiSpace(this.service.client, PROJECT_KEY).findByEmails(withKnown))
			.extracting((user) -> user.userKey())
			.containsExactly(EmulatedService.LI_NA);
		assertThat(this.service.emulator.space().answers(20004)).isZero();
		assertThat(this.service.emulator.space().answers(0)).isGreaterThanOrEqualTo(3);
	}

	@Test
	void wrongPluginSecretStopsTheRunWithoutShowingTheSecret() {
		OpenApiClient wrong = new OpenApiClient(ApiSettings.of(this.service.emulator.baseUrl(),
				EmulatedService.DEMO.plugin().id(), Secret.of("not-the-secret-0123456789"), ZHANG_WEI));

		OpenApiException failure = failure(() -> wrong.types(PROJECT_KEY));

		assertThat(failure.errCode()).isEqualTo(10204);
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.hint()).contains("--plugin-secret");
		assertOneLineNaming(failure, "POST /open_api/authen/plugin_token");
		assertThat(failure.getMessage()).doesNotContain("not-the-secret-0123456789");
		assertThat(this.service.emulator.space().answers(0)).isZero();
	}

	@Test
	void aBaseUrlThatIsNotTheOpenApiStopsTheRun() {
		OpenApiClient misdirected = new OpenApiClient(ApiSettings.of(this.service.emulator.baseUrl() + "/proxy",
				EmulatedService.DEMO.plugin().id(), Secret.of(EmulatedService.DEMO.plugin().secret()), ZHANG_WEI));

		OpenApiException failure = failure(() -> misdirected.types(PROJECT_KEY));

		assertThat(failure.httpStatus()).isEqualTo(404);
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.hint()).contains("--base-url");
		assertThat(failure.getMessage()).doesNotContain("\n");
	}

	private void assertRowRejected(WorkItemDraft draft, int errCode, int httpStatus) {
		int before = this.service.emulator.space().createCalls();

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, draft, null));

		assertThat(failure.errCode()).isEqualTo(errCode);
		assertThat(failure.httpStatus()).isEqualTo(httpStatus);
		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(failure.attempts()).as("a row refusal is not retried").isEqualTo(1);
		assertThat(failure.errMsg()).isNotBlank();
		assertThat(failure.logId()).isNotBlank();
		assertOneLineNaming(failure, CREATE);
		assertThat(this.service.emulator.space().createCalls()).isEqualTo(before + 1);
		assertThat(this.service.emulator.space().items()).isEmpty();
	}

	private static void assertStopsRun(OpenApiException failure, int errCode, int httpStatus, String endpoint) {
		assertThat(failure.errCode()).isEqualTo(errCode);
		assertThat(failure.httpStatus()).isEqualTo(httpStatus);
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.hint()).isNotBlank();
		assertThat(failure.logId()).isNotBlank();
		assertOneLineNaming(failure, endpoint);
	}

	private static RetryPolicy retries(int attempts) {
		return new RetryPolicy(attempts, Duration.ofSeconds(30), Duration.ofMillis(2), Duration.ofMillis(10));
	}

}
