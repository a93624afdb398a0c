package fpimport.emulator;

import java.time.Duration;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoints under {@code /__emulator/}, which need no token: {@code GET items} and
 * {@code GET stats} to look, {@code POST faults}, {@code POST unknowns} and
 * {@code POST permission} to steer a running sandbox, {@code POST edit} to change an item
 * as a person would (its {@code updated_at} moves on).
 */
final class Inspection {

	static final String PREFIX = OpenApiEmulator.INSPECTION_PREFIX;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final EmulatedSpace space;

	private final Faults faults;

	private final Unknowns unknowns;

	Inspection(EmulatedSpace space, Faults faults, Unknowns unknowns) {
		this.space = space;
		this.faults = faults;
		this.unknowns = unknowns;
	}

	/** The answer to a request under {@link OpenApiEmulator#INSPECTION_PREFIX}. */
	Answer answer(String method, String path, String query, byte[] raw) {
		if (method.equals("POST")) {
			return control(path, raw);
		}
		if (!method.equals("GET")) {
			return notFound("inspection endpoints answer GET and POST only");
		}
		SpaceFixture fixture = this.space.fixture();
		ObjectNode body = NODES.objectNode();
		switch (path) {
			case PREFIX + "items" -> {
				String type = Optional.ofNullable(query)
					.filter((text) -> text.startsWith("type="))
					.map((text) -> text.substring(5))
					.orElse(null);
				ArrayNode items = body.putArray("items");
				(type == null ? this.space.items() : this.space.items(type))
					.forEach((item) -> items.add(SpaceJson.item(fixture, item)));
			}
			case PREFIX + "stats" -> {
				body.put("project_key", fixture.projectKey());
				body.put("items", this.space.itemCount());
				body.put("create_calls", this.space.createCalls());
				body.put("requests", this.space.requests());
				body.put("dropped_answers", this.space.droppedAnswers());
				body.put("deletions", this.space.deletions());
				body.set("faults", faultsJson());
				body.set("unknowns", unknownsJson());
				ObjectNode answers = body.putObject("answers");
				this.space.answerCounts().forEach((code, count) -> answers.put(Integer.toString(code), count));
			}
			default -> {
				return notFound("no inspection endpoint " + path + "; try " + PREFIX + "items or " + PREFIX + "stats");
			}
		}
		return new Answer(200, body, 0, false);
	}

	/**
	 * {@code POST /__emulator/faults} and {@code POST /__emulator/permission}: the fault
	 * knobs and the permission switch, for demos against a running sandbox.
	 */
	private Answer control(String path, byte[] raw) {
		JsonNode body;
		try {
			body = OpenApiEmulator.JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			return Answer.failure(ApiError.invalid("body is not JSON: " + ex.getOriginalMessage()), "");
		}
		if (body == null || !body.isObject()) {
			return Answer.failure(ApiError.invalid("body must be a JSON object"), "");
		}
		try {
			switch (path) {
				case PREFIX + "faults" -> {
					if (body.has("latency_ms") || body.has("jitter_ms")) {
						this.faults.latency(Duration.ofMillis(body.path("latency_ms").asLong(0)),
								Duration.ofMillis(body.path("jitter_ms").asLong(0)));
					}
					if (body.has("server_errors")) {
						this.faults.serverErrors(body.get("server_errors").asDouble());
					}
					if (body.has("gateway_errors")) {
						this.faults.gatewayErrors(body.get("gateway_errors").asDouble());
					}
					if (body.has("dropped_creates")) {
						this.faults.droppedCreates(body.get("dropped_creates").asDouble());
					}
					if (body.path("expire_tokens").asBoolean(false)) {
						this.faults.expireAllTokens();
					}
				}
				case PREFIX + "unknowns" -> {
					if (body.has("search_lag_ms")) {
						this.unknowns.searchLag(Duration.ofMillis(body.get("search_lag_ms").asLong()));
					}
					if (body.has("replay")) {
						this.unknowns.replay(Unknowns.Replay
							.valueOf(body.get("replay").asString().toUpperCase(java.util.Locale.ROOT)));
					}
					if (body.has("key_lifetime_ms")) {
						this.unknowns.keyLifetime(Duration.ofMillis(body.get("key_lifetime_ms").asLong()));
					}
					if (body.has("refused_search_params")) {
						java.util.Set<String> keys = new java.util.LinkedHashSet<>();
						body.get("refused_search_params").forEach((key) -> keys.add(key.asString()));
						this.unknowns.refuseSearchParams(keys);
					}
					return Answer.ok(unknownsJson());
				}
				case PREFIX + "permission" -> {
					boolean granted = body.path("granted").asBoolean(true);
					String user = body.path("user_key").asString(null);
					if (user == null && granted) {
						this.space.grantPermission();
					}
					else if (user == null) {
						this.space.revokePermission();
					}
					else if (granted) {
						this.space.grantPermission(user);
					}
					else {
						this.space.revokePermission(user);
					}
				}
				case PREFIX + "edit" -> {
					long id = body.path("work_item_id").asLong(0);
					String user = body.path("user_key").asString(this.space.fixture().defaultUserKey());
					String name = body.has("name") ? body.get("name").asString() : null;
					return Answer.ok(SpaceJson.item(this.space.fixture(), this.space.changeByHand(id, user, name)));
				}
				default -> {
					return notFound("no inspection endpoint POST " + path);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			return Answer.failure(ApiError.invalid(ex.getMessage()), "");
		}
		return Answer.ok(faultsJson());
	}

	/** Not an Open API answer: 404, whose code is no Open API err_code. */
	private static Answer notFound(String message) {
		Answer answer = Answer.failure(new ApiError(404, message), "");
		return new Answer(404, answer.body(), 404, false);
	}

	private ObjectNode unknownsJson() {
		ObjectNode node = NODES.objectNode();
		node.put("search_lag_ms", this.unknowns.searchLag().toMillis());
		node.put("replay", this.unknowns.replay().name().toLowerCase(java.util.Locale.ROOT));
		node.put("key_lifetime_ms", this.unknowns.keyLifetime().toMillis());
		ArrayNode refused = node.putArray("refused_search_params");
		this.unknowns.refusedSearchParams().stream().sorted().forEach(refused::add);
		return node;
	}

	private ObjectNode faultsJson() {
		ObjectNode node = NODES.objectNode();
		node.put("latency_ms", this.faults.latency().toMillis());
		node.put("jitter_ms", this.faults.jitter().toMillis());
		node.put("server_errors", this.faults.serverErrorShare());
		node.put("gateway_errors", this.faults.gatewayErrorShare());
		node.put("dropped_creates", this.faults.droppedCreateShare());
		return node;
	}

}
