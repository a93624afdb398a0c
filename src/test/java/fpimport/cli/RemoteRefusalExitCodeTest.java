package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import fpimport.api.OpenApiClient;
import fpimport.TestEmulator;
import fpimport.emulator.SpaceFixture;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10001 from the service, met by a command that creates an item through the client,
 * ends the command line with exit code 4 and a one-line message with a hint.
 */
class RemoteRefusalExitCodeTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	@Test
	void noPermissionEndsWithExitCode4AndAClearMessage(@TempDir Path dir) {
		SpaceFixture fixture = this.emulator.fixture();
		OpenApiClient client = this.emulator.client();
		this.emulator.space().revokePermission();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = FpImport.commandLine(Map.of(), dir, new PrintWriter(out, true),
				new PrintWriter(err, true));
		commandLine.addSubcommand("create-one", new CreateOne(client, fixture.projectKey()));
		// writers reach only the subcommands present when they are set
		commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

		int exit = commandLine.execute("create-one");

		assertThat(exit).isEqualTo(ExitCode.REMOTE_REFUSED.code()).isEqualTo(4);
		assertThat(err.toString().lines().toList()).containsExactly(
				"error: POST /open_api/:project_key/work_item/create failed: err_code 10001 'No Permission' (HTTP 403, log id "
						+ lastLogId(err.toString()) + ")",
				"hint: check the project key, and that the plugin is installed in the space and the user has permission");
		assertThat(err.toString()).doesNotContain(fixture.plugin().secret()).doesNotContain("at fpimport.");
		assertThat(this.emulator.space().items()).isEmpty();

		this.emulator.space().grantPermission();
		assertThat(commandLine.execute("create-one")).isZero();
		assertThat(this.emulator.space().items()).hasSize(1);
	}

	private static String lastLogId(String err) {
		int start = err.indexOf("log id ") + "log id ".length();
		return err.substring(start, err.indexOf(')', start));
	}

	/** What an import does for one row, as a command of its own. */
	@Command(name = "create-one")
	static final class CreateOne implements Callable<Integer> {

		private final OpenApiClient client;

		private final String projectKey;

		CreateOne(OpenApiClient client, String projectKey) {
			this.client = client;
			this.projectKey = projectKey;
		}

		@Override
		public Integer call() {
			this.client.create(this.projectKey,
					new WorkItemDraft("story", null, "One row",
							List.of(new FieldValuePair("priority", Map.of("value", "1")),
									new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")), new FieldValuePair(
											"field_7e8f9a", Map.of("value", "mod_platform", "children", leaf())))),
					"row-1");
			return 0;
		}

		private static Map<String, Object> leaf() {
			Map<String, Object> leaf = new java.util.LinkedHashMap<>();
			leaf.put("value", "mod_platform_perm");
			leaf.put("children", null);
			return leaf;
		}

	}

}
