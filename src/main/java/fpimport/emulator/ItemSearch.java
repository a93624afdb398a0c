package fpimport.emulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.Type;
import tools.jackson.databind.JsonNode;

/**
 * The conditions of {@code search/params}: {@code name} or any field_key with {@code =},
 * {@code created_by} with {@code =}, {@code created_at} / {@code updated_at} with
 * {@code =}, {@code >=}, {@code <=}; groups joined by AND or OR.
 */
final class ItemSearch {

	/** The service refuses searches with more hits than this (20055). */
	static final int MAX_HITS = 2000;

	private static final Set<String> TIME_OPERATORS = Set.of("=", ">=", "<=");

	private ItemSearch() {
	}

	interface Condition {

		boolean test(StoredItem item);

	}

	/**
	 * Parses a {@code search_group}; unknown keys answer 30009, unknown operators 20006.
	 */
	static Condition group(Type type, JsonNode group) {
		if (group == null || !group.isObject()) {
			throw ApiError.invalid("search_group must be an object");
		}
		String conjunction = group.has("conjunction") ? group.get("conjunction").asString() : "AND";
		if (!conjunction.equals("AND") && !conjunction.equals("OR")) {
			throw ApiError.invalid("conjunction must be AND or OR");
		}
		List<Condition> conditions = new ArrayList<>();
		JsonNode params = group.get("search_params");
		if (params != null && !params.isNull()) {
			if (!params.isArray()) {
				throw ApiError.invalid("search_params must be an array");
			}
			params.forEach((param) -> conditions.add(param(type, param)));
		}
		JsonNode groups = group.get("search_groups");
		if (groups != null && !groups.isNull()) {
			if (!groups.isArray()) {
				throw ApiError.invalid("search_groups must be an array");
			}
			groups.forEach((nested) -> conditions.add(group(type, nested)));
		}
		if (conditions.isEmpty()) {
			return (item) -> true;
		}
		boolean all = conjunction.equals("AND");
		return (item) -> all ? conditions.stream().allMatch((condition) -> condition.test(item))
				: conditions.stream().anyMatch((condition) -> condition.test(item));
	}

	private static Condition param(Type type, JsonNode param) {
		if (!param.isObject() || !param.has("param_key") || !param.has("operator") || !param.has("value")) {
			throw ApiError.invalid("each search param needs param_key, operator and value");
		}
		String key = param.get("param_key").asString();
		String operator = param.get("operator").asString();
		JsonNode value = param.get("value");
		switch (key) {
			case "name" -> {
				requireOperator(key, operator, Set.of("="));
				Set<String> wanted = atoms(value);
				return (item) -> wanted.contains(item.name());
			}
			case "created_by" -> {
				requireOperator(key, operator, Set.of("="));
				Set<String> wanted = atoms(value);
				return (item) -> wanted.contains(item.createdBy());
			}
			case "created_at", "updated_at" -> {
				requireOperator(key, operator, TIME_OPERATORS);
				if (!value.isIntegralNumber()) {
					throw new ApiError(20013, "Time Format Error", key + " must be a millisecond epoch number");
				}
				long bound = value.longValue();
				boolean created = key.equals("created_at");
				return (item) -> compare(created ? item.createdAt() : item.updatedAt(), operator, bound);
			}
			default -> {
				Field field = type.field(key)
					.orElseThrow(() -> new ApiError(30009, "Field Not Found",
							"param_key " + key + " is no field of type " + type.typeKey()));
				requireOperator(key, operator, Set.of("="));
				Set<String> wanted = atoms(value);
				return (item) -> item.field(field.key())
					.map((stored) -> atoms(stored).stream().anyMatch(wanted::contains))
					.orElse(false);
			}
		}
	}

	private static boolean compare(long actual, String operator, long bound) {
		return switch (operator) {
			case ">=" -> actual >= bound;
			case "<=" -> actual <= bound;
			default -> actual == bound;
		};
	}

	private static void requireOperator(String key, String operator, Set<String> allowed) {
		if (!allowed.contains(operator)) {
			throw ApiError.invalid("operator " + operator + " is not supported for " + key + " (emulator knows "
					+ String.join(", ", allowed) + ")");
		}
	}

	// compares by the values inside: option ids, user keys, numbers in plain form
	private static Set<String> atoms(JsonNode node) {
		Set<String> atoms = new java.util.HashSet<>();
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
		else if (!node.isNull()) {
			atoms.add(node.asString());
		}
		return atoms;
	}

}
