package fpimport.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.OpenApiEmulator;
import fpimport.emulator.SpaceFixture;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport sandbox}: serves the bundled Open API emulator with a demo space until
 * the process is stopped, and prints how to connect to it.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
		description = { "Run the bundled Open API emulator with a demo space, to try fpimport without a tenant.",
				"Prints base-url, project-key, plugin-id, plugin-secret and user-key, then serves until stopped "
						+ "(Ctrl+C). The plugin secret is a public demo value, not a credential." })
final class SandboxCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--port", paramLabel = "PORT", defaultValue = "8086",
			description = "port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE})")
	int port;

	@Option(names = "--space", paramLabel = "FILE",
			description = "space fixture YAML (see docs/emulator.md); default the bundled demo space")
	Path space;

	@Option(names = "--qps", paramLabel = "N", defaultValue = "15",
			description = "requests per second per token per API; 0 = no limit (default ${DEFAULT-VALUE})")
	int qps;

	@Option(names = "--latency", paramLabel = "MS", defaultValue = "0",
			description = "added to every answer, in milliseconds (default ${DEFAULT-VALUE})")
	long latency;

	@Override
	public Integer call() {
		OpenApiEmulator emulator = start();
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "sandbox-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		SpaceFixture fixture = emulator.space().fixture();
		PrintWriter out = this.spec.commandLine().getOut();
		// the secret is the demo space's published value, so printing it gives nothing
		// away
		out.println("base-url: " + emulator.baseUrl());
		out.println("project-key: " + fixture.projectKey());
		out.println("plugin-id: " + fixture.plugin().id());
		out.println("plugin-secret: " + fixture.plugin().secret());
		out.println("user-key: " + fixture.defaultUserKey());
		out.flush();
		PrintWriter err = this.spec.commandLine().getErr();
		err.println("serving until stopped (Ctrl+C); see " + emulator.baseUrl() + "/__emulator/items and "
				+ emulator.baseUrl() + "/__emulator/stats");
		err.flush();
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			// stopped from within the JVM (tests): close here, the hook is not needed
			Thread.currentThread().interrupt();
			Runtime.getRuntime().removeShutdownHook(hook);
			emulator.close();
		}
		return 0;
	}

	private OpenApiEmulator start() {
		if (this.qps < 0 || this.latency < 0) {
			throw new FpImportException(Reason.USAGE, "--qps and --latency must not be negative", null);
		}
		SpaceFixture fixture;
		try {
			fixture = (this.space != null) ? SpaceFixture.load(this.space) : SpaceFixture.demo();
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, ex.getMessage(),
					"check the file against the fixture format in docs/emulator.md", ex);
		}
		EmulatorConfig config;
		try {
			config = EmulatorConfig.of(fixture).withPort(this.port).withQps(this.qps).withSeed(System.nanoTime());
		}
		catch (IllegalArgumentException ex) {
			throw new FpImportException(Reason.USAGE, ex.getMessage(), null, ex);
		}
		OpenApiEmulator emulator;
		try {
			emulator = OpenApiEmulator.start(config);
		}
		catch (UncheckedIOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, "cannot listen on 127.0.0.1:" + this.port,
					"another process uses the port: choose another --port, or 0 for a free one", ex);
		}
		emulator.faults().latency(Duration.ofMillis(this.latency), Duration.ZERO);
		return emulator;
	}

}
