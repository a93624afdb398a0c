package fpimport.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Relation;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.Template;
import fpimport.metadata.User;
import fpimport.metadata.WorkItemType;
import fpimport.metadata.Workflow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the {@code data} of answers into records. Lenient where the service is known to
 * vary (ids as numbers or strings, flags as 0/1 or booleans), strict where a missing
 * value would mislead (an item without an id).
 */
final class Payloads {

	private final ObjectMapper json;

	Payloads(ObjectMapper json) {
		this.json = json;
	}

	PluginToken pluginToken(JsonNode data) {
		String token = ServiceAnswer.text(data.path("token"));
		if (token == null || token.isEmpty()) {
			throw new IllegalStateException("no token in the answer");
		}
		return new PluginToken(token, number(data.path("expire_time"), 0L));
	}

	List<WorkItemType> types(JsonNode data) {
		return list(data,
				(node) -> new WorkItemType(required(node, "type_key"),
						textOr(node.path("name"), required(node, "type_key")),
						ServiceAnswer.text(node.path("api_name")), flag(node.path("is_disable"))));
	}

	CreateMeta meta(JsonNode data) {
		List<RoleAssignment> assignments = new ArrayList<>();
		List<FieldDefinition> fields = list(data, (node) -> {
			for (JsonNode assign : node.path("role_assign")) {
				assignments.add(new RoleAssignment(required(assign, "role"), ServiceAnswer.text(assign.path("name")),
						flag(assign.path("default_appear")), ServiceAnswer.integer(assign.path("member_assign"), 0),
						strings(assign.path("members"))));
			}
			String key = required(node, "field_key");
			return new FieldDefinition(key, ServiceAnswer.text(node.path("field_alias")),
					textOr(node.path("field_name"), key), textOr(node.path("field_type_key"), ""),
					Requirement.ofCode(ServiceAnswer.integer(node.path("is_required"), 2)),
					plain(node.path("default_value")), options(node.path("options")));
		});
		return new CreateMeta(fields, assignments);
	}

	/**
	 * {@code field/all}: the relation each relation field is bound to, by field key;
	 * fields with no or an empty {@code relation_id} are absent.
	 */
	Map<String, String> relationIds(JsonNode data) {
		Map<String, String> ids = new LinkedHashMap<>();
		for (JsonNode node : list(data, (node) -> node)) {
			String relationId = ServiceAnswer.text(node.path("relation_id"));
			if (relationId != null && !relationId.isBlank()) {
				ids.put(required(node, "field_key"), relationId);
			}
		}
		return Collections.unmodifiableMap(ids);
	}

	/** {@code work_item/relation}: the space's relations with the types they point at. */
	List<Relation> relations(JsonNode data) {
		return list(data,
				(node) -> new Relation(required(node, "id"), textOr(node.path("name"), required(node, "id")),
						flag(node.path("disabled")), required(node, "work_item_type_key"),
						list(node.path("relation_details"),
								(detail) -> new Relation.Target(ServiceAnswer.text(detail.path("project_key")),
										required(detail, "work_item_type_key")))));
	}

	List<Template> templates(JsonNode data) {
		return list(data, (node) -> new Template(required(node, "template_id"),
				textOr(node.path("template_name"), required(node, "template_id")), flag(node.path("is_disabled"))));
	}

	Workflow workflow(JsonNode data, String templateId) {
		boolean nodeFlow = data.path("workflow_confs").isArray() && !data.path("workflow_confs").isEmpty();
		JsonNode confs = nodeFlow ? data.path("workflow_confs") : data.path("state_flow_confs");
		List<Workflow.State> states = new ArrayList<>(list(confs,
				(node) -> new Workflow.State(required(node, "state_key"), ServiceAnswer.text(node.path("name")))));
		List<Workflow.Connection> connections = list(data.path("connections"), (node) -> {
			List<String> required = new ArrayList<>();
			for (JsonNode field : node.path("fields")) {
				if (ServiceAnswer.integer(field.path("is_required"), 2) == 1) {
					required.add(required(field, "field_key"));
				}
			}
			return new Workflow.Connection(required(node, "source_state_key"), required(node, "target_state_key"),
					number(node.path("transition_id"), 0L), required);
		});
		// the start: state_type 1 (state flow), else the state nothing leads to
		int start = -1;
		for (int i = 0; i < states.size(); i++) {
			JsonNode conf = confs.get(i);
			String key = states.get(i).key();
			boolean first = nodeFlow ? connections.stream().noneMatch((c) -> c.to().equals(key))
					: ServiceAnswer.integer(conf.path("state_type"), 0) == 1;
			if (first && start < 0) {
				start = i;
			}
		}
		if (start > 0) {
			states.add(0, states.remove(start));
		}
		return new Workflow(templateId, nodeFlow, states, connections);
	}

	WorkflowPosition position(JsonNode data) {
		JsonNode nodes = data.path("workflow_nodes").isArray() && !data.path("workflow_nodes").isEmpty()
				? data.path("workflow_nodes") : data.path("state_flow_nodes");
		List<String> current = new ArrayList<>();
		List<String> done = new ArrayList<>();
		for (JsonNode node : nodes) {
			String key = textOr(node.path("state_key"), required(node, "id"));
			int status = ServiceAnswer.integer(node.path("status"), 1);
			if (status == 2) {
				current.add(key);
			}
			else if (status == 3) {
				done.add(key);
			}
		}
		return new WorkflowPosition(current, done);
	}

	List<Comment> comments(JsonNode data) {
		return list(data, (node) -> new Comment(number(node.path("id"), 0L), textOr(node.path("content"), ""),
				ServiceAnswer.text(node.path("operator")), number(node.path("created_at"), 0L)));
	}

	List<Role> roles(JsonNode data) {
		return list(data, (node) -> {
			String id = textOr(node.path("id"), ServiceAnswer.text(node.path("key")));
			if (id == null) {
				throw new IllegalStateException("a role without id or key");
			}
			return new Role(id, ServiceAnswer.text(node.path("key")), textOr(node.path("name"), id),
					flag(node.path("is_required")), flag(node.path("is_member_multi")));
		});
	}

	List<String> memberKeys(JsonNode data) {
		Set<String> keys = new LinkedHashSet<>();
		for (List<String> team : list(data, (node) -> {
			List<String> members = new ArrayList<>();
			node.path("user_keys").forEach((key) -> members.add(ServiceAnswer.text(key)));
			return members;
		})) {
			team.stream().filter((key) -> key != null && !key.isBlank()).forEach(keys::add);
		}
		return List.copyOf(keys);
	}

	List<User> users(JsonNode data) {
		return list(data,
				(node) -> new User(required(node, "user_key"), ServiceAnswer.text(node.path("email")),
						ServiceAnswer.text(node.path("name_cn")), ServiceAnswer.text(node.path("name_en")),
						ServiceAnswer.text(node.path("username")), ServiceAnswer.text(node.path("status"))));
	}

	long id(JsonNode data) {
		if (data.isIntegralNumber()) {
			return data.longValue();
		}
		if (data.isString()) {
			return Long.parseLong(data.asString().strip());
		}
		throw new IllegalStateException("no work item id in the answer");
	}

	List<WorkItemInfo> items(JsonNode data) {
		return list(data, (node) -> {
			JsonNode id = node.path("id");
			if (id.isMissingNode() || id.isNull()) {
				throw new IllegalStateException("a work item without id");
			}
			List<WorkItemInfo.FieldValue> fields = list(node.path("fields"),
					(field) -> new WorkItemInfo.FieldValue(required(field, "field_key"),
							ServiceAnswer.text(field.path("field_type_key")), plain(field.path("field_value"))));
			JsonNode createdAt = node.path("created_at");
			JsonNode updatedAt = node.path("updated_at");
			return new WorkItemInfo(id(id), ServiceAnswer.text(node.path("name")),
					ServiceAnswer.text(node.path("work_item_type_key")), ServiceAnswer.text(node.path("template_id")),
					ServiceAnswer.text(node.path("created_by")),
					(createdAt.isMissingNode() || createdAt.isNull()) ? null : number(createdAt, 0L), fields,
					(updatedAt.isMissingNode() || updatedAt.isNull()) ? null : number(updatedAt, 0L));
		});
	}

	WorkItemPage page(ServiceAnswer answer, int pageNum, int pageSize) {
		List<WorkItemInfo> items = items(answer.data());
		JsonNode pagination = answer.pagination();
		if (pagination.isMissingNode() || pagination.isNull()) {
			return new WorkItemPage(items, pageNum, pageSize, WorkItemPage.UNKNOWN_TOTAL);
		}
		return new WorkItemPage(items, ServiceAnswer.integer(pagination.path("page_num"), pageNum),
				ServiceAnswer.integer(pagination.path("page_size"), pageSize), number(pagination.path("total"), 0L));
	}

	private List<FieldOption> options(JsonNode options) {
		return list(options, (node) -> {
			String value = ServiceAnswer.text(node.path("value"));
			if (value == null) {
				throw new IllegalStateException("an option without value");
			}
			return new FieldOption(textOr(node.path("label"), value), value, flag(node.path("is_disabled")),
					options(node.path("children")));
		});
	}

	/**
	 * A JSON value as plain Java: String, Number, Boolean, List, Map, or {@code null}.
	 */
	Object plain(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		return this.json.treeToValue(node, Object.class);
	}

	private static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
		if (array == null || array.isMissingNode() || array.isNull()) {
			return List.of();
		}
		if (!array.isArray()) {
			throw new IllegalStateException("expected a list, got " + array.getNodeType());
		}
		List<T> result = new ArrayList<>();
		for (JsonNode node : array) {
			result.add(each.apply(node));
		}
		return result;
	}

	private static List<String> strings(JsonNode array) {
		return list(array, ServiceAnswer::text);
	}

	private static String required(JsonNode node, String name) {
		String value = ServiceAnswer.text(node.path(name));
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException("no " + name + " in " + abbreviated(node));
		}
		return value;
	}

	private static String textOr(JsonNode node, String fallback) {
		String value = ServiceAnswer.text(node);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

	/** A flag given as a boolean, as 1 (true) versus 0 or 2, or as text. */
	private static boolean flag(JsonNode node) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			return node.intValue() == 1;
		}
		String text = ServiceAnswer.text(node);
		return text != null && (text.equals("1") || text.equalsIgnoreCase("true"));
	}

	private static long number(JsonNode node, long fallback) {
		if (node.isIntegralNumber()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return (long) node.doubleValue();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.asString().strip());
			}
			catch (NumberFormatException ex) {
				return fallback;
			}
		}
		return fallback;
	}

	private static String abbreviated(JsonNode node) {
		String text = node.toString();
		return (text.length() > 80) ? text.substring(0, 80) + "..." : text;
	}

}
