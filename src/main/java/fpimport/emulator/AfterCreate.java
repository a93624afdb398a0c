package fpimport.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.State;
import fpimport.emulator.SpaceFixture.Template;
import fpimport.emulator.SpaceFixture.Transition;
import fpimport.emulator.SpaceFixture.Type;
import fpimport.emulator.SpaceFixture.Workflow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happens to an item after its create (docs/emulator.md "After the create"): its
 * workflow (template detail, workflow query, state change, node completion, abort), its
 * comments and the files of its attachment fields. Thread-safe.
 */
final class AfterCreate {

	/** The service's limit of one uploaded file. */
	static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

	/** The service's limit of files in one attachment field. */
	static final int MAX_FILES_PER_FIELD = 50;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final EmulatedSpace space;

	private final Map<Long, String> states = new HashMap<>();

	private final Map<Long, Set<String>> completedNodes = new HashMap<>();

	private final Set<Long> aborted = new HashSet<>();

	private final Map<Long, List<ObjectNode>> comments = new HashMap<>();

	private final AtomicLong nextCommentId = new AtomicLong(7_400_000_001L);

	private final AtomicLong nextFileId = new AtomicLong(1);

	private volatile long maxFileBytes = MAX_FILE_BYTES;

	AfterCreate(EmulatedSpace space) {
		this.space = space;
	}

	void maxFileBytes(long bytes) {
		this.maxFileBytes = bytes;
	}

	/** {@code GET template_detail/:template_id}: the template's graph. */
	ObjectNode templateDetail(SpaceFixture fixture, String templateId) {
		for (Type type : fixture.types()) {
			Optional<Template> found = type.template(templateId);
			if (found.isPresent()) {
				return templateDetail(type, found.get());
			}
		}
		throw new ApiError(50006, "Template not found", "template " + templateId + " not found");
	}

	private static ObjectNode templateDetail(Type type, Template template) {
		Workflow workflow = template.workflow();
		ObjectNode data = NODES.objectNode();
		data.put("template_id", Long.parseLong(template.id()));
		data.put("template_name", template.name());
		data.put("version", 1);
		data.put("is_disabled", template.disabled() ? 1 : 2);
		data.put("work_item_type_key", type.typeKey());
		ArrayNode nodes = data.putArray("workflow_confs");
		ArrayNode states = data.putArray("state_flow_confs");
		for (State state : workflow.states()) {
			ObjectNode conf = workflow.nodeFlow() ? nodes.addObject() : states.addObject();
			conf.put("state_key", state.key());
			conf.put("name", state.name());
			if (workflow.nodeFlow()) {
				ArrayNode before = conf.putArray("pre_node_state_key");
				workflow.transitions()
					.stream()
					.filter((t) -> t.to().equals(state.key()))
					.forEach((t) -> before.add(t.from()));
				conf.set("fields", fieldConfs(type, state.fields()));
			}
			else {
				// 1 start, 2 normal, 3 end: assumed, the SDK names the field only
				boolean end = workflow.transitions().stream().noneMatch((t) -> t.from().equals(state.key()));
				conf.put("state_type", (state == workflow.initial()) ? 1 : end ? 3 : 2);
			}
		}
		putConnections(data, workflow, type);
		return data;
	}

	/**
	 * The workflow's connections; a state flow's carry their transition ids and, when
	 * {@code fieldsOf} is given (template detail), the fields each move requires.
	 */
	private static void putConnections(ObjectNode data, Workflow workflow, Type fieldsOf) {
		ArrayNode connections = data.putArray("connections");
		for (Transition transition : workflow.transitions()) {
			ObjectNode connection = connections.addObject();
			connection.put("source_state_key", transition.from());
			connection.put("target_state_key", transition.to());
			if (!workflow.nodeFlow()) {
				connection.put("transition_id", transition.id());
				if (fieldsOf != null) {
					connection.set("fields", fieldConfs(fieldsOf, transition.fields()));
				}
			}
		}
	}

	private static ArrayNode fieldConfs(Type type, List<String> keys) {
		ArrayNode fields = NODES.arrayNode();
		for (String key : keys) {
			Field field = type.field(key).orElseThrow();
			ObjectNode conf = fields.addObject();
			conf.put("field_key", field.key());
			conf.put("field_alias", field.alias());
			conf.put("field_name", field.name());
			conf.put("field_type_key", field.type());
			conf.put("is_required", 1);
		}
		return fields;
	}

	/** {@code POST workflow/query}: where the item stands. */
	synchronized ObjectNode workflowQuery(Type type, StoredItem item, JsonNode body) {
		Workflow workflow = workflow(type, item);
		JsonNode flowType = body.get("flow_type");
		int expected = workflow.nodeFlow() ? 0 : 1;
		if (flowType != null && !flowType.isNull() && flowType.asInt() != expected) {
			throw new ApiError(20026, "FlowType Is Error", "work item " + item.id() + " is "
					+ (workflow.nodeFlow() ? "node" : "state") + " flow: send flow_type " + expected);
		}
		ObjectNode data = NODES.objectNode();
		data.put("template_id", item.templateId());
		data.put("version", 1);
		ArrayNode nodes = data.putArray(workflow.nodeFlow() ? "workflow_nodes" : "state_flow_nodes");
		for (State state : workflow.states()) {
			ObjectNode node = nodes.addObject();
			node.put("id", state.key());
			node.put("state_key", state.key());
			node.put("name", state.name());
			node.put("status", status(workflow, item.id(), state));
		}
		putConnections(data, workflow, null);
		data.put("is_aborted", this.aborted.contains(item.id()));
		return data;
	}

	// 1 not started, 2 in progress (current), 3 done (documented for nodes)
	private int status(Workflow workflow, long itemId, State state) {
		if (workflow.nodeFlow()) {
			Set<String> done = this.completedNodes.getOrDefault(itemId, Set.of());
			if (done.contains(state.key())) {
				return 3;
			}
			return reached(workflow, done, state.key()) ? 2 : 1;
		}
		return state.key().equals(currentState(workflow, itemId)) ? 2 : 1;
	}

	private String currentState(Workflow workflow, long itemId) {
		return this.states.getOrDefault(itemId, workflow.initial().key());
	}

	private static boolean reached(Workflow workflow, Set<String> done, String node) {
		if (node.equals(workflow.initial().key())) {
			return true;
		}
		return workflow.transitions()
			.stream()
			.filter((t) -> t.to().equals(node))
			.allMatch((t) -> done.contains(t.from()));
	}

	/** {@code POST node/state_change}: one hop along a transition of a state flow. */
	synchronized void stateChange(Type type, StoredItem item, JsonNode body) {
		Workflow workflow = workflow(type, item);
		if (workflow.nodeFlow()) {
			throw new ApiError(20026, "FlowType Is Error", "work item " + item.id() + " is node flow: complete nodes");
		}
		notAborted(item);
		JsonNode id = body.get("transition_id");
		if (id == null || !id.isIntegralNumber() || id.longValue() == 0) {
			throw new ApiError(20005, "transition_id is required");
		}
		String current = currentState(workflow, item.id());
		Transition transition = workflow.transitions()
			.stream()
			.filter((t) -> t.id() == id.longValue() && t.from().equals(current))
			.findFirst()
			.orElseThrow(() -> new ApiError(10002, "Illegal Operation",
					"transition " + id.longValue() + " does not leave state " + current));
		requireFields(transition.fields(), body.get("fields"), "transition " + transition.id());
		this.states.put(item.id(), transition.to());
	}

	/**
	 * {@code POST node/:node_id/operate}: completes (confirm) or reopens (rollback) a
	 * node.
	 */
	synchronized void operate(Type type, StoredItem item, String nodeId, JsonNode body) {
		Workflow workflow = workflow(type, item);
		if (!workflow.nodeFlow()) {
			throw new ApiError(20026, "FlowType Is Error", "work item " + item.id() + " is state flow: change state");
		}
		notAborted(item);
		State node = workflow.state(nodeId)
			.orElseThrow(
					() -> new ApiError(20018, "Node Not In Workflow", "node " + nodeId + " is not in the workflow"));
		Set<String> done = this.completedNodes.computeIfAbsent(item.id(), (key) -> new HashSet<>());
		String action = body.path("action").asString("");
		if (action.equals("rollback")) {
			if (!done.contains(nodeId)) {
				throw new ApiError(20037, "Node Not Completed", "node " + nodeId + " is not completed");
			}
			done.remove(nodeId);
			return;
		}
		if (!action.equals("confirm")) {
			throw ApiError.invalid("action must be confirm or rollback");
		}
		if (done.contains(nodeId)) {
			throw new ApiError(20017, "Node Already Completed", "node " + nodeId + " is completed already");
		}
		if (!reached(workflow, done, nodeId)) {
			throw new ApiError(20016, "Node Not Reached", "node " + nodeId + " has not been reached yet");
		}
		List<String> missing = new ArrayList<>();
		for (String key : node.fields()) {
			if (item.field(key).isEmpty() && !sent(body.get("fields"), key)) {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			throw new ApiError(20038, "Required Field Is Not Set", "node " + nodeId + " needs " + missing);
		}
		done.add(nodeId);
	}

	/** {@code PUT abort}: aborts or restores an item; only node flow may be aborted. */
	synchronized void abort(Type type, StoredItem item, JsonNode body) {
		Workflow workflow = workflow(type, item);
		if (!workflow.nodeFlow()) {
			throw new ApiError(20056, "Only WorkFlow Mode Can Be Aborted");
		}
		JsonNode flag = body.get("is_aborted");
		if (flag == null || !flag.isBoolean()) {
			throw ApiError.invalid("is_aborted (bool) is required");
		}
		if (flag.booleanValue()) {
			if (!this.aborted.add(item.id())) {
				throw new ApiError(20007, "Work Item Is Aborted", "work item " + item.id() + " is aborted already");
			}
		}
		else if (!this.aborted.remove(item.id())) {
			throw new ApiError(20008, "Work Item Is Restored", "work item " + item.id() + " is not aborted");
		}
	}

	/** Whether the item was aborted. */
	synchronized boolean aborted(long itemId) {
		return this.aborted.contains(itemId);
	}

	/** The item's current state (state flow), or its current nodes (node flow). */
	synchronized List<String> current(Type type, StoredItem item) {
		Workflow workflow = workflow(type, item);
		if (!workflow.nodeFlow()) {
			return List.of(currentState(workflow, item.id()));
		}
		Set<String> done = this.completedNodes.getOrDefault(item.id(), Set.of());
		return workflow.states()
			.stream()
			.filter((state) -> !done.contains(state.key()) && reached(workflow, done, state.key()))
			.map(State::key)
			.toList();
	}

	private void notAborted(StoredItem item) {
		if (this.aborted.contains(item.id())) {
			throw new ApiError(20007, "Work Item Is Aborted", "work item " + item.id() + " is aborted");
		}
	}

	private static void requireFields(List<String> keys, JsonNode sent, String what) {
		List<String> missing = keys.stream().filter((key) -> !sent(sent, key)).toList();
		if (!missing.isEmpty()) {
			throw new ApiError(20038, "Required Field Is Not Set", what + " needs " + missing);
		}
	}

	private static boolean sent(JsonNode fields, String key) {
		if (fields == null || !fields.isArray()) {
			return false;
		}
		for (JsonNode pair : fields) {
			if (key.equals(pair.path("field_key").asString(null)) && pair.has("field_value")
					&& !pair.get("field_value").isNull()) {
				return true;
			}
		}
		return false;
	}

	private static Workflow workflow(Type type, StoredItem item) {
		return type.template(Long.toString(item.templateId())).map(Template::workflow).orElse(Workflow.SINGLE);
	}

	/** {@code POST comment/create}: the new comment's id. */
	synchronized long createComment(StoredItem item, String userKey, JsonNode body) {
		JsonNode content = body.get("content");
		JsonNode richText = body.get("rich_text");
		String text;
		if (richText != null && !richText.isNull()) {
			if (!richText.isArray()) {
				throw new ApiError(1000051280, "rich_text is invalid");
			}
			StringBuilder joined = new StringBuilder();
			richText.forEach((node) -> joined.append(node.path("text").asString("")));
			text = joined.toString();
		}
		else if (content != null && content.isString() && !content.stringValue().isEmpty()) {
			text = content.stringValue();
		}
		else {
			throw ApiError.invalid("content or rich_text is required");
		}
		long id = this.nextCommentId.getAndIncrement();
		ObjectNode comment = NODES.objectNode();
		comment.put("id", id);
		comment.put("work_item_id", item.id());
		comment.put("work_item_type_key", item.typeKey());
		comment.put("created_at", System.currentTimeMillis());
		comment.put("operator", userKey);
		comment.put("content", text);
		this.comments.computeIfAbsent(item.id(), (key) -> new ArrayList<>()).add(comment);
		return id;
	}

	/** {@code GET comments}: a page of the item's comments, oldest first. */
	synchronized Answer comments(StoredItem item, int pageNum, int pageSize) {
		if (pageSize < 1 || pageSize > 200) {
			throw new ApiError(20002, "page_size must be within 1..200");
		}
		List<ObjectNode> all = this.comments.getOrDefault(item.id(), List.of());
		ArrayNode data = NODES.arrayNode();
		all.stream().skip((long) (pageNum - 1) * pageSize).limit(pageSize).forEach((c) -> data.add(c.deepCopy()));
		Answer answer = Answer.ok(data);
		ObjectNode pagination = answer.body().putObject("pagination");
		pagination.put("page_num", pageNum);
		pagination.put("page_size", pageSize);
		pagination.put("total", all.size());
		return answer;
	}

	/** The contents of the item's comments, oldest first. */
	synchronized List<String> commentTexts(long itemId) {
		return this.comments.getOrDefault(itemId, List.of())
			.stream()
			.map((c) -> c.get("content").stringValue())
			.toList();
	}

	/**
	 * {@code POST file/upload} (multipart): appends one file to a {@code multi_file}
	 * field of the item.
	 */
	synchronized void upload(Type type, StoredItem item, String contentType, byte[] raw) {
		String boundary = boundary(contentType);
		if (boundary == null) {
			throw new ApiError(20040, "Request Form Is Null", "the request is not multipart/form-data");
		}
		Map<String, Part> parts = parts(raw, boundary);
		Part file = parts.get("file");
		String fieldKey = parts.containsKey("field_key") ? parts.get("field_key").text() : null;
		String alias = parts.containsKey("field_alias") ? parts.get("field_alias").text() : null;
		if (file == null || (fieldKey == null && alias == null)) {
			throw new ApiError(20040, "Request Form Is Null", "send a file part and field_key or field_alias");
		}
		Field field = type.field((fieldKey != null) ? fieldKey : alias)
			.filter((f) -> f.type().equals("multi_file"))
			.orElseThrow(() -> new ApiError(20070, "Field is InValid", "field "
					+ ((fieldKey != null) ? fieldKey : alias) + " is not an attachment field of " + type.typeKey()));
		if (file.content().length > this.maxFileBytes) {
			throw new ApiError(20024, "Uploaded File Size Limit 100M");
		}
		StoredItem current = this.space.item(item.id()).orElseThrow();
		ArrayNode files = NODES.arrayNode();
		current.field(field.key()).filter(JsonNode::isArray).ifPresent((old) -> old.forEach(files::add));
		if (files.size() >= MAX_FILES_PER_FIELD) {
			// the documents say the 51st fails, not with which code (assumed)
			throw new ApiError(50006,
					"attachment field " + field.key() + " holds " + MAX_FILES_PER_FIELD + " files already");
		}
		if (file.content().length == 0) {
			// documented: an empty file part answers success and nothing appears
			return;
		}
		long uid = this.nextFileId.getAndIncrement();
		ObjectNode value = files.addObject();
		value.put("name", (file.fileName() != null) ? file.fileName() : "unknown-file");
		value.put("type", (file.contentType() != null) ? file.contentType() : "application/octet-stream");
		value.put("size", file.content().length);
		value.put("uid", "file_" + uid);
		value.put("url", "https://emulator.invalid/file/" + uid);
		Map<String, JsonNode> fields = new LinkedHashMap<>(current.fields());
		fields.put(field.key(), files);
		this.space.replace(new StoredItem(current.id(), current.typeKey(), current.name(), current.templateId(),
				current.createdBy(), current.createdAt(), current.updatedBy(), current.updatedAt(), fields));
	}

	private record Part(String fileName, String contentType, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	private static String boundary(String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			String trimmed = parameter.strip();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				return trimmed.substring("boundary=".length()).replace("\"", "");
			}
		}
		return null;
	}

	private static Map<String, Part> parts(byte[] raw, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		Map<String, Part> parts = new LinkedHashMap<>();
		int at = indexOf(raw, delimiter, 0);
		while (at >= 0) {
			int start = at + delimiter.length;
			if (start + 1 < raw.length && raw[start] == '-' && raw[start + 1] == '-') {
				break;
			}
			start += 2; // CRLF after the delimiter
			int next = indexOf(raw, delimiter, start);
			if (next < 0) {
				break;
			}
			int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
			if (headersEnd < 0 || headersEnd > next) {
				break;
			}
			String headers = new String(raw, start, headersEnd - start, StandardCharsets.UTF_8);
			int contentEnd = next - 2; // CRLF before the delimiter
			byte[] content = java.util.Arrays.copyOfRange(raw, headersEnd + 4, Math.max(headersEnd + 4, contentEnd));
			String name = parameter(headers, "name");
			if (name != null) {
				parts.put(name, new Part(parameter(headers, "filename"), header(headers, "content-type"), content));
			}
			at = next;
		}
		return parts;
	}

	private static String parameter(String headers, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?i)[; ]" + name + "=\"([^\"]*)\"")
			.matcher(headers);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String header(String headers, String name) {
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).strip();
			}
		}
		return null;
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
