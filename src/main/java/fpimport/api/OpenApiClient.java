package fpimport.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import fpimport.metadata.Relation;
import fpimport.metadata.Role;
import fpimport.metadata.Template;
import fpimport.metadata.User;
import fpimport.metadata.WorkItemType;
import fpimport.metadata.Workflow;
import fpimport.workitem.FieldValuePair;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.WorkItemDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Feishu Project Open API, one method per endpoint: it fetches and renews the plugin
 * token, sends the headers, reads the envelope whatever the HTTP status, keeps to the
 * rate limit and retries transient faults; any other failure is an
 * {@link OpenApiException}. Safe for use by several threads at once.
 */
public final class OpenApiClient {

	private static final Logger log = LoggerFactory.getLogger(OpenApiClient.class);

	/** The most ids one {@code query} takes. */
	public static final int MAX_QUERY_IDS = 50;

	private static final int COMMENT_PAGE = 200;

	/** A bound on paging loops, should a server report a total it never delivers. */
	private static final int MAX_PAGES = 1000;

	private final ApiSettings settings;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Payloads payloads = new Payloads(this.json);

	private final TimeSource time;

	private final DoubleSupplier jitter;

	private final RateLimiter limiter;

	private final PluginTokens tokens;

	/** A client for these settings. */
	public OpenApiClient(ApiSettings settings) {
		this(settings, TimeSource.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
	}

	OpenApiClient(ApiSettings settings, TimeSource time, DoubleSupplier jitter) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.time = Objects.requireNonNull(time, "time");
		this.jitter = Objects.requireNonNull(jitter, "jitter");
		// HTTP/1.1 for predictable failures; the JDK client never re-sends a POST by
		// itself,
		// so a create is sent again only by our retry, with the same X-IDEM-UUID
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.limiter = new RateLimiter(settings.qps());
		this.tokens = new PluginTokens(this::fetchToken, time);
	}

	/** The space's work item types ({@code all-types}). */
	public List<WorkItemType> types(String projectKey) {
		return call(Endpoint.ALL_TYPES, null, null, (answer) -> this.payloads.types(answer.data()), projectKey);
	}

	/** What can be written on create of a type ({@code meta}). */
	public CreateMeta meta(String projectKey, String typeKey) {
		return call(Endpoint.META, null, null, (answer) -> this.payloads.meta(answer.data()), projectKey, typeKey);
	}

	/**
	 * The relation each relation field of a type is bound to, by field key
	 * ({@code field/all}'s {@code relation_id}); fields bound to none are absent.
	 */
	public Map<String, String> relationIds(String projectKey, String typeKey) {
		ObjectNode body = this.json.createObjectNode().put("work_item_type_key", typeKey);
		return call(Endpoint.FIELD_ALL, body, null, (answer) -> this.payloads.relationIds(answer.data()), projectKey);
	}

	/**
	 * The space's work item relations and the types each points at
	 * ({@code work_item/relation}).
	 */
	public List<Relation> relations(String projectKey) {
		return call(Endpoint.RELATIONS, null, null, (answer) -> this.payloads.relations(answer.data()), projectKey);
	}

	/** The workflow templates of a type ({@code template_list}). */
	public List<Template> templates(String projectKey, String typeKey) {
		return call(Endpoint.TEMPLATE_LIST, null, null, (answer) -> this.payloads.templates(answer.data()), projectKey,
				typeKey);
	}

	/** The roles of a type's workflow ({@code flow_roles}). */
	public List<Role> roles(String projectKey, String typeKey) {
		return call(Endpoint.FLOW_ROLES, null, null, (answer) -> this.payloads.roles(answer.data()), projectKey,
				typeKey);
	}

	/**
	 * The user keys of the space's people: every member of its teams ({@code teams/all}),
	 * each once, in the order the teams name them.
	 */
	public List<String> memberKeys(String projectKey) {
		return call(Endpoint.TEAMS, null, null, (answer) -> this.payloads.memberKeys(answer.data()), projectKey);
	}

	/**
	 * People by e-mail, user key or out id ({@code user/query}); those not found are
	 * absent.
	 */
	public List<User> queryUsers(UserQuery query) {
		if (query.values().isEmpty()) {
			return List.of();
		}
		ObjectNode body = this.json.createObjectNode();
		ArrayNode values = body.putArray(query.by().bodyKey());
		query.values().forEach(values::add);
		return call(Endpoint.USER_QUERY, body, null, (answer) -> this.payloads.users(answer.data()));
	}

	/** People whose names match a text, fuzzily ({@code user/search}). */
	public List<User> searchUsers(String query, String projectKey) {
		ObjectNode body = this.json.createObjectNode()
			.put("query", Objects.requireNonNull(query, "query"))
			.put("project_key", Objects.requireNonNull(projectKey, "projectKey"));
		return call(Endpoint.USER_SEARCH, body, null, (answer) -> this.payloads.users(answer.data()));
	}

	/**
	 * Creates one work item ({@code work_item/create}) and answers its id. Transient
	 * faults are retried with the same idempotency key.
	 * @param idempotencyKey sent as {@code X-IDEM-UUID}; when {@code null} the client
	 * picks a random one for this call, so its retries never create the item twice
	 * @throws OpenApiException when the service refuses it; {@code IDEMPOTENCY_CONFLICT}
	 * means the item may exist already
	 */
	public long create(String projectKey, WorkItemDraft draft, String idempotencyKey) {
		ObjectNode body = this.json.createObjectNode().put("work_item_type_key", draft.typeKey());
		if (draft.templateId() != null) {
			body.put("template_id", draft.templateId().longValue());
		}
		if (draft.name() != null && !draft.name().isEmpty()) {
			body.put("name", draft.name());
		}
		body.set("field_value_pairs", pairs(draft.fields()));
		// without a key, a retry after a lost answer (the item stored, the answer
		// dropped) would store the item a second time
		String key = (idempotencyKey != null) ? idempotencyKey : UUID.randomUUID().toString();
		return call(Endpoint.CREATE, body, key, (answer) -> this.payloads.id(answer.data()), projectKey);
	}

	/** One page of a type's items that meet conditions ({@code search/params}). */
	public WorkItemPage search(String projectKey, SearchRequest request) {
		ObjectNode body = this.json.createObjectNode();
		body.set("search_group", group(request.group()));
		body.put("page_num", request.pageNum()).put("page_size", request.pageSize());
		return call(Endpoint.SEARCH_PARAMS, body, null,
				(answer) -> this.payloads.page(answer, request.pageNum(), request.pageSize()), projectKey,
				request.typeKey());
	}

	/** Every item that meets the conditions, page after page. */
	public List<WorkItemInfo> searchAll(String projectKey, SearchRequest request) {
		return all((page) -> search(projectKey, request.page(page)));
	}

	/**
	 * The details of at most {@value #MAX_QUERY_IDS} items of one type ({@code query});
	 * items not found are absent.
	 */
	public List<WorkItemInfo> query(String projectKey, String typeKey, List<Long> ids) {
		if (ids.size() > MAX_QUERY_IDS) {
			throw new IllegalArgumentException("work_item/query takes at most " + MAX_QUERY_IDS + " ids, not "
					+ ids.size() + ": split the lookup");
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		ObjectNode body = this.json.createObjectNode();
		ArrayNode array = body.putArray("work_item_ids");
		ids.forEach((id) -> array.add(id.longValue()));
		return call(Endpoint.QUERY, body, null, (answer) -> this.payloads.items(answer.data()), projectKey, typeKey);
	}

	/** Overwrites fields of an item ({@code PUT}, {@code update_fields}). */
	public void update(String projectKey, String typeKey, long workItemId, List<FieldValuePair> fields) {
		ObjectNode body = this.json.createObjectNode();
		body.set("update_fields", pairs(fields));
		call(Endpoint.UPDATE, body, null, (answer) -> null, projectKey, typeKey, Long.toString(workItemId));
	}

	/**
	 * Deletes a work item
	 * ({@code DELETE .../work_item/:work_item_type_key/:work_item_id}, no body, empty
	 * data); irreversible. An item that is gone already answers 30005, a
	 * {@code ROW_REJECTED} {@link OpenApiException}; no permission (10001) stops the run.
	 * Rate-limited like every call, under its own endpoint.
	 */
	public void delete(String projectKey, String typeKey, long workItemId) {
		call(Endpoint.DELETE, null, null, (answer) -> null, projectKey, typeKey, Long.toString(workItemId));
	}

	/**
	 * The workflow of a template ({@code template_detail}), readable before any item
	 * exists.
	 */
	public Workflow workflow(String projectKey, String templateId) {
		return call(Endpoint.TEMPLATE_DETAIL, null, null, (answer) -> this.payloads.workflow(answer.data(), templateId),
				projectKey, templateId);
	}

	/** Where an item stands in its workflow ({@code workflow/query}). */
	public WorkflowPosition position(String projectKey, String typeKey, long workItemId, boolean nodeFlow) {
		ObjectNode body = this.json.createObjectNode().put("flow_type", nodeFlow ? 0 : 1);
		return call(Endpoint.WORKFLOW_QUERY, body, null, (answer) -> this.payloads.position(answer.data()), projectKey,
				typeKey, Long.toString(workItemId));
	}

	/**
	 * Moves a state-flow item along one transition ({@code node/state_change}), with the
	 * fields its form requires.
	 */
	public void changeState(String projectKey, String typeKey, long workItemId, long transitionId,
			List<FieldValuePair> fields, String idempotencyKey) {
		ObjectNode body = this.json.createObjectNode().put("transition_id", transitionId);
		body.set("fields", pairs(fields));
		call(Endpoint.STATE_CHANGE, body, keyOrRandom(idempotencyKey), (answer) -> null, projectKey, typeKey,
				Long.toString(workItemId));
	}

	/**
	 * Completes one node of a node-flow item ({@code node/:node_id/operate}, confirm).
	 */
	public void completeNode(String projectKey, String typeKey, long workItemId, String nodeId,
			List<FieldValuePair> fields, String idempotencyKey) {
		ObjectNode body = this.json.createObjectNode().put("action", "confirm");
		body.set("fields", pairs(fields));
		call(Endpoint.NODE_OPERATE, body, keyOrRandom(idempotencyKey), (answer) -> null, projectKey, typeKey,
				Long.toString(workItemId), nodeId);
	}

	/** Aborts an item ({@code abort}, {@code is_aborted: true}). */
	public void abort(String projectKey, String typeKey, long workItemId, String reason, String idempotencyKey) {
		ObjectNode body = this.json.createObjectNode()
			.put("is_aborted", true)
			.put("reason", reason)
			.put("reason_option", "other");
		call(Endpoint.ABORT, body, keyOrRandom(idempotencyKey), (answer) -> null, projectKey, typeKey,
				Long.toString(workItemId));
	}

	/** Adds a plain-text comment ({@code comment/create}) and answers its id. */
	public long comment(String projectKey, String typeKey, long workItemId, String content, String idempotencyKey) {
		ObjectNode body = this.json.createObjectNode().put("content", content);
		return call(Endpoint.COMMENT_CREATE, body, keyOrRandom(idempotencyKey),
				(answer) -> this.payloads.id(answer.data()), projectKey, typeKey, Long.toString(workItemId));
	}

	/** Every comment of an item, oldest first ({@code comments}, pages of 200). */
	public List<Comment> comments(String projectKey, String typeKey, long workItemId) {
		List<Comment> all = new ArrayList<>();
		for (int page = 1;; page++) {
			String path = Endpoint.COMMENTS.path(projectKey, typeKey, Long.toString(workItemId)) + "?page_num=" + page
					+ "&page_size=" + COMMENT_PAGE;
			List<Comment> comments = execute(new Request(Endpoint.COMMENTS, path, null, null, true),
					(answer) -> this.payloads.comments(answer.data()));
			all.addAll(comments);
			if (comments.size() < COMMENT_PAGE) {
				return all;
			}
		}
	}

	/**
	 * Uploads one file into an attachment field ({@code file/upload}, multipart): the
	 * part {@code file} named as the file, and {@code field_key}.
	 */
	public void upload(String projectKey, String typeKey, long workItemId, String fieldKey, Path file,
			String idempotencyKey) {
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, "cannot read " + file + ": " + ex.getMessage(), null, ex);
		}
		String boundary = "fpimport-" + UUID.nameUUIDFromBytes(content).toString().replace("-", "");
		String name = file.getFileName().toString().replace("\"", "%22").replace("\r", " ").replace("\n", " ");
		String type = null;
		try {
			type = Files.probeContentType(file);
		}
		catch (IOException ex) {
			// the generic type below
		}
		java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"field_key\"\r\n\r\n" + fieldKey
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + ((type != null) ? type : "application/octet-stream") + "\r\n\r\n";
		multipart.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		multipart.writeBytes(content);
		multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String path = Endpoint.FILE_UPLOAD.path(projectKey, typeKey, Long.toString(workItemId));
		execute(new Request(Endpoint.FILE_UPLOAD, path, null, keyOrRandom(idempotencyKey), true,
				multipart.toByteArray(), "multipart/form-data; boundary=" + boundary), (answer) -> null);
	}

	// a write without a key could be done twice by a retry after a lost answer
	private static String keyOrRandom(String idempotencyKey) {
		return (idempotencyKey != null) ? idempotencyKey : UUID.randomUUID().toString();
	}

	private ArrayNode pairs(List<FieldValuePair> fields) {
		ArrayNode pairs = this.json.createArrayNode();
		for (FieldValuePair pair : fields) {
			// valueToTree keeps native JSON types and explicit nulls (a tree leaf's
			// children: null)
			pairs.addObject()
				.put("field_key", pair.fieldKey())
				.set("field_value", this.json.valueToTree(pair.fieldValue()));
		}
		return pairs;
	}

	private ObjectNode group(SearchRequest.Group group) {
		ObjectNode node = this.json.createObjectNode().put("conjunction", group.conjunction());
		ArrayNode params = node.putArray("search_params");
		for (SearchRequest.Param param : group.params()) {
			params.addObject()
				.put("param_key", param.paramKey())
				.put("operator", param.operator())
				.set("value", this.json.valueToTree(param.value()));
		}
		ArrayNode groups = node.putArray("search_groups");
		group.groups().forEach((nested) -> groups.add(group(nested)));
		return node;
	}

	private static List<WorkItemInfo> all(Function<Integer, WorkItemPage> pageFetch) {
		List<WorkItemInfo> items = new ArrayList<>();
		for (int number = 1; number <= MAX_PAGES; number++) {
			WorkItemPage page = pageFetch.apply(number);
			items.addAll(page.items());
			if (!page.hasMore()) {
				break;
			}
		}
		return List.copyOf(items);
	}

	private PluginToken fetchToken() {
		ObjectNode body = this.json.createObjectNode()
			.put("plugin_id", this.settings.pluginId())
			.put("plugin_secret", this.settings.pluginSecret().reveal())
			.put("type", this.settings.tokenType().code());
		return execute(new Request(Endpoint.PLUGIN_TOKEN, Endpoint.PLUGIN_TOKEN.path(), body.toString(), null, false),
				(answer) -> this.payloads.pluginToken(answer.data()));
	}

	private <T> T call(Endpoint endpoint, JsonNode body, String idempotencyKey, Function<ServiceAnswer, T> decode,
			String... pathValues) {
		String path = endpoint.path(pathValues);
		return execute(new Request(endpoint, path, (body != null) ? body.toString() : null, idempotencyKey, true),
				decode);
	}

	/**
	 * Sends a request until it succeeds or fails for good: transient faults are retried
	 * within the retry policy, a refused token is renewed once.
	 */
	private <T> T execute(Request request, Function<ServiceAnswer, T> decode) {
		ApiSettings.RetryPolicy retry = this.settings.retry();
		Instant deadline = this.time.now().plus(retry.maxTotalTime());
		boolean renewed = false;
		int attempt = 0;
		int transientFaults = 0;
		// the token of an attempt that may have stored a keyed write: the service knows
		// an X-IDEM-UUID only under the token it came with, so retries keep that token
		String pinned = null;
		while (true) {
			attempt++;
			String token = !request.authenticated() ? null : (pinned != null) ? pinned : this.tokens.current();
			OpenApiException failure;
			try {
				this.limiter.acquire(token, request.endpoint());
				ServiceAnswer answer = send(request, token);
				if (answer.ok()) {
					return decoded(request, answer, decode, attempt);
				}
				failure = OpenApiException.of(request.endpoint().describe(), answer.status(), answer.errCode(),
						scrub(answer.errMsg(), token), answer.logId(), attempt);
				if (!request.authenticated() && failure.classification() != OpenApiException.Classification.TRANSIENT) {
					failure = tokenRefused(answer, attempt);
				}
			}
			catch (IOException ex) {
				failure = transportFault(request, ex, attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FpImportException(Reason.INTERNAL,
						"interrupted while calling " + request.endpoint().describe(), null, ex);
			}
			switch (failure.classification()) {
				case TOKEN -> {
					if (pinned != null) {
						// under a new token the key would be unknown: a resend could
						// store the item twice
						throw maybeStored(request, failure);
					}
					if (request.authenticated() && !renewed) {
						renewed = true;
						this.tokens.refused(token);
						this.limiter.forget(token);
						continue;
					}
					throw failure;
				}
				case TRANSIENT -> {
					transientFaults++;
					// 10429 is refused before anything happens; other faults may come
					// after the write was done
					if (request.authenticated() && request.idempotencyKey() != null && failure.errCode() != 10429) {
						pinned = token;
					}
					Duration pause = pause(retry, transientFaults);
					if (transientFaults < retry.maxAttempts() && !this.time.now().plus(pause).isAfter(deadline)) {
						log.debug("{} {}: {}; retrying in {} ms", request.endpoint().method(), request.path(),
								failure.errMsg(), pause.toMillis());
						sleep(pause, request);
						continue;
					}
					throw failure;
				}
				default -> throw failure;
			}
		}
	}

	private <T> T decoded(Request request, ServiceAnswer answer, Function<ServiceAnswer, T> decode, int attempt) {
		try {
			return decode.apply(answer);
		}
		catch (RuntimeException ex) {
			String message = "unexpected answer: " + ex.getMessage();
			if (request.endpoint().equals(Endpoint.CREATE)) {
				// the service said yes but gave no id: the item may exist
				throw new OpenApiException(OpenApiException.Classification.IDEMPOTENCY_CONFLICT, Reason.INTERNAL,
						request.endpoint().describe(), answer.status(), 0, message, answer.logId(), attempt,
						"the item may exist: reconcile before creating it again", ex);
			}
			throw new OpenApiException(OpenApiException.Classification.STOPS_RUN, Reason.INTERNAL,
					request.endpoint().describe(), answer.status(), 0, message, answer.logId(), attempt,
					"check --base-url: the answer does not look like the Open API's", ex);
		}
	}

	/**
	 * The token was refused on a retry of a write that may have been done already: the
	 * caller must look for the item before writing again.
	 */
	private static OpenApiException maybeStored(Request request, OpenApiException refusal) {
		return new OpenApiException(OpenApiException.Classification.IDEMPOTENCY_CONFLICT, Reason.INTERNAL,
				refusal.endpoint(), refusal.httpStatus(), refusal.errCode(),
				"token refused on a retry of a write that may have been done: " + refusal.errMsg(), refusal.logId(),
				refusal.attempts(), "the item may exist: reconcile before creating it again", null);
	}

	/** A plugin_token refusal: the plugin id, secret or token type is wrong. */
	private OpenApiException tokenRefused(ServiceAnswer answer, int attempt) {
		return new OpenApiException(OpenApiException.Classification.STOPS_RUN, Reason.REMOTE_REFUSED,
				Endpoint.PLUGIN_TOKEN.describe(), answer.status(), answer.errCode(), scrub(answer.errMsg(), null),
				answer.logId(), attempt, "check --plugin-id, --plugin-secret and --base-url", null);
	}

	private OpenApiException transportFault(Request request, IOException ex, int attempt) {
		String address = address(this.settings.baseUrl().toString());
		String what = ((ex instanceof HttpTimeoutException) ? "timed out" : "connection failed") + " to " + address;
		String detail = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return new OpenApiException(OpenApiException.Classification.TRANSIENT, Reason.REMOTE_REFUSED,
				request.endpoint().describe(), 0, 0, what + " (" + scrub(detail, null) + ")", null, attempt,
				"check that " + address + " is the Open API (--base-url) and can be reached from this machine "
						+ "(network, proxy, firewall, DNS), then try again (fpimport resume or retry)",
				ex);
	}

	/** The host and port of a base URL, the port the scheme's own when none is given. */
	static String address(String baseUrl) {
		try {
			URI uri = URI.create(baseUrl);
			int port = (uri.getPort() >= 0) ? uri.getPort() : ("http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443);
			return uri.getHost() + ":" + port;
		}
		catch (IllegalArgumentException ex) {
			return baseUrl;
		}
	}

	private ServiceAnswer send(Request request, String token) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.settings.baseUrl() + request.path()))
			.timeout(this.settings.requestTimeout())
			.header("Content-Type",
					(request.contentType() != null) ? request.contentType() : "application/json; charset=utf-8");
		if (request.authenticated()) {
			builder.header("X-PLUGIN-TOKEN", token).header("X-USER-KEY", this.settings.userKey());
		}
		if (request.idempotencyKey() != null) {
			builder.header("X-IDEM-UUID", request.idempotencyKey());
		}
		HttpRequest.BodyPublisher body = (request.bytes() != null)
				? HttpRequest.BodyPublishers.ofByteArray(request.bytes())
				: (request.body() != null) ? HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody();
		builder.method(request.endpoint().method(), body);
		long started = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			log.debug("{} {} -> {} after {} ms", request.endpoint().method(), request.path(),
					ex.getClass().getSimpleName(), elapsedMillis(started));
			throw ex;
		}
		String logId = response.headers().firstValue("X-Tt-Logid").orElse(null);
		ServiceAnswer answer = request.authenticated()
				? ServiceAnswer.business(this.json, response.statusCode(), response.body(), logId)
				: ServiceAnswer.token(this.json, response.statusCode(), response.body(), logId);
		log.debug("{} {} -> HTTP {} err_code {} in {} ms, log id {}", request.endpoint().method(), request.path(),
				response.statusCode(), answer.errCode(), elapsedMillis(started), answer.logId());
		return answer;
	}

	/** Full jitter: a random pause between zero and the attempt's exponential cap. */
	private Duration pause(ApiSettings.RetryPolicy retry, int faults) {
		long cap = retry.cap(faults).toNanos();
		return Duration.ofNanos((long) (cap * Math.min(1.0, Math.max(0.0, this.jitter.getAsDouble()))));
	}

	private void sleep(Duration pause, Request request) {
		try {
			this.time.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FpImportException(Reason.INTERNAL, "interrupted while calling " + request.endpoint().describe(),
					null, ex);
		}
	}

	/** Blanks out the secret and the token, should the service ever echo them. */
	private String scrub(String text, String token) {
		if (text == null) {
			return null;
		}
		return blank(blank(text, this.settings.pluginSecret().reveal()), token);
	}

	private static String blank(String text, String hidden) {
		// a value this short is no credential, and blanking it would garble the message
		return (hidden != null && hidden.length() >= 6) ? text.replace(hidden, "******") : text;
	}

	private static long elapsedMillis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	@Override
	public String toString() {
		return "OpenApiClient[" + this.settings.baseUrl() + "]";
	}

	/** One request as sent on every attempt. */
	private record Request(Endpoint endpoint, String path, String body, String idempotencyKey, boolean authenticated,
			byte[] bytes, String contentType) {

		Request(Endpoint endpoint, String path, String body, String idempotencyKey, boolean authenticated) {
			this(endpoint, path, body, idempotencyKey, authenticated, null, null);
		}

	}

}
