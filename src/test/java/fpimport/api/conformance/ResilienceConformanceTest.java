package fpimport.api.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fpimport.TestEmulator;
import fpimport.api.ApiSettings.RetryPolicy;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiException;
import fpimport.api.OpenApiException.Classification;
import fpimport.api.WorkItemInfo;
import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.StoredItem;
import fpimport.failure.FpImportException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static fpimport.api.conformance.EmulatedService.PROJECT_KEY;
import static fpimport.api.conformance.EmulatedService.ZHANG_WEI;
import static fpimport.api.conformance.EmulatedService.assertOneLineNaming;
import static fpimport.api.conformance.EmulatedService.failure;
import static fpimport.api.conformance.EmulatedService.story;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client rides out what the service does to it (expired tokens, rate limits,
 * overload, gateway errors, answers lost after the item was stored) without losing or
 * doubling an item, and stops with a clear message when permission is withdrawn.
 */
class ResilienceConformanceTest {

	private static final String CREATE = "POST /open_api/:project_key/work_item/create";

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	final EmulatedService service = EmulatedService.on(this.emulator);

	@Test
	void anExpiredTokenIsRenewedAndTheCallSucceeds() {
		long first = this.service.client.create(PROJECT_KEY, story("Before expiry"), "row-1");
		this.service.emulator.faults().expireAllTokens();

		long second = this.service.client.create(PROJECT_KEY, story("After expiry"), "row-2");
		List<WorkItemInfo> read = this.service.client.query(PROJECT_KEY, "story", List.of(first, second));

		assertThat(read).extracting(WorkItemInfo::name).containsExactly("Before expiry", "After expiry");
		assertThat(this.service.emulator.space().answers(10022)).isEqualTo(1);
		assertThat(this.service.emulator.space().items()).hasSize(2);
	}

	@Test
	void aShortTokenLifetimeNeverReachesTheServiceAsAnExpiredToken() {
		// expire_time 1 s is under the 180 s margin: the client fetches a token per call
		try (EmulatedService shortLived = EmulatedService.start(
				EmulatorConfig.demo().withPort(0).withTokenLifetime(Duration.ofSeconds(1)), EmulatedService.FAST_RETRY,
				15)) {
			for (int row = 1; row <= 3; row++) {
				shortLived.client.create(PROJECT_KEY, story("Row " + row), "row-" + row);
			}

			assertThat(shortLived.emulator.space().items()).hasSize(3);
			assertThat(shortLived.emulator.space().answers(10022)).isZero();
		}
	}

	@Test
	void aBurstOverTheServersRateLimitIsRetriedUntilEveryCallSucceeds() throws Exception {
		// the server takes 2 calls a second per token and API, the client sends up to 20
		RetryPolicy patient = new RetryPolicy(200, Duration.ofSeconds(60), Duration.ofMillis(20),
				Duration.ofMillis(200));
		try (EmulatedService limited = EmulatedService.start(EmulatorConfig.demo().withPort(0).withQps(2), patient,
				20)) {
			List<Callable<Long>> rows = new ArrayList<>();
			for (int row = 1; row <= 6; row++) {
				String name = "Burst " + row;
				String key = "burst-" + row;
				rows.add(() -> limited.client.create(PROJECT_KEY, story(name), key));
			}
			List<Long> ids = createAll(rows, 3);

			assertThat(ids).doesNotHaveDuplicates().hasSize(6);
			assertThat(limited.emulator.space().answers(10429)).isPositive();
			assertThat(limited.emulator.space().items()).extracting(StoredItem::id)
				.containsExactlyInAnyOrderElementsOf(ids);
		}
	}

	@Test
	void overloadAnswersAreRetriedUntilEveryCreateSucceeds() {
		this.service.emulator.faults().reseed(7).serverErrors(0.5);

		List<Long> ids = createRows(8);

		assertThat(this.service.emulator.space().answers(50006)).isPositive();
		assertExactlyTheseItems(ids);
	}

	@Test
	void gatewayErrorsAreRetriedUntilEveryCreateSucceeds() {
		this.service.emulator.faults().reseed(11).gatewayErrors(0.5);

		List<Long> ids = createRows(8);

		assertThat(this.service.emulator.space().answers(502) + this.service.emulator.space().answers(504))
			.isPositive();
		assertExactlyTheseItems(ids);
	}

	@Test
	void aCreateWhoseAnswerIsLostIsRetriedWithTheSameKeyAndStoredOnce() {
		this.service.client.types(PROJECT_KEY);
		// every create is stored and its answer dropped; the repeat under the same
		// X-IDEM-UUID gets the first answer and creates nothing
		this.service.emulator.faults().droppedCreates(1.0);

		long id = this.service.client.create(PROJECT_KEY, story("Lost answer"), "row-lost");

		assertThat(this.service.emulator.space().droppedAnswers()).isEqualTo(1);
		assertThat(this.service.emulator.space().createCalls()).isEqualTo(2);
		assertThat(this.service.emulator.space().items()).singleElement()
			.satisfies((item) -> assertThat(item.id()).isEqualTo(id))
			.satisfies((item) -> assertThat(item.name()).isEqualTo("Lost answer"));
	}

	@Test
	void aShareOfLostAnswersNeverDoublesAnItem() {
		this.service.emulator.faults().reseed(3).droppedCreates(0.4);

		List<Long> ids = createRows(10);

		assertThat(this.service.emulator.space().droppedAnswers()).isPositive();
		assertExactlyTheseItems(ids);
	}

	@Test
	void aLostAnswerIsRetriedUnderTheTokenTheKeyWasSentWith() {
		// expire_time 1 s, under the 180 s margin: the client would take a new token for
		// every attempt, and the service knows a key only under the token it came with
		try (EmulatedService shortLived = EmulatedService.start(
				EmulatorConfig.demo().withPort(0).withTokenLifetime(Duration.ofSeconds(1)), EmulatedService.FAST_RETRY,
				15)) {
			shortLived.emulator.faults().droppedCreates(1.0);

			long id = shortLived.client.create(PROJECT_KEY, story("Lost answer"), "row-lost");

			assertThat(shortLived.emulator.space().items()).singleElement()
				.satisfies((item) -> assertThat(item.id()).isEqualTo(id));
			assertThat(shortLived.emulator.space().createCalls()).isEqualTo(2);
		}
	}

	@Test
	void aLostAnswerWhoseTokenHasExpiredIsReportedForReconciliationNotSentAgain() {
		// tokens live 500 ms and every answer waits 300 ms: the create is stored under a
		// fresh token, its answer is lost, and by the time the retry is checked that
		// token has expired, so the key can no longer protect a resend
		try (EmulatedService shortLived = EmulatedService.start(
				EmulatorConfig.demo().withPort(0).withTokenLifetime(Duration.ofMillis(500)), EmulatedService.FAST_RETRY,
				15)) {
			shortLived.emulator.faults().latency(Duration.ofMillis(300), Duration.ZERO).droppedCreates(1.0);

			OpenApiException failure = failure(
					() -> shortLived.client.create(PROJECT_KEY, story("Lost answer"), "row-lost"));

			assertThat(failure.classification()).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
			assertThat(failure.hint()).contains("reconcile");
			assertOneLineNaming(failure, CREATE);
			assertThat(shortLived.emulator.space().items()).hasSize(1);
		}
	}

	@Test
	void aCreateWithoutAKeyWhoseAnswerIsLostIsStillStoredOnce() {
		// no X-IDEM-UUID from the caller: the client's own retries must not double it
		this.service.emulator.faults().droppedCreates(1.0);

		long id = this.service.client.create(PROJECT_KEY, story("No key"), null);

		assertThat(this.service.emulator.space().items()).singleElement()
			.satisfies((item) -> assertThat(item.id()).isEqualTo(id));
	}

	@Test
	void answersLaterThanTheRequestTimeoutAreRetriedWithoutDoublingAnItem() {
		// about half the answers come after the client has given up on them; the
		// service still stores what it was sent
		OpenApiClient impatient = new OpenApiClient(
				EmulatedService.settings(this.service.emulator, EmulatedService.FAST_RETRY, 15)
					.withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(250)));
		impatient.types(PROJECT_KEY);
		this.service.emulator.faults().reseed(5).latency(Duration.ZERO, Duration.ofMillis(500));

		List<Long> ids = new ArrayList<>();
		for (int row = 1; row <= 5; row++) {
			ids.add(impatient.create(PROJECT_KEY, story("Row " + row), "row-" + row));
		}

		assertThat(this.service.emulator.space().createCalls()).isGreaterThan(5);
		assertExactlyTheseItems(ids);
	}

	@Test
	void severalThreadsThroughEveryFaultAtOnceStoreEachRowExactlyOnce() throws Exception {
		this.service.emulator.faults()
			.reseed(13)
			.serverErrors(0.15)
			.gatewayErrors(0.1)
			.droppedCreates(0.25)
			.latency(Duration.ZERO, Duration.ofMillis(20));
		List<Callable<Long>> rows = new ArrayList<>();
		for (int row = 1; row <= 24; row++) {
			String name = "Row " + row;
			String key = "row-" + row;
			rows.add(() -> this.service.client.create(PROJECT_KEY, story(name), key));
		}
		List<Long> ids = createAll(rows, 4);

		assertThat(this.service.emulator.space().droppedAnswers()).isPositive();
		assertExactlyTheseItems(ids);
	}

	@Test
	void withdrawnPermissionStopsTheRunAndReturningItLetsTheSameCallSucceed() {
		this.service.client.create(PROJECT_KEY, story("Before"), "row-1");
		this.service.emulator.space().revokePermission();

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, story("During"), "row-2"));

		assertThat(failure.errCode()).isEqualTo(10001);
		assertThat(failure.httpStatus()).isEqualTo(403);
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		// REMOTE_REFUSED is exit code 4 at the command line
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.attempts()).isEqualTo(1);
		assertOneLineNaming(failure, CREATE);
		assertThat(failure.getMessage()).contains("'No Permission'").contains("HTTP 403").contains("log id ");
		assertThat(failure.hint()).isEqualTo(
				"check the project key, and that the plugin is installed in the space and the user has permission");
		assertThat(this.service.emulator.space().items()).hasSize(1);

		this.service.emulator.space().grantPermission();
		long id = this.service.client.create(PROJECT_KEY, story("During"), "row-2");

		assertThat(this.service.client.query(PROJECT_KEY, "story", List.of(id))).singleElement()
			.satisfies((item) -> assertThat(item.createdBy()).isEqualTo(ZHANG_WEI));
		assertThat(this.service.emulator.space().items()).hasSize(2);
	}

	@Test
	void permissionWithdrawnFromTheActingUserAloneStopsTheRunAsWell() {
		this.service.emulator.space().revokePermission(ZHANG_WEI);

		OpenApiException failure = failure(() -> this.service.client.types(PROJECT_KEY));

		assertThat(failure.errCode()).isEqualTo(10001);
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);

		this.service.emulator.space().grantPermission(ZHANG_WEI);
		assertThat(this.service.client.types(PROJECT_KEY)).isNotEmpty();
	}

	private List<Long> createRows(int count) {
		List<Long> ids = new ArrayList<>();
		for (int row = 1; row <= count; row++) {
			ids.add(this.service.client.create(PROJECT_KEY, story("Row " + row), "row-" + row));
		}
		return ids;
	}

	private void assertExactlyTheseItems(List<Long> ids) {
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(this.service.emulator.space().items()).extracting(StoredItem::id)
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.service.emulator.space().items()).extracting(StoredItem::name)
			.containsExactlyInAnyOrderElementsOf(ids.stream().map((id) -> "Row " + (ids.indexOf(id) + 1)).toList());
	}

	/** Runs the creates on this many threads at once; their ids, in the order given. */
	private static List<Long> createAll(List<Callable<Long>> creates, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Long> ids = new ArrayList<>();
			for (Future<Long> id : pool.invokeAll(creates)) {
				ids.add(id.get());
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
