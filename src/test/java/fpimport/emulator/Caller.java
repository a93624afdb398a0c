package fpimport.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import fpimport.TestEmulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls an emulator over real HTTP as a client would, for the tests. */
final class Caller {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String USER = "7351585340534063109";

	static final String PROJECT = "6a3f9c1e0b7d24e58f1a9c3d";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Supplier<OpenApiEmulator> emulator;

	private boolean tokenDue;

	String token;

	String userKey = USER;

	Caller(OpenApiEmulator emulator) {
		this.emulator = () -> emulator;
	}

	private Caller(Supplier<OpenApiEmulator> emulator) {
		this.emulator = emulator;
	}

	/** A caller holding a fresh plugin token of the demo space. */
	static Caller connected(OpenApiEmulator emulator) {
		Caller caller = new Caller(emulator);
		caller.token = caller.newToken();
		return caller;
	}

	/**
	 * A caller of a test's emulator that fetches a plugin token of the demo space at its
	 * first call, so it can be made before the emulator starts.
	 */
	static Caller connected(TestEmulator emulator) {
		Caller caller = new Caller(emulator::get);
		caller.tokenDue = true;
		return caller;
	}

	record Reply(int status, String text, JsonNode body, HttpResponse<String> response) {

		int errCode() {
			return this.body.path("err_code").asInt();
		}

		String errMsg() {
			return this.body.path("err_msg").asString();
		}

		JsonNode data() {
			return this.body.path("data");
		}

	}

	String newToken() {
		SpaceFixture.Plugin plugin = this.emulator.get().space().fixture().plugin();
		Reply reply = send("POST", "/open_api/authen/plugin_token",
				Map.of("plugin_id", plugin.id(), "plugin_secret", plugin.secret(), "type", 0), Map.of());
		return reply.body().path("data").path("token").asString();
	}

	Reply post(String path, Object body) {
		return send("POST", path, body, Map.of());
	}

	Reply get(String path) {
		return send("GET", path, null, Map.of());
	}

	Reply create(Object body) {
		return post("/open_api/" + PROJECT + "/work_item/create", body);
	}

	Reply createWithKey(Object body, String idemKey) {
		return send("POST", "/open_api/" + PROJECT + "/work_item/create", body, Map.of("X-IDEM-UUID", idemKey));
	}

	/** Sends with the caller's token and user key, plus these headers. */
	Reply send(String method, String path, Object body, Map<String, String> headers) {
		try {
			return sendOrThrow(method, path, body, headers);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	Reply sendOrThrow(String method, String path, Object body, Map<String, String> headers) throws IOException {
		fetchDueToken();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.get().baseUrl() + path))
			.timeout(Duration.ofSeconds(10));
		String text = (body == null) ? "" : (body instanceof String string) ? string : JSON.writeValueAsString(body);
		request.method(method,
				(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
		request.header("Content-Type", "application/json; charset=utf-8");
		if (this.token != null) {
			request.header("X-PLUGIN-TOKEN", this.token);
		}
		if (this.userKey != null) {
			request.header("X-USER-KEY", this.userKey);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json;
			try {
				json = JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				json = JSON.createObjectNode();
			}
			return new Reply(response.statusCode(), response.body(), (json == null) ? JSON.createObjectNode() : json,
					response);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * Fetches the token of a caller made before its emulator started, once, for all
	 * threads.
	 */
	private synchronized void fetchDueToken() {
		if (this.tokenDue) {
			this.tokenDue = false;
			this.token = newToken();
		}
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
