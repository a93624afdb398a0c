package fpimport.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fpimport.emulator.SpaceFixture.Type;
import fpimport.emulator.SpaceFixture.User;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Feishu Project Open API of one in-memory space, served over real HTTP on 127.0.0.1
 * until closed (see {@code docs/emulator.md}).
 */
public final class OpenApiEmulator implements AutoCloseable {

	/** Path prefix of the inspection endpoints; no Open API path starts with it. */
	public static final String INSPECTION_PREFIX = "/__emulator/";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final DateTimeFormatter LOG_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private static final int MAX_USER_LOOKUP = 100;

	private static final int MAX_QUERY_IDS = 50;

	static {
		// The JDK server writes headers and body apart; with Nagle on, delayed ACKs add
		// about 40 ms to every answer. Read once, when the first server is made.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final EmulatorConfig config;

	private final HttpServer server;

	private final ExecutorService executor;

	private final EmulatedSpace space;

	private final Tokens tokens;

	private final Faults faults;

	private final RateLimit rateLimit;

	private final Unknowns unknowns = new Unknowns();

	private final Idempotency idempotency = new Idempotency(this.unknowns);

	private final Inspection inspection;

	private OpenApiEmulator(EmulatorConfig config) throws IOException {
		this.config = config;
		this.space = new EmulatedSpace(config.fixture());
		this.tokens = new Tokens(config.tokenLifetime());
		this.faults = new Faults(config.seed(), this.tokens);
		this.rateLimit = new RateLimit(config.qps());
		this.inspection = new Inspection(this.space, this.faults, this.unknowns);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "openapi-emulator-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
	}

	/** Starts an emulator on 127.0.0.1; port 0 in the config picks a free port. */
	public static OpenApiEmulator start(EmulatorConfig config) {
		try {
			OpenApiEmulator emulator = new OpenApiEmulator(config);
			emulator.server.start();
			return emulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the Open API emulator on port " + config.port(), ex);
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The base URL clients use, e.g. {@code http://127.0.0.1:8086}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public EmulatorConfig config() {
		return this.config;
	}

	/** The fault knobs, changeable while the emulator runs. */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * What the documents leave open (search lag, idempotent replays, key lifetime,
	 * refused search params), changeable while the emulator runs.
	 */
	public Unknowns unknowns() {
		return this.unknowns;
	}

	/** The space's state, to inspect and change. */
	public EmulatedSpace space() {
		return this.space;
	}

	/** Stops serving at once; calls in flight are cut. */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The Open API endpoints of docs/design.md#open-api-endpoints, each a method and a
	 * path pattern.
	 */
	enum Api {

		TOKEN("POST", "/open_api/authen/plugin_token"), USER_QUERY("POST", "/open_api/user/query"),
		USER_SEARCH("POST", "/open_api/user/search"), ALL_TYPES("GET", "/open_api/{p}/work_item/all-types"),
		META("GET", "/open_api/{p}/work_item/{t}/meta"), FIELD_ALL("POST", "/open_api/{p}/field/all"),
		TEMPLATES("GET", "/open_api/{p}/template_list/{t}"), ROLES("GET", "/open_api/{p}/flow_roles/{t}"),
		TEAMS("GET", "/open_api/{p}/teams/all"), RELATIONS("GET", "/open_api/{p}/work_item/relation"),
		CREATE("POST", "/open_api/{p}/work_item/create"), FILTER("POST", "/open_api/{p}/work_item/filter"),
		SEARCH("POST", "/open_api/{p}/work_item/{t}/search/params"), QUERY("POST", "/open_api/{p}/work_item/{t}/query"),
		UPDATE("PUT", "/open_api/{p}/work_item/{t}/{id}"), DELETE("DELETE", "/open_api/{p}/work_item/{t}/{id}"),
		TEMPLATE_DETAIL("GET", "/open_api/{p}/template_detail/{id}"),
		WORKFLOW_QUERY("POST", "/open_api/{p}/work_item/{t}/{id}/workflow/query"),
		STATE_CHANGE("POST", "/open_api/{p}/workflow/{t}/{id}/node/state_change"),
		NODE_OPERATE("POST", "/open_api/{p}/workflow/{t}/{id}/node/{n}/operate"),
		ABORT("PUT", "/open_api/{p}/work_item/{t}/{id}/abort"),
		COMMENT_CREATE("POST", "/open_api/{p}/work_item/{t}/{id}/comment/create"),
		COMMENTS("GET", "/open_api/{p}/work_item/{t}/{id}/comments"),
		UPLOAD("POST", "/open_api/{p}/work_item/{t}/{id}/file/upload");

		private final String method;

		private final Pattern pattern;

		private final List<String> names = new ArrayList<>();

		Api(String method, String template) {
			this.method = method;
			Matcher names = Pattern.compile("\\{(\\w+)}").matcher(template);
			while (names.find()) {
				this.names.add(names.group(1));
			}
			this.pattern = Pattern
				.compile(template.replace("{id}", "([0-9]+)").replaceAll("\\{\\w+}", "([^/]+)").replace(".", "\\."));
		}

		boolean writes() {
			return this == CREATE || this == UPDATE || this == DELETE || step();
		}

		/**
		 * A write after the create, whose answer {@link Faults#droppedSteps} may drop.
		 */
		boolean step() {
			return this == STATE_CHANGE || this == NODE_OPERATE || this == ABORT || this == COMMENT_CREATE
					|| this == UPLOAD;
		}

	}

	private record Route(Api api, String project, String type, String id, String node) {
	}

	private static Route route(String method, String path) {
		for (Api api : Api.values()) {
			Matcher matcher = api.pattern.matcher(path);
			if (api.method.equals(method) && matcher.matches()) {
				String project = null;
				String type = null;
				String id = null;
				String node = null;
				for (int i = 0; i < api.names.size(); i++) {
					String value = matcher.group(i + 1);
					switch (api.names.get(i)) {
						case "p" -> project = value;
						case "t" -> type = value;
						case "n" -> node = value;
						default -> id = value;
					}
				}
				return new Route(api, project, type, id, node);
			}
		}
		return null;
	}

	private void handle(HttpExchange exchange) {
		String logId = LocalDateTime.now().format(LOG_ID_TIME)
				+ Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE).toUpperCase(Locale.ROOT);
		try {
			exchange.getResponseHeaders().set("X-Tt-Logid", logId);
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith(INSPECTION_PREFIX)) {
				send(exchange, this.inspection.answer(exchange.getRequestMethod(), path,
						exchange.getRequestURI().getQuery(), exchange.getRequestBody().readAllBytes()));
				return;
			}
			this.space.countRequest();
			byte[] raw = exchange.getRequestBody().readAllBytes();
			Answer answer;
			try {
				answer = answer(exchange, path, raw);
			}
			catch (ApiError error) {
				answer = Answer.failure(error, logId);
			}
			catch (RuntimeException ex) {
				answer = Answer.failure(new ApiError(50006, "emulator failure: " + ex), logId);
			}
			if (answer == null) {
				return;
			}
			this.space.countAnswer(answer.errCode());
			if (answer.dropped()) {
				this.space.countDroppedAnswer();
				// closed before any header: the JDK server drops the connection
				exchange.close();
				return;
			}
			send(exchange, answer);
		}
		catch (IOException | RuntimeException ex) {
			exchange.close();
		}
	}

	/** The answer to one API request, or null when a gateway answer was sent already. */
	private Answer answer(HttpExchange exchange, String path, byte[] raw) throws IOException {
		pause(this.faults.delayMillis());
		Route route = route(exchange.getRequestMethod(), path);
		if (route == null) {
			// not the Open API's envelope: 10404 is "No Project Permission", not an
			// unknown path, which a front server answers as a plain 404 (assumed)
			sendNotFound(exchange, exchange.getRequestMethod() + " " + path);
			return null;
		}
		if (route.api() == Api.TOKEN) {
			return token(raw);
		}
		if (route.api() == Api.CREATE) {
			this.space.countCreateCall();
		}
		if (this.faults.rollGatewayError()) {
			sendGatewayError(exchange, this.faults.coin() ? 502 : 504);
			return null;
		}
		if (this.faults.rollServerError()) {
			throw new ApiError(50006, "openapi system err, please try again later");
		}
		String token = exchange.getRequestHeaders().getFirst("X-PLUGIN-TOKEN");
		this.tokens.check(token);
		if (!this.space.pluginInstalled()) {
			throw new ApiError(10301, "API permission not granted, or the plugin is not installed in this space");
		}
		this.rateLimit.acquire(token, route.api().name());
		String userKey = exchange.getRequestHeaders().getFirst("X-USER-KEY");
		if (userKey == null || userKey.isBlank()) {
			throw new ApiError(20039, "X-USER-KEY is missing", "user key is required with a plugin token");
		}
		SpaceFixture fixture = this.space.fixture();
		if (fixture.user(userKey).filter((user) -> user.status().equals("resigned")).isPresent()) {
			// the error code table: the acting user has resigned
			throw new ApiError(10302, "user resigned: X-USER-KEY " + userKey + " has left the tenant");
		}
		if (fixture.user(userKey).filter(User::active).isEmpty()) {
			throw new ApiError(20042, "X-USER-KEY is wrong: no such active user " + userKey);
		}
		if (!this.space.permitted(userKey)) {
			throw new ApiError(10001, "No Permission", "user " + userKey + " has no permission for this operation");
		}
		if (route.project() != null && !route.project().equals(fixture.projectKey())
				&& !route.project().equals(fixture.simpleName())) {
			throw new ApiError(10001, "No Permission",
					"project " + route.project() + " not found, or the plugin is not installed in it");
		}
		String idemKey = exchange.getRequestHeaders().getFirst("X-IDEM-UUID");
		if (route.api() == Api.UPLOAD) {
			// multipart, not JSON: the key is compared with a digest of the form
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			java.util.function.Supplier<Answer> upload = () -> {
				this.space.afterCreate().upload(type(fixture, route.type()), item(fixture, route), contentType, raw);
				return stepAnswer(Answer.ok(NODES.objectNode()));
			};
			if (idemKey == null || idemKey.isBlank()) {
				return upload.get();
			}
			ObjectNode digest = NODES.objectNode().put("sha256", sha256(raw));
			return this.idempotency.run(token, route.api().name(), idemKey, route.type() + "/" + route.id(), digest,
					upload);
		}
		JsonNode body = body(route.api(), raw, exchange.getRequestURI().getRawQuery());
		if (route.api().writes() && idemKey != null && !idemKey.isBlank()) {
			// the space may be named by key or simple name: the same request either way
			String target = route.type() + "/" + route.id();
			return this.idempotency.run(token, route.api().name(), idemKey, target, body,
					() -> dispatch(route, fixture, userKey, body));
		}
		return dispatch(route, fixture, userKey, body);
	}

	// what a gateway in front of the service answers: HTML, not the Open API envelope
	private void sendGatewayError(HttpExchange exchange, int status) throws IOException {
		this.space.countAnswer(status);
		byte[] html = ("<html><head><title>" + status + "</title></head><body><center><h1>" + status
				+ ((status == 502) ? " Bad Gateway" : " Gateway Time-out") + "</h1></center></body></html>")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html");
		exchange.sendResponseHeaders(status, html.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(html);
		}
	}

	private void sendNotFound(HttpExchange exchange, String what) throws IOException {
		this.space.countAnswer(404);
		byte[] text = ("404 page not found: no such Open API: " + what).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(404, text.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(text);
		}
	}

	private static JsonNode body(Api api, byte[] raw, String query) {
		if (api.method.equals("GET") || api.method.equals("DELETE")) {
			// GET parameters read like a body's
			ObjectNode parameters = NODES.objectNode();
			if (query != null) {
				for (String pair : query.split("&")) {
					int equals = pair.indexOf('=');
					if (equals > 0) {
						String value = java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
						if (value.matches("-?[0-9]{1,9}")) {
							parameters.put(pair.substring(0, equals), Integer.parseInt(value));
						}
						else {
							parameters.put(pair.substring(0, equals), value);
						}
					}
				}
			}
			return parameters;
		}
		try {
			JsonNode body = JSON.readTree(raw);
			if (body == null || !body.isObject()) {
				throw ApiError.invalid("request body must be a JSON object");
			}
			return body;
		}
		catch (JacksonException ex) {
			throw ApiError.invalid("request body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private Answer dispatch(Route route, SpaceFixture fixture, String userKey, JsonNode body) {
		return switch (route.api()) {
			case USER_QUERY -> Answer.ok(userQuery(fixture, body));
			case USER_SEARCH -> Answer.ok(userSearch(fixture, body));
			case ALL_TYPES -> Answer.ok(SpaceJson.types(fixture));
			case META -> Answer.ok(SpaceJson.meta(type(fixture, route.type())));
			case FIELD_ALL -> Answer.ok(SpaceJson.allFields(type(fixture, requiredString(body, "work_item_type_key"))));
			case TEMPLATES -> Answer.ok(SpaceJson.templates(type(fixture, route.type())));
			case ROLES -> Answer.ok(SpaceJson.roles(type(fixture, route.type())));
			case TEAMS -> Answer.ok(SpaceJson.teams(fixture));
			case RELATIONS -> {
				if (!this.space.relationsReadable()) {
					throw new ApiError(10001, "No Permission",
							"user " + userKey + " has no permission to read the space's work item relations");
				}
				yield Answer.ok(SpaceJson.relations(fixture));
			}
			case CREATE -> create(fixture, userKey, body);
			case SEARCH -> search(fixture, type(fixture, route.type()), body);
			case FILTER -> filter(fixture, body);
			case QUERY -> Answer.ok(query(fixture, type(fixture, route.type()), body));
			case UPDATE -> {
				StoredItem item = item(fixture, route);
				if (!this.space.replace(new WriteRules(fixture, this.space).update(item, body, userKey))) {
					throw new ApiError(30005, "Work Item Not Found", "work item " + item.id() + " was deleted");
				}
				Answer updated = Answer.ok(NODES.objectNode());
				yield this.faults.rollDroppedUpdate() ? updated.unanswered() : updated;
			}
			case DELETE -> {
				this.space.delete(item(fixture, route).id());
				yield Answer.ok(NODES.objectNode());
			}
			case TEMPLATE_DETAIL -> Answer.ok(this.space.afterCreate().templateDetail(fixture, route.id()));
			case WORKFLOW_QUERY -> Answer
				.ok(this.space.afterCreate().workflowQuery(type(fixture, route.type()), item(fixture, route), body));
			case STATE_CHANGE -> {
				this.space.afterCreate().stateChange(type(fixture, route.type()), item(fixture, route), body);
				yield stepAnswer(Answer.ok(NODES.objectNode()));
			}
			case NODE_OPERATE -> {
				this.space.afterCreate().operate(type(fixture, route.type()), item(fixture, route), route.node(), body);
				yield stepAnswer(Answer.ok(NODES.objectNode()));
			}
			case ABORT -> {
				this.space.afterCreate().abort(type(fixture, route.type()), item(fixture, route), body);
				yield stepAnswer(Answer.ok(NODES.objectNode()));
			}
			case COMMENT_CREATE -> stepAnswer(Answer
				.ok(NODES.numberNode(this.space.afterCreate().createComment(item(fixture, route), userKey, body))));
			case COMMENTS -> this.space.afterCreate()
				.comments(item(fixture, route), intValue(body, "page_num", 1, 1, Integer.MAX_VALUE),
						intValue(body, "page_size", 50, 1, Integer.MAX_VALUE));
			case UPLOAD, TOKEN -> throw new IllegalStateException(route.api() + " is answered before dispatch");
		};
	}

	private static String sha256(byte[] raw) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Answer stepAnswer(Answer answer) {
		return this.faults.rollDroppedStep() ? answer.unanswered() : answer;
	}

	private Answer create(SpaceFixture fixture, String userKey, JsonNode body) {
		WriteRules.Creation creation = new WriteRules(fixture, this.space).create(body);
		this.faults.refusal(creation.name()).ifPresent((refusal) -> {
			throw refusal;
		});
		long id = this.space.store(creation.type().typeKey(), creation.name(), creation.templateId(), userKey,
				creation.fields());
		Answer answer = Answer.ok(NODES.numberNode(id));
		return this.faults.rollDroppedCreate() ? answer.unanswered() : answer;
	}

	private Answer token(byte[] raw) {
		ObjectNode body = NODES.objectNode();
		JsonNode request;
		try {
			request = JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			request = null;
		}
		SpaceFixture.Plugin plugin = this.space.fixture().plugin();
		if (request == null || !request.isObject() || !request.path("plugin_id").isString()
				|| !request.path("plugin_secret").isString() || !request.path("type").isIntegralNumber()
				|| (request.get("type").intValue() != 0 && request.get("type").intValue() != 1)) {
			return tokenError(400, 20006, "plugin_id and plugin_secret (strings) and type (0 or 1) are required");
		}
		if (!plugin.id().equals(request.get("plugin_id").stringValue())
				|| !plugin.secret().equals(request.get("plugin_secret").stringValue())) {
			return tokenError(401, 10204, "plugin_id or plugin_secret is wrong");
		}
		ObjectNode data = body.putObject("data");
		data.put("token", this.tokens.issue(request.get("type").intValue()));
		data.put("expire_time", this.tokens.lifetimeSeconds());
		ObjectNode error = body.putObject("error");
		error.put("code", 0);
		error.put("msg", "success");
		return new Answer(200, body, 0, false);
	}

	private static Answer tokenError(int status, int code, String message) {
		ObjectNode body = NODES.objectNode();
		body.putNull("data");
		ObjectNode error = body.putObject("error");
		error.put("code", code);
		error.put("msg", message);
		return new Answer(status, body, code, false);
	}

	private static ArrayNode userQuery(SpaceFixture fixture, JsonNode body) {
		List<String> keys = strings(body, "user_keys");
		List<String> emails = strings(body, "emails");
		List<String> outIds = strings(body, "out_ids");
		int count = keys.size() + emails.size() + outIds.size();
		if (!body.has("user_keys") && !body.has("emails") && !body.has("out_ids")) {
			throw ApiError.invalid("send user_keys, emails or out_ids");
		}
		if (count > MAX_USER_LOOKUP) {
			throw new ApiError(20004, "too many values: at most " + MAX_USER_LOOKUP + " per request, got " + count);
		}
		Set<User> found = new LinkedHashSet<>();
		for (User user : fixture.users()) {
			if (keys.contains(user.userKey())
					|| (user.email() != null && emails.stream().anyMatch(user.email()::equalsIgnoreCase))
					|| (user.outId() != null && outIds.contains(user.outId()))) {
				found.add(user);
			}
		}
		ArrayNode data = NODES.arrayNode();
		found.forEach((user) -> data.add(SpaceJson.user(user)));
		return data;
	}

	private static ArrayNode userSearch(SpaceFixture fixture, JsonNode body) {
		String query = requiredString(body, "query").strip().toLowerCase(Locale.ROOT);
		if (query.isEmpty()) {
			throw ApiError.invalid("query must not be empty");
		}
		Set<String> members = null;
		JsonNode project = body.get("project_key");
		if (project != null && !project.isNull()) {
			if (!project.asString().equals(fixture.projectKey()) && !project.asString().equals(fixture.simpleName())) {
				throw new ApiError(10001, "No Permission", "project " + project.asString() + " not found");
			}
			members = EmulatedSpace.memberKeys(fixture);
		}
		ArrayNode data = NODES.arrayNode();
		for (User user : fixture.users()) {
			if (members != null && !members.contains(user.userKey())) {
				continue;
			}
			if (contains(user.nameCn(), query) || contains(user.nameEn(), query) || contains(user.username(), query)
					|| contains(user.email(), query)) {
				data.add(SpaceJson.user(user));
			}
		}
		return data;
	}

	private static boolean contains(String text, String query) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(query);
	}

	private Answer search(SpaceFixture fixture, Type type, JsonNode body) {
		ItemSearch.Condition condition = ItemSearch.group(type, body.get("search_group"),
				this.unknowns.refusedSearchParams());
		int pageNum = intValue(body, "page_num", 1, 1, Integer.MAX_VALUE);
		int pageSize = intValue(body, "page_size", 50, 1, 50);
		long visibleBefore = visibleBefore();
		List<StoredItem> hits = this.space.items(type.typeKey())
			.stream()
			.filter((item) -> item.createdAt() <= visibleBefore)
			.filter(condition::test)
			.toList();
		if (hits.size() > ItemSearch.MAX_HITS) {
			throw new ApiError(20055, "search result exceeds " + ItemSearch.MAX_HITS + " items, narrow the conditions");
		}
		return page(fixture, hits, pageNum, pageSize);
	}

	private Answer filter(SpaceFixture fixture, JsonNode body) {
		List<String> typeKeys = strings(body, "work_item_type_keys");
		typeKeys.forEach((typeKey) -> type(fixture, typeKey));
		JsonNode nameNode = body.get("work_item_name");
		String name = (nameNode == null || nameNode.isNull()) ? "" : nameNode.asString().toLowerCase(Locale.ROOT);
		int pageNum = intValue(body, "page_num", 1, 1, Integer.MAX_VALUE);
		int pageSize = intValue(body, "page_size", 50, 1, 200);
		long visibleBefore = visibleBefore();
		List<StoredItem> hits = this.space.items()
			.stream()
			.filter((item) -> item.createdAt() <= visibleBefore)
			.filter((item) -> typeKeys.isEmpty() || typeKeys.contains(item.typeKey()))
			.filter((item) -> item.name().toLowerCase(Locale.ROOT).contains(name))
			.toList();
		return page(fixture, hits, pageNum, pageSize);
	}

	/** Items created after this moment are not yet indexed for search (search lag). */
	private long visibleBefore() {
		return System.currentTimeMillis() - this.unknowns.searchLag().toMillis();
	}

	private ArrayNode query(SpaceFixture fixture, Type type, JsonNode body) {
		JsonNode ids = body.get("work_item_ids");
		if (ids == null || !ids.isArray() || ids.isEmpty()) {
			throw ApiError.invalid("work_item_ids must be a non-empty array of ids");
		}
		if (ids.size() > MAX_QUERY_IDS) {
			throw new ApiError(20028, "too many work item ids: at most " + MAX_QUERY_IDS + " per request");
		}
		ArrayNode data = NODES.arrayNode();
		for (JsonNode id : ids) {
			if (!id.isIntegralNumber() || !id.canConvertToLong()) {
				throw ApiError.invalid("work_item_ids must be int64 numbers");
			}
			this.space.item(id.longValue())
				.filter((item) -> item.typeKey().equals(type.typeKey()))
				.ifPresent((item) -> data.add(SpaceJson.item(fixture, item)));
		}
		return data;
	}

	private StoredItem item(SpaceFixture fixture, Route route) {
		Type type = type(fixture, route.type());
		return this.space.item(Long.parseLong(route.id()))
			.filter((item) -> item.typeKey().equals(type.typeKey()))
			.orElseThrow(() -> new ApiError(30005, "Work Item Not Found",
					"work item " + route.id() + " of type " + type.typeKey() + " not found"));
	}

	private static Answer page(SpaceFixture fixture, List<StoredItem> hits, int pageNum, int pageSize) {
		ArrayNode data = NODES.arrayNode();
		long from = (long) (pageNum - 1) * pageSize;
		hits.stream().skip(from).limit(pageSize).forEach((item) -> data.add(SpaceJson.item(fixture, item)));
		Answer answer = Answer.ok(data);
		ObjectNode pagination = answer.body().putObject("pagination");
		pagination.put("page_num", pageNum);
		pagination.put("page_size", pageSize);
		pagination.put("total", hits.size());
		return answer;
	}

	private static Type type(SpaceFixture fixture, String typeKey) {
		return fixture.type(typeKey)
			.filter((type) -> !type.disabled())
			.orElseThrow(() -> new ApiError(30014, "WorkItem Type Not Found", "Work item not found"));
	}

	private static String requiredString(JsonNode body, String name) {
		JsonNode value = body.get(name);
		if (value == null || !value.isString()) {
			throw ApiError.invalid(name + " is required and must be a string");
		}
		return value.stringValue();
	}

	private static List<String> strings(JsonNode body, String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw ApiError.invalid(name + " must be an array of strings");
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString()) {
				throw ApiError.invalid(name + " must be an array of strings");
			}
			strings.add(element.stringValue());
		}
		return strings;
	}

	private static int intValue(JsonNode body, String name, int fallback, int min, int max) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max) {
			throw ApiError.invalid(name + " must be an integer within " + min + ".." + max);
		}
		return value.intValue();
	}

	private static void send(HttpExchange exchange, Answer answer) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(answer.body());
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
