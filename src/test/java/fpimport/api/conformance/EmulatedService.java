package fpimport.api.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.api.ApiSettings;
import fpimport.api.ApiSettings.RetryPolicy;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiException;
import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.OpenApiEmulator;
import fpimport.emulator.SpaceFixture;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.WorkItemDraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The emulator of the demo space started in-process on a free port, and a client that
 * reaches it over HTTP with the demo plugin's credentials and a fast retry policy. The
 * test's {@link TestEmulator} starts and stops the emulator:
 *
 * <pre>
 * &#64;RegisterExtension
 * final TestEmulator emulator = TestEmulator.demo();
 *
 * final EmulatedService service = EmulatedService.on(this.emulator);
 * </pre>
 */
final class EmulatedService implements AutoCloseable {

	static final SpaceFixture DEMO = SpaceFixture.demo();

	static final String PROJECT_KEY = DEMO.projectKey();

	/** The acting user, 张伟, the default member of the PM role. */
	static final String ZHANG_WEI = "7351585340534063109";

	static final String WANG_FANG = "7312204958161301508";

	static final String WANG_FANG_SHENZHEN = "7355501928374650192";

	static final String LI_NA = "7298834410227613697";

	static final String LIU_YANG = "7340018273645501234";

	static final String CHEN_JING = "7285521904468877312";

	static final String ZHAO_LEI = "7301947562839104567";

	/** Resigned. */
	static final String GUO_TAO = "7264019283746501928";

	/** Frozen. */
	static final String LUO_MIN = "7276650192837465019";

	/**
	 * Short pauses, so retries cost milliseconds; generous bounds, so they never run out.
	 */
	static final RetryPolicy FAST_RETRY = new RetryPolicy(30, Duration.ofSeconds(60), Duration.ofMillis(5),
			Duration.ofMillis(40));

	/** No retry at all: the first transient fault is thrown. */
	static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ofSeconds(10), Duration.ofMillis(1),
			Duration.ofMillis(1));

	private final TestEmulator running;

	private final RetryPolicy retry;

	private final int clientQps;

	/** The running emulator. */
	OpenApiEmulator emulator;

	/** A client of {@link #emulator} with this service's retry policy and limit. */
	OpenApiClient client;

	private EmulatedService(TestEmulator running, RetryPolicy retry, int clientQps) {
		this.running = running.whenStarted(this::connect);
		this.retry = retry;
		this.clientQps = clientQps;
	}

	/**
	 * The demo space with the real service's limits and a fast-retrying client, connected
	 * each time the test's emulator starts.
	 */
	static EmulatedService on(TestEmulator emulator) {
		return new EmulatedService(emulator, FAST_RETRY, ApiSettings.DEFAULT_QPS);
	}

	/** A service started now, for one test's try-with-resources. */
	static EmulatedService start(EmulatorConfig config, RetryPolicy retry, int clientQps) {
		EmulatedService service = new EmulatedService(TestEmulator.of(config), retry, clientQps);
		service.running.start();
		return service;
	}

	private void connect(OpenApiEmulator started) {
		this.emulator = started;
		this.client = new OpenApiClient(settings(started, this.retry, this.clientQps));
	}

	static ApiSettings settings(OpenApiEmulator emulator, RetryPolicy retry, int clientQps) {
		SpaceFixture.Plugin plugin = emulator.space().fixture().plugin();
		return ApiSettings
			.of(emulator.baseUrl(), plugin.id(), fpimport.api.Secret.of(plugin.secret()),
					emulator.space().fixture().defaultUserKey())
			.withRetry(retry)
			.withQps(clientQps)
			.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	/** Another client of the same emulator, with its own token and limits. */
	OpenApiClient client(RetryPolicy retry, int clientQps) {
		return new OpenApiClient(settings(this.emulator, retry, clientQps));
	}

	/**
	 * A story that passes every rule: a name, the required priority, requirement type and
	 * module, and nothing else, so each test adds or breaks one thing.
	 */
	static WorkItemDraft story(String name, FieldValuePair... more) {
		List<FieldValuePair> fields = new java.util.ArrayList<>(requiredStoryFields());
		fields.addAll(List.of(more));
		return new WorkItemDraft("story", null, name, fields);
	}

	static List<FieldValuePair> requiredStoryFields() {
		return List.of(new FieldValuePair("priority", Map.of("value", "1")),
				new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")),
				new FieldValuePair("field_7e8f9a", tree("mod_platform", tree("mod_platform_account", null))));
	}

	/**
	 * A tree select value: {@code children} is an object, or an explicit null at a leaf.
	 */
	static Map<String, Object> tree(String value, Map<String, Object> child) {
		Map<String, Object> node = new java.util.LinkedHashMap<>();
		node.put("value", value);
		node.put("children", child);
		return node;
	}

	/** The failure of a call that must fail with an {@link OpenApiException}. */
	static OpenApiException failure(Runnable call) {
		OpenApiException failure = catchThrowableOfType(OpenApiException.class, call::run);
		assertThat(failure).as("the call must fail with an OpenApiException").isNotNull();
		return failure;
	}

	/**
	 * The message is one line that names the endpoint by method and template, with the
	 * err_code when there is one.
	 */
	static void assertOneLineNaming(OpenApiException failure, String endpoint) {
		assertThat(failure.endpoint()).isEqualTo(endpoint);
		assertThat(failure.getMessage()).doesNotContain("\n", "\r").startsWith(endpoint + " failed:");
		if (failure.errCode() != 0) {
			assertThat(failure.getMessage()).contains("err_code " + failure.errCode());
		}
		assertThat(failure.getMessage()).contains("HTTP " + failure.httpStatus());
	}

	@Override
	public void close() {
		this.running.stop();
	}

}
