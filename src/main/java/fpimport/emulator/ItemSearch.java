package fpimport.emulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.Type;
import tools.jackson.databind.JsonNode;

/**
 * The conditions of {@code search/params}, as strict as the search parameter document is:
 * a param key it does not list answers 20068, an operator the param's type does not allow
 * 20063, a value of the wrong shape 20069. The rules, and which of them are documented or
 * assumed, are listed in {@code docs/emulator.md}.
 */
final class ItemSearch {

	/** The service refuses searches with more hits than this (20055). */
	static final int MAX_HITS = 2000;

	private static final Set<String> TEXT_OPERATORS = Set.of("~", "!~", "=", "!=", "IS NULL", "IS NOT NULL");

	private static final Set<String> TIME_OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=");

	private static final Set<String> NUMBER_OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=", "IS NULL",
			"IS NOT NULL");

	private static final Set<String> OPTION_OPERATORS = Set.of("=", "!=", "HAS ANY OF", "HAS NONE OF", "IS NULL",
			"IS NOT NULL");

	private static final Set<String> PEOPLE_OPERATORS = Set.of("=", "!=", "HAS ANY OF", "HAS NONE OF", "IS NULL",
			"IS NOT NULL", "CONTAINS", "NOT CONTAINS");

	private static final Set<String> ID_OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=", "HAS ANY OF",
			"HAS NONE OF");

	private static final Set<String> NULL_OPERATORS = Set.of("IS NULL", "IS NOT NULL");

	/** The shape a value must have. */
	enum Shape {

		STRING("a string"), INT64("an int64 number"), FLOAT("a number"), BOOL("true or false"),
		STRING_LIST("a list of strings"), INT64_LIST("a list of int64 numbers");

		private final String description;

		Shape(String description) {
			this.description = description;
		}

		boolean fits(JsonNode value) {
			return switch (this) {
				case STRING -> value.isString();
				case INT64 -> value.isIntegralNumber() && value.canConvertToLong();
				case FLOAT -> value.isNumber();
				case BOOL -> value.isBoolean();
				case STRING_LIST -> value.isArray() && allMatch(value, JsonNode::isString);
				case INT64_LIST -> value.isArray() && allMatch(value, JsonNode::isIntegralNumber);
			};
		}

		private static boolean allMatch(JsonNode array, java.util.function.Predicate<JsonNode> test) {
			for (JsonNode element : array) {
				if (!test.test(element)) {
					return false;
				}
			}
			return true;
		}

	}

	/** What a param takes: operators, the value's shape, and how it compares. */
	private record Rule(Set<String> operators, Shape shape, Compare compare) {
	}

	/** How stored values meet the wanted value. */
	private enum Compare {

		TEXT, SET, NUMBER, BOOL

	}

	private static final Rule TEXT = new Rule(TEXT_OPERATORS, Shape.STRING, Compare.TEXT);

	private static final Rule TIME = new Rule(TIME_OPERATORS, Shape.INT64, Compare.NUMBER);

	private static final Rule PEOPLE = new Rule(PEOPLE_OPERATORS, Shape.STRING_LIST, Compare.SET);

	/** The rules of custom (and other) fields by their metadata type key. */
	private static final Map<String, Rule> FIELD_RULES = Map.ofEntries(Map.entry("text", TEXT), Map.entry("link", TEXT),
			Map.entry("email", TEXT), Map.entry("telephone", TEXT),
			Map.entry("multi_text", new Rule(Set.of("~", "!~", "IS NULL", "IS NOT NULL"), Shape.STRING, Compare.TEXT)),
			Map.entry("number", new Rule(NUMBER_OPERATORS, Shape.FLOAT, Compare.NUMBER)),
			Map.entry("date", new Rule(NUMBER_OPERATORS, Shape.INT64, Compare.NUMBER)),
			Map.entry("select", new Rule(OPTION_OPERATORS, Shape.STRING_LIST, Compare.SET)),
			Map.entry("radio", new Rule(OPTION_OPERATORS, Shape.STRING_LIST, Compare.SET)),
			Map.entry("multi_select", new Rule(PEOPLE_OPERATORS, Shape.STRING_LIST, Compare.SET)),
			Map.entry("tree_select", new Rule(PEOPLE_OPERATORS, Shape.STRING_LIST, Compare.SET)),
			Map.entry("tree_multi_select", new Rule(PEOPLE_OPERATORS, Shape.STRING_LIST, Compare.SET)),
			Map.entry("user", PEOPLE), Map.entry("multi_user", PEOPLE),
			Map.entry("bool", new Rule(Set.of("=", "!="), Shape.BOOL, Compare.BOOL)),
			Map.entry("work_item_related_select", new Rule(OPTION_OPERATORS, Shape.INT64_LIST, Compare.SET)),
			Map.entry("work_item_related_multi_select", new Rule(OPTION_OPERATORS, Shape.INT64_LIST, Compare.SET)));

	/**
	 * Fixed param keys the document lists that the emulator does not model (workflow
	 * nodes, states, business lines): refused, with a message that says so.
	 */
	private static final Set<String> NOT_MODELLED = Set.of("people", "current_nodes", "all_states",
			"feature_state_time", "node_owners", "work_item_status", "business", "role_owners");

	private ItemSearch() {
	}

	interface Condition {

		boolean test(StoredItem item);

	}

	/**
	 * Parses a {@code search_group}, refusing what the service refuses; {@code refused}
	 * names param keys this space refuses on top (20068), as a space may for some types.
	 */
	static Condition group(Type type, JsonNode group, Set<String> refused) {
		if (group == null || !group.isObject()) {
			throw ApiError.invalid("search_group must be an object");
		}
		String conjunction = group.has("conjunction") ? group.get("conjunction").asString() : "AND";
		if (!conjunction.equals("AND") && !conjunction.equals("OR")) {
			throw new ApiError(20072, "conjunction must be AND or OR");
		}
		List<Condition> conditions = new ArrayList<>();
		JsonNode params = group.get("search_params");
		if (params != null && !params.isNull()) {
			if (!params.isArray()) {
				throw ApiError.invalid("search_params must be an array");
			}
			params.forEach((param) -> conditions.add(param(type, param, refused)));
		}
		JsonNode groups = group.get("search_groups");
		if (groups != null && !groups.isNull()) {
			if (!groups.isArray()) {
				throw ApiError.invalid("search_groups must be an array");
			}
			groups.forEach((nested) -> conditions.add(group(type, nested, refused)));
		}
		if (conditions.isEmpty()) {
			return (item) -> true;
		}
		boolean all = conjunction.equals("AND");
		return (item) -> all ? conditions.stream().allMatch((condition) -> condition.test(item))
				: conditions.stream().anyMatch((condition) -> condition.test(item));
	}

	private static Condition param(Type type, JsonNode param, Set<String> refused) {
		if (!param.isObject() || !param.has("param_key") || !param.has("operator")) {
			throw ApiError.invalid("each search param needs param_key, operator and value");
		}
		String key = param.get("param_key").asString();
		String operator = param.get("operator").asString().strip().toUpperCase(Locale.ROOT);
		JsonNode value = param.path("value");
		if (refused.contains(key)) {
			throw notSupported(key, "this space refuses it");
		}
		Rule rule;
		Function<StoredItem, Optional<JsonNode>> stored;
		switch (key) {
			case "name" -> {
				rule = TEXT;
				stored = (item) -> Optional.of(OpenApiEmulator.JSON.getNodeFactory().stringNode(item.name()));
			}
			case "created_at", "updated_at" -> {
				rule = TIME;
				boolean created = key.equals("created_at");
				stored = (item) -> Optional.of(OpenApiEmulator.JSON.getNodeFactory()
					.numberNode(created ? item.createdAt() : item.updatedAt()));
			}
			case "owner" -> {
				// the creator (创建者) field, a user field
				rule = PEOPLE;
				stored = (item) -> Optional.of(OpenApiEmulator.JSON.getNodeFactory().stringNode(item.createdBy()));
			}
			case "work_item_id" -> {
				rule = new Rule(ID_OPERATORS, Shape.INT64_LIST, Compare.SET);
				stored = (item) -> Optional.of(OpenApiEmulator.JSON.getNodeFactory().numberNode(item.id()));
			}
			case "template_id" -> {
				rule = new Rule(OPTION_OPERATORS, Shape.INT64_LIST, Compare.SET);
				stored = (item) -> Optional.of(OpenApiEmulator.JSON.getNodeFactory().numberNode(item.templateId()));
			}
			default -> {
				if (NOT_MODELLED.contains(key)) {
					throw notSupported(key, "documented, but the emulator does not model it");
				}
				Field field = type.field(key)
					.filter((candidate) -> FIELD_RULES.containsKey(candidate.type()))
					.orElseThrow(() -> notSupported(key, "no searchable field of type " + type.typeKey()));
				rule = FIELD_RULES.get(field.type());
				stored = (item) -> item.field(field.key());
			}
		}
		if (!rule.operators().contains(operator)) {
			throw new ApiError(20063, "operator not supported: " + operator + " for param " + key,
					"param " + key + " takes " + String.join(", ", rule.operators().stream().sorted().toList()));
		}
		if (NULL_OPERATORS.contains(operator)) {
			boolean wantNull = operator.equals("IS NULL");
			return (item) -> atoms(stored.apply(item).orElse(null)).isEmpty() == wantNull;
		}
		if (!rule.shape().fits(value)) {
			throw new ApiError(20069, "invalid param value: " + key + " takes " + rule.shape().description,
					"param " + key + " with " + operator + " takes " + rule.shape().description + ", not " + value);
		}
		return condition(rule, operator, value, stored);
	}

	private static Condition condition(Rule rule, String operator, JsonNode value,
			Function<StoredItem, Optional<JsonNode>> stored) {
		return switch (rule.compare()) {
			case TEXT -> {
				String wanted = value.asString();
				yield (item) -> {
					String actual = stored.apply(item)
						.filter((node) -> !node.isNull())
						.map(JsonNode::asString)
						.orElse("");
					return switch (operator) {
						case "=" -> actual.equals(wanted);
						case "!=" -> !actual.equals(wanted);
						case "~" -> actual.contains(wanted);
						default -> !actual.contains(wanted);
					};
				};
			}
			case SET -> {
				Set<String> wanted = atoms(value);
				boolean none = operator.equals("!=") || operator.equals("HAS NONE OF")
						|| operator.equals("NOT CONTAINS");
				if (Set.of("<", ">", "<=", ">=").contains(operator)) {
					BigDecimal bound = value.get(0).decimalValue();
					yield (item) -> stored.apply(item)
						.filter(JsonNode::isNumber)
						.map((node) -> compare(node.decimalValue().compareTo(bound), operator))
						.orElse(false);
				}
				yield (item) -> {
					Set<String> actual = atoms(stored.apply(item).orElse(null));
					boolean any = actual.stream().anyMatch(wanted::contains);
					return none != any;
				};
			}
			case NUMBER -> {
				BigDecimal bound = value.decimalValue();
				yield (item) -> stored.apply(item)
					.filter(JsonNode::isNumber)
					.map((node) -> compare(node.decimalValue().compareTo(bound), operator))
					.orElse(false);
			}
			case BOOL -> {
				boolean wanted = value.booleanValue();
				yield (item) -> stored.apply(item)
					.map((node) -> node.asBoolean(false) == wanted == operator.equals("="))
					.orElse(false);
			}
		};
	}

	private static boolean compare(int order, String operator) {
		return switch (operator) {
			case "=" -> order == 0;
			case "!=" -> order != 0;
			case "<" -> order < 0;
			case ">" -> order > 0;
			case "<=" -> order <= 0;
			default -> order >= 0;
		};
	}

	private static ApiError notSupported(String key, String why) {
		return new ApiError(20068, "param not supported: " + key, "search param " + key + ": " + why);
	}

	// compares by the values inside: option ids, user keys, numbers in plain form
	private static Set<String> atoms(JsonNode node) {
		Set<String> atoms = new HashSet<>();
		if (node == null || node.isNull() || node.isMissingNode()) {
			return atoms;
		}
		if (node.isArray()) {
			node.forEach((element) -> atoms.addAll(atoms(element)));
		}
		else if (node.isNumber()) {
			BigDecimal number = node.decimalValue();
			atoms.add(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
		}
		else if (node.isObject() && node.has("value")) {
			atoms.addAll(atoms(node.get("value")));
		}
		else if (node.isObject()) {
			node.forEach((element) -> atoms.addAll(atoms(element)));
		}
		else if (!(node.isString() && node.asString().isEmpty())) {
			atoms.add(node.asString());
		}
		return atoms;
	}

}
