package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fpimport.TestDatabases;
import fpimport.emulator.OpenApiEmulator;
import fpimport.emulator.SpaceFixture;

/**
 * Runs the command line in-process against an emulator, with its own database, and keeps
 * what it printed.
 */
record CliRun(int exitCode, String out, String err) {

	static CliRun run(Path workingDirectory, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = FpImport.run(args, Map.of(), workingDirectory, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new CliRun(code, out.toString(), err.toString());
	}

	/**
	 * The connection and database options for an emulator, followed by the given ones;
	 * the database is an H2 file in {@code database}, or the test's PostgreSQL database.
	 */
	static String[] against(OpenApiEmulator emulator, Path database, String... args) {
		SpaceFixture fixture = emulator.space().fixture();
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--base-url", emulator.baseUrl(), "--plugin-id", fixture.plugin().id(), "--plugin-secret",
				fixture.plugin().secret(), "--user-key", fixture.defaultUserKey(), "--db",
				TestDatabases.url(database)));
		return all.toArray(String[]::new);
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
	}

}
