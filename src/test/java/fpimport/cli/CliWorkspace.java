package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fpimport.TestDatabases;
import fpimport.TestEmulator;
import fpimport.api.OpenApiClient;
import fpimport.emulator.OpenApiEmulator;
import fpimport.emulator.SpaceFixture;
import fpimport.result.ResultStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A directory of a test's own, with an emulator, in which it writes files and runs
 * command lines in-process, as {@code fpimport.jar} would, keeping what they print. Each
 * test gets a new directory and a new emulator.
 *
 * <pre>
 * &#64;RegisterExtension
 * final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(100));
 * </pre>
 */
final class CliWorkspace implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

	private final TestEmulator emulator;

	private Path directory;

	private CliWorkspace(TestEmulator emulator) {
		this.emulator = emulator;
	}

	/** A workspace whose command lines talk to this emulator. */
	static CliWorkspace with(TestEmulator emulator) {
		return new CliWorkspace(emulator);
	}

	/**
	 * A workspace in a directory that stays, with the emulator started, for a program
	 * outside JUnit such as a benchmark; closing it stops the emulator.
	 */
	static CliWorkspace at(Path directory, TestEmulator emulator) {
		CliWorkspace workspace = new CliWorkspace(emulator);
		workspace.directory = directory;
		emulator.start();
		return workspace;
	}

	@Override
	public void close() {
		this.emulator.stop();
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.directory = Files.createTempDirectory("fpimport-cli-").toRealPath();
		this.emulator.start();
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		this.emulator.stop();
		if (this.directory == null) {
			// the test was skipped before this workspace was made
			return;
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/** The test's directory, the command lines' working directory. */
	Path directory() {
		return this.directory;
	}

	/** A path in the test's directory. */
	Path path(String name) {
		return this.directory.resolve(name);
	}

	/** Writes a UTF-8 text file in the test's directory, making its folders. */
	Path write(String name, String text) {
		Path file = path(name);
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	OpenApiEmulator emulator() {
		return this.emulator.get();
	}

	/** A client of the emulator, signed in as its space's plugin and default user. */
	OpenApiClient client() {
		return this.emulator.client();
	}

	/**
	 * The job repository of the test: an H2 file in its directory, or its PostgreSQL
	 * database when it runs on one.
	 */
	String database() {
		return TestDatabases.url(this.directory);
	}

	/** Runs a command line as given, with no environment variables. */
	CliRun run(String... args) {
		return run(Map.of(), args);
	}

	/**
	 * Runs a command line with the connection and database options of {@link #connected}.
	 */
	CliRun runConnected(String... args) {
		return run(connected(args));
	}

	/**
	 * Runs a command line whose environment connects to the emulator, as
	 * {@code FPIMPORT_*} variables, leaving out the variables {@code without} names.
	 */
	CliRun runByEnvironment(List<String> without, String... args) {
		SpaceFixture fixture = this.emulator.fixture();
		Map<String, String> environment = new HashMap<>();
		environment.put("FPIMPORT_BASE_URL", this.emulator.baseUrl());
		environment.put("FPIMPORT_PLUGIN_ID", fixture.plugin().id());
		environment.put("FPIMPORT_PLUGIN_SECRET", fixture.plugin().secret());
		environment.put("FPIMPORT_USER_KEY", fixture.defaultUserKey());
		environment.put("FPIMPORT_PROJECT", fixture.projectKey());
		without.forEach(environment::remove);
		return run(environment, args);
	}

	/** Runs a command line whose environment connects to the emulator. */
	CliRun runByEnvironment(String... args) {
		return runByEnvironment(List.of(), args);
	}

	/**
	 * The arguments followed by the options that connect to the emulator and the
	 * {@link #database}.
	 */
	String[] connected(String... args) {
		SpaceFixture fixture = this.emulator.fixture();
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(
				List.of("--base-url", this.emulator.baseUrl(), "--plugin-id", fixture.plugin().id(), "--plugin-secret",
						fixture.plugin().secret(), "--user-key", fixture.defaultUserKey(), "--db", database()));
		return all.toArray(String[]::new);
	}

	/**
	 * Starts the command line in a JVM of its own, on this test's classpath, in the
	 * test's directory with the options of {@link #connected} and no {@code FPIMPORT_*}
	 * variables; what it prints goes to {@code log}. For tests that kill it.
	 */
	Process start(Path log, String... args) throws IOException {
		return startAsGiven(log, List.of(), connected(args));
	}

	/**
	 * Starts the command line in a JVM of its own with these JVM options (besides a
	 * quarter gigabyte of heap) and exactly these arguments, as {@link #start} does.
	 */
	Process startAsGiven(Path log, List<String> jvmOptions, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(jvmOptions);
		command.add("fpimport.cli.FpImport");
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("FPIMPORT_"));
		return builder.start();
	}

	/** The job repository of the test's H2 file, as the command lines left it. */
	ResultStore results() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + path("fpimport"));
		return new ResultStore(dataSource);
	}

	private CliRun run(Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = FpImport.run(args, environment, this.directory, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new CliRun(code, out.toString(), err.toString());
	}

}
