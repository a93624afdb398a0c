package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import fpimport.api.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection settings come from a flag, else FPIMPORT_* variables, else fpimport.yml,
 * else defaults.
 */
class SettingsDefaultsTest {

	@TempDir
	Path directory;

	@Test
	void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
		Files.writeString(this.directory.resolve("fpimport.yml"),
				"base-url: http://127.0.0.1:9000\nplugin-id: from-file\nuser-key: file-user\nproject: file-project\n");
		Map<String, String> environment = Map.of("FPIMPORT_PLUGIN_ID", "from-env", "FPIMPORT_PLUGIN_SECRET", "s3cret");

		Probe probe = parse(environment, "--plugin-id", "from-flag");

		assertThat(probe.connection.pluginId).isEqualTo("from-flag");
		assertThat(probe.connection.pluginSecret).isEqualTo(Secret.of("s3cret"));
		assertThat(probe.connection.userKey).isEqualTo("file-user");
		assertThat(probe.connection.baseUrl).isEqualTo("http://127.0.0.1:9000");
		assertThat(probe.connection.project).isEqualTo("file-project");
		assertThat(parse(environment).connection.pluginId).isEqualTo("from-env");
	}

	@Test
	void defaultsApplyWithoutFileOrEnvironment() {
		Probe probe = parse(Map.of());
		assertThat(probe.connection.baseUrl).isEqualTo("https://project.feishu.cn");
		assertThat(probe.connection.pluginId).isNull();
		assertThat(probe.database.url).isNull();
	}

	@Test
	void databaseUrlFromEnvironment() {
		Probe probe = parse(Map.of("FPIMPORT_DB", "jdbc:h2:mem:x"));
		assertThat(probe.database.url).isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void missingSettingSaysWhereToSetIt() {
		StringWriter err = new StringWriter();
		Probe probe = parse(Map.of());
		int code = new CommandLine(probe).setErr(new PrintWriter(err))
			.setExecutionExceptionHandler(new ErrorHandler())
			.execute();
		assertThat(code).isEqualTo(3);
		assertThat(err.toString()).startsWith("error: missing plugin id")
			.contains(
					"hint: set --plugin-id, the environment variable FPIMPORT_PLUGIN_ID, or 'plugin-id:' in fpimport.yml");
	}

	@Test
	void unreadableSettingsFileIsOneLineError() throws Exception {
		Files.writeString(this.directory.resolve("fpimport.yml"), "base-url: [unclosed\n");
		StringWriter err = new StringWriter();
		int code = FpImport.run(new String[] { "runs" }, Map.of(), this.directory, new PrintWriter(new StringWriter()),
				new PrintWriter(err));
		assertThat(code).isEqualTo(3);
		assertThat(err.toString()).contains("fpimport.yml: cannot read settings").doesNotContain("\tat ");
	}

	private Probe parse(Map<String, String> environment, String... args) {
		return parse(new Probe(), this.directory, environment, args);
	}

	/**
	 * Parses a command line into a command object as fpimport sets it up: settings from
	 * the environment and the directory's fpimport.yml fill what the arguments leave out.
	 */
	static <T> T parse(T command, Path directory, Map<String, String> environment, String... args) {
		CommandLine commandLine = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setDefaultValueProvider(new SettingsDefaults(environment, directory));
		commandLine.parseArgs(args);
		return command;
	}

	@Command(name = "probe")
	static final class Probe implements Runnable {

		@Mixin
		ConnectionOptions connection;

		@Mixin
		DatabaseOption database;

		@Override
		public void run() {
			Connections.apiSettings(this.connection);
		}

	}

}
