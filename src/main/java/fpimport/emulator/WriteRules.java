package fpimport.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.Option;
import fpimport.emulator.SpaceFixture.Relation;
import fpimport.emulator.SpaceFixture.Role;
import fpimport.emulator.SpaceFixture.Template;
import fpimport.emulator.SpaceFixture.Type;
import fpimport.emulator.SpaceFixture.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of {@code work_item/create} (CW-1..CW-10) and {@code update}: which fields,
 * which value shapes, which options, users and roles a write may name. Each refusal is an
 * {@link ApiError}; the first one found wins.
 */
final class WriteRules {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern TELEPHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ()\\-]{2,30}");

	private static final long MIN_MILLIS = 1_000_000_000_000L;

	private static final long MAX_MILLIS = 9_999_999_999_999L;

	private final SpaceFixture fixture;

	private final EmulatedSpace space;

	WriteRules(SpaceFixture fixture, EmulatedSpace space) {
		this.fixture = fixture;
		this.space = space;
	}

	/** A create that passed every rule: what to store. */
	record Creation(Type type, String name, long templateId, Map<String, JsonNode> fields) {
	}

	Creation create(JsonNode body) {
		requireObject(body, "request body");
		JsonNode typeNode = body.get("work_item_type_key");
		if (typeNode == null || !typeNode.isString() || typeNode.stringValue().isBlank()) {
			throw ApiError.invalid("work_item_type_key is required and must be a string");
		}
		// CW-1; a disabled type cannot take new items either (stricter reading)
		Type type = this.fixture.type(typeNode.stringValue())
			.filter((candidate) -> !candidate.disabled())
			.orElseThrow(() -> new ApiError(30014, "WorkItem Type Not Found", "Work item not found"));
		String topName = optionalString(body, "name");
		Template template = template(type, body.get("template_id"));
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		String pairName = null;
		JsonNode roleOwners = null;
		for (Pair pair : pairs(type, body.get("field_value_pairs"), "field_value_pairs")) {
			if (pair.field().key().equals("name")) {
				// CW-9
				if (topName != null && !topName.isEmpty()) {
					throw new ApiError(20083, "Duplication Field Exist",
							"name is set both as the top-level name and in field_value_pairs");
				}
				pairName = checkName(pair.value());
			}
			else if (pair.field().type().equals("role_owners")) {
				roleOwners = pair.value();
			}
			else {
				fields.put(pair.field().key(), value(pair.field(), pair.value()));
			}
		}
		String name = (pairName != null) ? pairName : topName;
		if (name == null || name.isBlank()) {
			throw new ApiError(20038, "Required Field Not Set", "required field name is not set");
		}
		for (Field field : type.fields()) {
			if (field.required() == 1 && field.isWritable() && !field.key().equals("name")
					&& !field.type().equals("role_owners") && !fields.containsKey(field.key())
					&& field.defaultValue() == null) {
				throw new ApiError(20038, "Required Field Not Set",
						"required field " + field.key() + " (" + field.name() + ") is not set");
			}
		}
		JsonNode owners = roleOwners(type, roleOwners, true, null);
		if (!owners.isEmpty()) {
			fields.put("role_owners", owners);
		}
		return new Creation(type, name, Long.parseLong(template.id()), fields);
	}

	/**
	 * Applies {@code update_fields} to an item; every sent value overwrites the old one.
	 */
	StoredItem update(StoredItem item, JsonNode body, String userKey) {
		requireObject(body, "request body");
		Type type = this.fixture.type(item.typeKey()).orElseThrow();
		Map<String, JsonNode> fields = new LinkedHashMap<>(item.fields());
		String name = item.name();
		JsonNode updates = body.get("update_fields");
		if (updates == null || !updates.isArray() || updates.isEmpty()) {
			throw ApiError.invalid("update_fields must be a non-empty array of FieldValuePair");
		}
		for (Pair pair : pairs(type, updates, "update_fields")) {
			if (pair.field().key().equals("name")) {
				name = checkName(pair.value());
			}
			else if (pair.field().type().equals("role_owners")) {
				JsonNode owners = roleOwners(type, pair.value(), false, fields.get("role_owners"));
				fields.put("role_owners", owners);
			}
			else {
				fields.put(pair.field().key(), value(pair.field(), pair.value()));
			}
		}
		return new StoredItem(item.id(), item.typeKey(), name, item.templateId(), item.createdBy(), item.createdAt(),
				userKey, System.currentTimeMillis(), fields);
	}

	private record Pair(Field field, JsonNode value) {
	}

	private record SentPair(String key, String typeKey, JsonNode value) {
	}

	private static List<Pair> pairs(Type type, JsonNode node, String what) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw ApiError.invalid(what + " must be an array of FieldValuePair");
		}
		List<SentPair> sent = new ArrayList<>();
		for (JsonNode pair : node) {
			requireObject(pair, "each of " + what);
			String key = optionalString(pair, "field_key");
			if (key == null || key.isEmpty()) {
				key = optionalString(pair, "field_alias");
			}
			if (key == null || key.isEmpty()) {
				throw ApiError.invalid("a FieldValuePair needs field_key or field_alias");
			}
			// CW-10
			if (key.equals("template_id")) {
				throw ApiError.invalid("template_id must not be sent in " + what + "; send the top-level template_id");
			}
			if (!pair.has("field_value")) {
				throw ApiError.invalid("field_value of " + key + " is missing");
			}
			sent.add(new SentPair(key, optionalString(pair, "field_type_key"), pair.get("field_value")));
		}
		// a second pass, so a template_id pair is reported before any unknown field
		List<Pair> resolved = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (SentPair pair : sent) {
			resolved.add(resolve(type, pair, seen));
		}
		return resolved;
	}

	private static Pair resolve(Type type, SentPair pair, Set<String> seen) {
		Field field = type.field(pair.key())
			.orElseThrow(() -> new ApiError(30009, "Field Not Found",
					"field " + pair.key() + " not found in type " + type.typeKey()));
		// CW-5: a field named twice, by key or by alias
		if (!seen.add(field.key())) {
			throw new ApiError(20083, "Duplication Field Exist", "field " + field.key() + " is set twice");
		}
		if (pair.typeKey() != null && !pair.typeKey().isEmpty() && !pair.typeKey().equals(field.type())) {
			throw ApiError
				.invalid("field_type_key of " + field.key() + " is " + field.type() + ", not " + pair.typeKey());
		}
		if (!field.isWritable()) {
			throw ApiError
				.invalid("field " + field.key() + " (" + field.type() + ") cannot be written through the API");
		}
		if (pair.value() == null || pair.value().isNull()) {
			throw ApiError.invalid("field_value of " + field.key() + " must not be null; omit the field instead");
		}
		return new Pair(field, pair.value());
	}

	private static Template template(Type type, JsonNode idNode) {
		Template template;
		if (idNode == null || idNode.isNull()) {
			template = type.templates().get(0);
		}
		else {
			// the body documents int64; a string id (as template_list writes it) is
			// refused
			if (!idNode.isIntegralNumber() || !idNode.canConvertToLong()) {
				throw ApiError.invalid("template_id must be an int64 number");
			}
			String id = Long.toString(idNode.longValue());
			// CW-4
			template = type.template(id)
				.orElseThrow(() -> new ApiError(50006, "Template not found", "template not found"));
		}
		// CW-3
		if (template.disabled()) {
			throw new ApiError(50006, "Current Template is Disable", "Current template has been banned");
		}
		return template;
	}

	private static String checkName(JsonNode value) {
		if (!value.isString() || value.stringValue().isBlank()) {
			throw ApiError.invalid("name must be a non-empty string");
		}
		return value.stringValue();
	}

	/** Checks one value against its field's type and returns it as stored. */
	JsonNode value(Field field, JsonNode value) {
		String key = field.key();
		return switch (field.type()) {
			case "text", "email", "telephone", "link" -> {
				String text = string(field, value);
				if (field.type().equals("link") && !LINK.matcher(text).matches()) {
					throw ApiError.invalid("field_value of " + key + " (link) must be an http(s) URL");
				}
				if (field.type().equals("email") && !EMAIL.matcher(text).matches()) {
					throw ApiError.invalid("field_value of " + key + " (email) is not an e-mail address");
				}
				if (field.type().equals("telephone") && !TELEPHONE.matcher(text).matches()) {
					throw ApiError.invalid("field_value of " + key + " (telephone) is not a phone number");
				}
				yield value;
			}
			case "multi_text" -> {
				if (!value.isString() && !value.isArray()) {
					throw ApiError
						.invalid("field_value of " + key + " (multi_text) must be a string or a rich-text node array");
				}
				yield value;
			}
			case "select", "radio" -> choice(field, value, field.options());
			case "multi_select" -> {
				ArrayNode stored = NODES.arrayNode();
				for (JsonNode element : array(field, value)) {
					stored.add(choice(field, element, field.options()));
				}
				yield stored;
			}
			case "tree_select" -> tree(field, value, field.options(), 1);
			case "tree_multi_select" -> {
				ArrayNode stored = NODES.arrayNode();
				for (JsonNode element : array(field, value)) {
					stored.add(tree(field, element, field.options(), 1));
				}
				yield stored;
			}
			case "user" -> {
				user(field, string(field, value));
				yield value;
			}
			case "multi_user" -> {
				for (JsonNode element : array(field, value)) {
					user(field, string(field, element));
				}
				yield value;
			}
			case "date" -> {
				millis(field, value);
				yield value;
			}
			case "schedule" -> {
				if (!value.isObject() || !value.has("start_time") || !value.has("end_time")) {
					throw ApiError.invalid(
							"field_value of " + key + " (schedule) must be {\"start_time\": ms, \"end_time\": ms}");
				}
				long start = millis(field, value.get("start_time"));
				long end = millis(field, value.get("end_time"));
				if (start > end) {
					throw ApiError.invalid("field_value of " + key + " (schedule): start_time is after end_time");
				}
				yield value;
			}
			case "number" -> {
				if (!value.isNumber()) {
					throw ApiError.invalid("field_value of " + key + " (number) must be a JSON number");
				}
				yield value;
			}
			case "bool" -> {
				if (!value.isBoolean()) {
					throw ApiError.invalid("field_value of " + key + " (bool) must be true or false");
				}
				yield value;
			}
			case "work_item_related_select" -> {
				related(field, value);
				yield value;
			}
			case "work_item_related_multi_select" -> {
				for (JsonNode element : array(field, value)) {
					related(field, element);
				}
				yield value;
			}
			case "business" -> {
				String id = string(field, value);
				if (this.fixture.businessLines().stream().noneMatch((line) -> line.id().equals(id))) {
					throw new ApiError(20050, "Option Value Not Valid",
							"field_value of " + key + " (business) is no business line id: " + id);
				}
				yield value;
			}
			default -> throw ApiError.invalid("field " + key + " (" + field.type() + ") cannot be written");
		};
	}

	// CW-7: the option id, never its label; disabled options are refused like unknown
	// ones
	private static ObjectNode choice(Field field, JsonNode value, List<Option> options) {
		if (!value.isObject() || !value.has("value") || !value.get("value").isString()) {
			throw ApiError.invalid("field_value of " + field.key() + " (" + field.type()
					+ ") must be an object {\"value\": \"<option id>\"}");
		}
		Option option = option(field, value.get("value").stringValue(), options);
		ObjectNode stored = NODES.objectNode();
		stored.put("label", option.label());
		stored.put("value", option.value());
		return stored;
	}

	// CW-6: the value must reach the field's select_level
	private static ObjectNode tree(Field field, JsonNode value, List<Option> options, int level) {
		if (!value.isObject() || !value.has("value") || !value.get("value").isString() || !value.has("children")
				|| !(value.get("children").isObject() || value.get("children").isNull())) {
			throw ApiError.invalid("field_value of " + field.key() + " (" + field.type()
					+ ") must be {\"value\": \"<option id>\", \"children\": {...} or null}, at every level");
		}
		Option option = option(field, value.get("value").stringValue(), options);
		ObjectNode stored = NODES.objectNode();
		stored.put("label", option.label());
		stored.put("value", option.value());
		JsonNode children = value.get("children");
		if (children.isNull()) {
			if (level < field.selectLevel()) {
				throw new ApiError(20050, "Option Value Not Valid", "field_value of " + field.key() + " stops at level "
						+ level + " but must reach level " + field.selectLevel() + " (可选层级)");
			}
			stored.putNull("children");
		}
		else {
			if (option.children().isEmpty()) {
				throw new ApiError(20050, "Option Value Not Valid",
						"option " + option.value() + " of " + field.key() + " has no level below it");
			}
			stored.set("children", tree(field, children, option.children(), level + 1));
		}
		return stored;
	}

	private static Option option(Field field, String id, List<Option> options) {
		Optional<Option> found = options.stream().filter((option) -> option.value().equals(id)).findFirst();
		if (found.isEmpty()) {
			String hint = options.stream()
				.filter((option) -> option.label().equals(id))
				.findFirst()
				.map((option) -> "; '" + id + "' is a label, send its option id '" + option.value() + "'")
				.orElse("");
			throw new ApiError(20050, "Option Value Not Valid",
					"option " + id + " not found in field " + field.key() + hint);
		}
		if (found.get().disabled()) {
			throw new ApiError(20050, "Option Value Not Valid",
					"option " + id + " of field " + field.key() + " is disabled");
		}
		return found.get();
	}

	private static String string(Field field, JsonNode value) {
		if (!value.isString()) {
			throw ApiError.invalid("field_value of " + field.key() + " (" + field.type() + ") must be a string");
		}
		return value.stringValue();
	}

	private static JsonNode array(Field field, JsonNode value) {
		if (!value.isArray()) {
			throw ApiError.invalid("field_value of " + field.key() + " (" + field.type() + ") must be an array");
		}
		return value;
	}

	private static long millis(Field field, JsonNode value) {
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < MIN_MILLIS
				|| value.longValue() > MAX_MILLIS) {
			throw new ApiError(20013, "Time Format Error",
					"time of " + field.key() + " must be a 13-digit millisecond epoch number, was " + value);
		}
		return value.longValue();
	}

	private void user(Field field, String userKey) {
		Optional<User> user = this.fixture.user(userKey);
		// resigned and frozen users are refused like unknown ones (stricter reading)
		if (user.isEmpty() || !user.get().active()) {
			throw new ApiError(30006, "User Not Found", "user " + userKey + " of field " + field.key() + " not found");
		}
	}

	private void related(Field field, JsonNode value) {
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw ApiError.invalid("field_value of " + field.key() + " (" + field.type() + ") must be work item ids");
		}
		Optional<StoredItem> item = this.space.item(value.longValue());
		if (item.isEmpty()) {
			throw new ApiError(30005, "Work Item Not Found",
					"work item " + value.longValue() + " of field " + field.key() + " not found");
		}
		// a field bound to a relation takes items of the types the relation points at
		// (assumed: the documents do not say how the service refuses another type)
		Optional<Relation> relation = Optional.ofNullable(field.relation()).flatMap(this.fixture::relation);
		if (relation.isPresent() && !relation.get().pointsAt(item.get().typeKey())) {
			throw new ApiError(30005, "Work Item Not Found",
					"work item " + value.longValue() + " of field " + field.key() + " not found: it is a "
							+ item.get().typeKey() + ", and the field's relation " + relation.get().name()
							+ " points at " + String.join(", ", relation.get().targets()));
		}
	}

	/**
	 * Resolves role_owners (CW-2) and, on create, fills omitted roles (CW-8): roles whose
	 * members may not add themselves get their default members, the others stay empty. A
	 * required role left empty on create is refused with 20041.
	 */
	private JsonNode roleOwners(Type type, JsonNode sent, boolean create, JsonNode before) {
		Map<String, List<String>> owners = new LinkedHashMap<>();
		if (before != null) {
			before.forEach((entry) -> owners.put(entry.get("role").stringValue(),
					entry.get("owners").valueStream().map(JsonNode::stringValue).toList()));
		}
		if (sent != null) {
			if (!sent.isArray()) {
				throw ApiError.invalid("field_value of role_owners must be [{\"role\": id, \"owners\": [user_key]}]");
			}
			Set<String> seen = new HashSet<>();
			for (JsonNode entry : sent) {
				if (!entry.isObject() || !entry.has("role") || !entry.get("role").isString() || !entry.has("owners")
						|| !entry.get("owners").isArray()) {
					throw ApiError
						.invalid("field_value of role_owners must be [{\"role\": id, \"owners\": [user_key]}]");
				}
				Role role = type.role(entry.get("role").stringValue()).orElseThrow(WriteRules::roleOwnersFailed);
				if (!seen.add(role.id())) {
					throw roleOwnersFailed();
				}
				List<String> keys = new ArrayList<>();
				for (JsonNode owner : entry.get("owners")) {
					if (!owner.isString()) {
						throw roleOwnersFailed();
					}
					Optional<User> user = this.fixture.user(owner.stringValue());
					if (user.isEmpty() || !user.get().active()) {
						throw roleOwnersFailed();
					}
					keys.add(owner.stringValue());
				}
				if (!role.multi() && keys.size() > 1) {
					throw roleOwnersFailed();
				}
				owners.put(role.id(), keys);
			}
		}
		if (create) {
			for (Role role : type.roles()) {
				if (!owners.containsKey(role.id()) && !role.selfAssign()) {
					owners.put(role.id(), role.defaultMembers());
				}
				if (role.required() && owners.getOrDefault(role.id(), List.of()).isEmpty()) {
					throw new ApiError(20041, "role_owners must be set on create",
							"required role " + role.id() + " (" + role.name() + ") has no owner");
				}
			}
		}
		ArrayNode stored = NODES.arrayNode();
		owners.forEach((role, keys) -> {
			if (!keys.isEmpty()) {
				ObjectNode entry = stored.addObject();
				entry.put("role", role);
				ArrayNode list = entry.putArray("owners");
				keys.forEach(list::add);
			}
		});
		return stored;
	}

	private static ApiError roleOwnersFailed() {
		return new ApiError(50006, "Failed to process role owners", "Failed to process role owners");
	}

	private static void requireObject(JsonNode node, String what) {
		if (node == null || !node.isObject()) {
			throw ApiError.invalid(what + " must be a JSON object");
		}
	}

	private static String optionalString(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiError.invalid(name + " must be a string");
		}
		return value.stringValue();
	}

}
