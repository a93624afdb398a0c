package fpimport.emulator;

import java.util.List;
import java.util.Map;

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
 * The space's definition and items as the Open API's JSON. Flags follow the service's int
 * convention: 1 = yes, 2 = no ({@code is_disable}, {@code is_disabled},
 * {@code is_required} of roles, {@code is_member_multi}).
 */
final class SpaceJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private SpaceJson() {
	}

	static ArrayNode types(SpaceFixture fixture) {
		ArrayNode types = NODES.arrayNode();
		for (Type type : fixture.types()) {
			ObjectNode node = types.addObject();
			node.put("type_key", type.typeKey());
			node.put("name", type.name());
			node.put("api_name", type.apiName());
			node.put("is_disable", flag(type.disabled()));
		}
		return types;
	}

	/** {@code meta}: the create form's field configurations. */
	static ArrayNode meta(Type type) {
		ArrayNode fields = NODES.arrayNode();
		for (Field field : type.fields()) {
			ObjectNode node = fieldHead(field);
			node.put("is_required", field.required());
			node.set("default_value", (field.defaultValue() == null) ? NODES.nullNode() : field.defaultValue());
			node.set("options", options(type, field));
			if (field.type().equals("role_owners")) {
				ArrayNode roles = node.putArray("role_assign");
				for (Role role : type.roles()) {
					ObjectNode assign = roles.addObject();
					assign.put("role", role.id());
					assign.put("name", role.name());
					assign.put("default_appear", flag(role.required()));
					// 1: members are filled in automatically when omitted; 2: users add
					// themselves (CW-8)
					assign.put("member_assign", role.selfAssign() ? 2 : 1);
					ArrayNode members = assign.putArray("members");
					role.defaultMembers().forEach(members::add);
				}
			}
			fields.add(node);
		}
		return fields;
	}

	/**
	 * {@code field/all}: every field, the template field's options being the templates.
	 */
	static ArrayNode allFields(Type type) {
		ArrayNode fields = NODES.arrayNode();
		for (Field field : type.fields()) {
			ObjectNode node = fieldHead(field);
			node.put("is_custom_field", field.custom());
			node.set("options", options(type, field));
			if (field.relation() != null) {
				node.put("relation_id", field.relation());
			}
			fields.add(node);
		}
		return fields;
	}

	/**
	 * {@code work_item/relation}: the space's relations, each with the type that owns it
	 * and the types it points at ({@code WorkItemRelation} of the Go SDK).
	 */
	static ArrayNode relations(SpaceFixture fixture) {
		ArrayNode relations = NODES.arrayNode();
		for (Relation relation : fixture.relations()) {
			ObjectNode node = relations.addObject();
			node.put("id", relation.id());
			node.put("name", relation.name());
			node.put("disabled", relation.disabled());
			node.put("relation_type", relation.relationType());
			node.put("work_item_type_key", relation.workItemTypeKey());
			node.put("work_item_type_name", typeName(fixture, relation.workItemTypeKey()));
			ArrayNode details = node.putArray("relation_details");
			for (String target : relation.targets()) {
				ObjectNode detail = details.addObject();
				detail.put("project_key", fixture.projectKey());
				detail.put("project_name", fixture.name());
				detail.put("work_item_type_key", target);
				detail.put("work_item_type_name", typeName(fixture, target));
			}
		}
		return relations;
	}

	private static String typeName(SpaceFixture fixture, String typeKey) {
		return fixture.type(typeKey).map(Type::name).orElse(typeKey);
	}

	private static ObjectNode fieldHead(Field field) {
		ObjectNode node = NODES.objectNode();
		node.put("field_key", field.key());
		node.put("field_alias", field.alias());
		node.put("field_name", field.name());
		node.put("field_type_key", field.type());
		return node;
	}

	private static ArrayNode options(Type type, Field field) {
		if (field.type().equals("template")) {
			ArrayNode options = NODES.arrayNode();
			for (Template template : type.templates()) {
				ObjectNode node = options.addObject();
				node.put("label", template.name());
				node.put("value", template.id());
				node.put("is_disabled", flag(template.disabled()));
				node.putArray("children");
			}
			return options;
		}
		return options(field.options());
	}

	private static ArrayNode options(List<Option> options) {
		ArrayNode nodes = NODES.arrayNode();
		for (Option option : options) {
			ObjectNode node = nodes.addObject();
			node.put("label", option.label());
			node.put("value", option.value());
			node.put("is_disabled", flag(option.disabled()));
			node.set("children", options(option.children()));
		}
		return nodes;
	}

	static ArrayNode templates(Type type) {
		ArrayNode templates = NODES.arrayNode();
		for (Template template : type.templates()) {
			ObjectNode node = templates.addObject();
			node.put("template_id", template.id());
			node.put("template_name", template.name());
			node.put("is_disabled", flag(template.disabled()));
		}
		return templates;
	}

	static ArrayNode roles(Type type) {
		ArrayNode roles = NODES.arrayNode();
		for (Role role : type.roles()) {
			ObjectNode node = roles.addObject();
			node.put("id", role.id());
			node.put("key", role.key());
			node.put("name", role.name());
			node.put("is_required", flag(role.required()));
			node.put("is_member_multi", flag(role.multi()));
			node.put("member_assign", role.selfAssign() ? 2 : 1);
			ArrayNode members = node.putArray("members");
			role.defaultMembers().forEach(members::add);
		}
		return roles;
	}

	static ArrayNode teams(SpaceFixture fixture) {
		ArrayNode teams = NODES.arrayNode();
		fixture.teams().forEach((team) -> {
			ObjectNode node = teams.addObject();
			node.put("team_id", team.teamId());
			node.put("team_name", team.teamName());
			ArrayNode keys = node.putArray("user_keys");
			team.userKeys().forEach(keys::add);
		});
		return teams;
	}

	static ObjectNode user(User user) {
		ObjectNode node = NODES.objectNode();
		node.put("user_key", user.userKey());
		node.put("email", user.email());
		node.put("name_cn", user.nameCn());
		node.put("name_en", user.nameEn());
		node.put("username", user.username());
		node.put("out_id", user.outId());
		node.put("status", user.status());
		return node;
	}

	/** A WorkItemInfo. */
	static ObjectNode item(SpaceFixture fixture, StoredItem item) {
		ObjectNode node = NODES.objectNode();
		node.put("id", item.id());
		node.put("name", item.name());
		node.put("work_item_type_key", item.typeKey());
		node.put("project_key", fixture.projectKey());
		node.put("simple_name", fixture.simpleName());
		node.put("template_id", item.templateId());
		node.put("created_by", item.createdBy());
		node.put("updated_by", item.updatedBy());
		node.put("created_at", item.createdAt());
		node.put("updated_at", item.updatedAt());
		ArrayNode fields = node.putArray("fields");
		Type type = fixture.type(item.typeKey()).orElse(null);
		for (Map.Entry<String, JsonNode> entry : item.fields().entrySet()) {
			ObjectNode field = fields.addObject();
			field.put("field_key", entry.getKey());
			Field definition = (type != null) ? type.field(entry.getKey()).orElse(null) : null;
			field.put("field_type_key", (definition != null) ? definition.type() : "unknown");
			field.put("field_alias", (definition != null) ? definition.alias() : entry.getKey());
			field.set("field_value", entry.getValue());
		}
		return node;
	}

	private static int flag(boolean value) {
		return value ? 1 : 2;
	}

}
