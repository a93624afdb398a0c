package fpimport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import fpimport.api.ApiSettings;
import fpimport.api.OpenApiClient;
import fpimport.api.Secret;
import fpimport.emulator.EmulatedSpace;
import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.Faults;
import fpimport.emulator.OpenApiEmulator;
import fpimport.emulator.SpaceFixture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Open API emulator of a test, on a free port of 127.0.0.1: registered on an instance
 * field, a fresh one for each test; on a static field, one for the class.
 *
 * <pre>
 * &#64;RegisterExtension
 * final TestEmulator emulator = TestEmulator.demo().withQps(100);
 * </pre>
 */
public final class TestEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private final EmulatorConfig config;

	private boolean perClass;

	private final List<Consumer<OpenApiEmulator>> whenStarted = new ArrayList<>();

	private OpenApiEmulator running;

	private OpenApiClient client;

	private TestEmulator(EmulatorConfig config) {
		this.config = config.withPort(0);
	}

	/** The demo space with the real service's limits. */
	public static TestEmulator demo() {
		return of(EmulatorConfig.demo());
	}

	public static TestEmulator of(EmulatorConfig config) {
		return new TestEmulator(config);
	}

	/** The same emulator allowing {@code qps} calls a second; 0 for no limit. */
	public TestEmulator withQps(int qps) {
		return new TestEmulator(this.config.withQps(qps));
	}

	/** The same emulator with another random seed for its faults. */
	public TestEmulator withSeed(long seed) {
		return new TestEmulator(this.config.withSeed(seed));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!this.perClass) {
			start();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			stop();
		}
	}

	/**
	 * Has each start of the emulator followed by this, such as connecting a client of a
	 * test's own.
	 */
	public TestEmulator whenStarted(Consumer<OpenApiEmulator> action) {
		this.whenStarted.add(action);
		return this;
	}

	/** Starts the emulator outside a JUnit life cycle, for another extension. */
	public void start() {
		this.running = OpenApiEmulator.start(this.config);
		try {
			this.whenStarted.forEach((action) -> action.accept(this.running));
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	/** Stops the emulator that {@link #start} started. */
	public void stop() {
		this.client = null;
		if (this.running != null) {
			this.running.close();
			this.running = null;
		}
	}

	/** The running emulator. */
	public OpenApiEmulator get() {
		if (this.running == null) {
			throw new IllegalStateException("the emulator runs only during a test");
		}
		return this.running;
	}

	public int port() {
		return get().port();
	}

	public String baseUrl() {
		return get().baseUrl();
	}

	public EmulatedSpace space() {
		return get().space();
	}

	public Faults faults() {
		return get().faults();
	}

	/** The space the emulator serves, as it was configured. */
	public SpaceFixture fixture() {
		return this.config.fixture();
	}

	/**
	 * The client of the running emulator, signed in as the space's plugin and default
	 * user; the same one until the emulator stops.
	 */
	public OpenApiClient client() {
		if (this.client == null) {
			SpaceFixture fixture = fixture();
			this.client = new OpenApiClient(ApiSettings.of(baseUrl(), fixture.plugin().id(),
					Secret.of(fixture.plugin().secret()), fixture.defaultUserKey()));
		}
		return this.client;
	}

}
