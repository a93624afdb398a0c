package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code fpimport sandbox}: prints how to connect, serves, and stops. */
class SandboxCommandTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void printsTheConnectionAndServesTheDemoSpaceUntilStopped(@TempDir Path dir) throws Exception {
		StringWriter out = new StringWriter();
		AtomicInteger exit = new AtomicInteger(-1);
		Thread sandbox = new Thread(() -> exit.set(FpImport.run(new String[] { "sandbox", "--port", "0", "--qps", "5" },
				Map.of(), dir, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))));
		sandbox.start();
		Map<String, String> printed = awaitConnection(out);
		assertThat(printed).containsOnlyKeys("base-url", "project-key", "plugin-id", "plugin-secret", "user-key");
		assertThat(printed.get("base-url")).startsWith("http://127.0.0.1:");
		assertThat(printed.get("project-key")).isEqualTo("6a3f9c1e0b7d24e58f1a9c3d");

		JsonNode token = call(printed.get("base-url") + "/open_api/authen/plugin_token", null, null,
				JSON.writeValueAsString(Map.of("plugin_id", printed.get("plugin-id"), "plugin_secret",
						printed.get("plugin-secret"), "type", 0)));
		String pluginToken = token.path("data").path("token").asString();
		JsonNode types = call(
				printed.get("base-url") + "/open_api/" + printed.get("project-key") + "/work_item/all-types",
				pluginToken, printed.get("user-key"), null);
		assertThat(types.path("err_code").asInt()).isZero();
		assertThat(types.path("data").findValuesAsString("type_key")).contains("story", "issue");

		sandbox.interrupt();
		sandbox.join(5000);
		assertThat(sandbox.isAlive()).isFalse();
		assertThat(exit.get()).isZero();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> call(printed.get("base-url") + "/__emulator/stats", null, null, null));
	}

	@Test
	void aBrokenSpaceFileIsAnInvalidInput(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("space.yaml"), "project_key: x\n");
		StringWriter err = new StringWriter();
		int exit = FpImport.run(new String[] { "sandbox", "--port", "0", "--space", file.toString() }, Map.of(), dir,
				new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
		assertThat(exit).isEqualTo(3);
		assertThat(err.toString()).contains("error: invalid space fixture", "hint:");
	}

	private static Map<String, String> awaitConnection(StringWriter out) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!out.toString().contains("user-key: ") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		Map<String, String> printed = new LinkedHashMap<>();
		for (String line : out.toString().split("\\R")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				printed.put(line.substring(0, colon), line.substring(colon + 2));
			}
		}
		return printed;
	}

	private JsonNode call(String url, String token, String userKey, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
		if (body != null) {
			request.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("X-PLUGIN-TOKEN", token).header("X-USER-KEY", userKey);
		}
		return JSON.readTree(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
	}

}
