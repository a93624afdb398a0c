package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import fpimport.emulator.OpenApiEmulator;
import fpimport.emulator.SpaceFixture;

/**
 * Runs command lines in-process, as {@code fpimport.jar} would, and keeps their output.
 */
final class Cli {

	private final Path workingDirectory;

	private final Map<String, String> environment;

	private Cli(Path workingDirectory, Map<String, String> environment) {
		this.workingDirectory = workingDirectory;
		this.environment = Map.copyOf(environment);
	}

	/** A command line whose environment connects to the emulator's space. */
	static Cli connectedTo(OpenApiEmulator emulator, Path workingDirectory) {
		SpaceFixture fixture = emulator.space().fixture();
		Map<String, String> environment = new HashMap<>();
		environment.put("FPIMPORT_BASE_URL", emulator.baseUrl());
		environment.put("FPIMPORT_PLUGIN_ID", fixture.plugin().id());
		environment.put("FPIMPORT_PLUGIN_SECRET", fixture.plugin().secret());
		environment.put("FPIMPORT_USER_KEY", fixture.defaultUserKey());
		environment.put("FPIMPORT_PROJECT", fixture.projectKey());
		return new Cli(workingDirectory, environment);
	}

	/** The same command line without one environment variable. */
	Cli without(String variable) {
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.remove(variable);
		return new Cli(this.workingDirectory, environment);
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = FpImport.run(args, this.environment, this.workingDirectory, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(exit, out.toString(), err.toString());
	}

	record Result(int exit, String out, String err) {
	}

}
