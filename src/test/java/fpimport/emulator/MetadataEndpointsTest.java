package fpimport.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Types, meta, field/all, templates, roles, teams and users, as
 * docs/design.md#open-api-endpoints shapes them.
 */
class MetadataEndpointsTest {

	@RegisterExtension
	static final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	private static final Caller caller = Caller.connected(emulator);

	private static JsonNode data(Caller.Reply reply) {
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.errCode()).isZero();
		assertThat(reply.body().path("err").isObject()).isTrue();
		return reply.data();
	}

	private static JsonNode byKey(JsonNode list, String name, String value) {
		for (JsonNode node : list) {
			if (node.path(name).asString().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("no " + name + " = " + value + " in " + list);
	}

	@Test
	void allTypes() {
		JsonNode types = data(caller.get("/open_api/demo/work_item/all-types"));
		assertThat(types.findValuesAsString("type_key")).containsExactly("story", "issue");
		assertThat(byKey(types, "type_key", "issue").path("name").asString()).isEqualTo("缺陷");
		assertThat(byKey(types, "type_key", "story").path("is_disable").asInt()).isEqualTo(2);
	}

	@Test
	void metaHasRequiredFlagsOptionsWithChildrenAndRoleAssignment() {
		JsonNode meta = data(caller.get("/open_api/demo/work_item/story/meta"));
		JsonNode priority = byKey(meta, "field_key", "priority");
		assertThat(priority.path("field_type_key").asString()).isEqualTo("select");
		assertThat(priority.path("is_required").asInt()).isEqualTo(1);
		assertThat(byKey(priority.path("options"), "value", "99").path("is_disabled").asInt()).isEqualTo(1);
		assertThat(byKey(meta, "field_key", "description").path("is_required").asInt()).isEqualTo(2);
		assertThat(byKey(meta, "field_key", "field_77ab12").path("is_required").asInt()).isEqualTo(3);
		JsonNode module = byKey(meta, "field_key", "field_7e8f9a");
		assertThat(byKey(module.path("options"), "value", "mod_trade").path("children").get(0).path("value").asString())
			.isEqualTo("mod_trade_order");
		JsonNode roles = byKey(meta, "field_key", "role_owners").path("role_assign");
		assertThat(byKey(roles, "role", "PM").path("member_assign").asInt()).isEqualTo(1);
		assertThat(byKey(roles, "role", "rd").path("member_assign").asInt()).isEqualTo(2);
		assertThat(byKey(roles, "role", "PM").path("members").get(0).asString()).isEqualTo(Caller.USER);
		JsonNode template = byKey(meta, "field_key", "template");
		assertThat(template.path("options").findValuesAsString("value")).containsExactly("4418592", "4418601");
		assertThat(caller.get("/open_api/demo/work_item/epic/meta").errCode()).isEqualTo(30014);
	}

	@Test
	void fieldAllListsEveryFieldWithTemplatesAsTheTemplateOptions() {
		JsonNode fields = data(caller.post("/open_api/demo/field/all", Map.of("work_item_type_key", "issue")));
		assertThat(byKey(fields, "field_key", "field_b4c5d6").path("field_type_key").asString()).isEqualTo("date");
		assertThat(byKey(fields, "field_key", "field_b4c5d6").path("is_custom_field").asBoolean()).isTrue();
		JsonNode template = byKey(fields, "field_key", "template");
		assertThat(byKey(template.path("options"), "value", "5120041").path("is_disabled").asInt()).isEqualTo(1);
		assertThat(caller.post("/open_api/demo/field/all", Map.of("work_item_type_key", "epic")).errCode())
			.isEqualTo(30014);
	}

	@Test
	void everyWritableFieldTypeIsInTheDemoSpace() {
		List<String> types = new ArrayList<>();
		for (String type : List.of("story", "issue")) {
			data(caller.post("/open_api/demo/field/all", Map.of("work_item_type_key", type)))
				.forEach((field) -> types.add(field.path("field_type_key").asString()));
		}
		assertThat(types).containsAll(SpaceFixture.WRITABLE_TYPES);
	}

	@Test
	void templatesHaveStringIds() {
		JsonNode templates = data(caller.get("/open_api/demo/template_list/story"));
		assertThat(templates.get(0).path("template_id").isString()).isTrue();
		assertThat(templates.get(0).path("template_id").asString()).isEqualTo("4418592");
		assertThat(templates.get(1).path("is_disabled").asInt()).isEqualTo(1);
	}

	@Test
	void flowRoles() {
		JsonNode roles = data(caller.get("/open_api/demo/flow_roles/story"));
		assertThat(roles.findValuesAsString("id")).containsExactly("PM", "rd", "role_8d2k1m");
		JsonNode qa = byKey(roles, "id", "role_8d2k1m");
		assertThat(qa.path("key").asString()).isEqualTo("qa");
		assertThat(qa.path("is_member_multi").asInt()).isEqualTo(1);
		assertThat(byKey(roles, "id", "PM").path("is_required").asInt()).isEqualTo(1);
	}

	@Test
	void teams() {
		JsonNode teams = data(caller.get("/open_api/demo/teams/all"));
		assertThat(teams).hasSize(3);
		assertThat(teams.get(0).path("user_keys").size()).isEqualTo(4);
	}

	@Test
	void userQueryByEmailsKeysAndOutIdsLeavesUnknownUsersOut() {
		JsonNode byEmail = data(caller.post("/open_api/user/query",
				Map.of("emails", List.of("Li.Na@example.com", "nobody@example.com", "guo.tao@example.com"))));
		assertThat(byEmail.findValuesAsString("user_key")).containsExactly("7298834410227613697",
				"7264019283746501928");
		assertThat(byEmail.get(1).path("status").asString()).isEqualTo("resigned");
		JsonNode byKey = data(caller.post("/open_api/user/query", Map.of("user_keys", List.of(Caller.USER))));
		assertThat(byKey.get(0).path("name_cn").asString()).isEqualTo("张伟");
		assertThat(byKey.get(0).path("name_en").asString()).isEqualTo("Wei Zhang");
		JsonNode byOutId = data(caller.post("/open_api/user/query", Map.of("out_ids", List.of("ou_1a2b3c4d5e6f0019"))));
		assertThat(byOutId.get(0).path("email").asString()).isEqualTo("fang.wang.sz@example.com");
	}

	@Test
	void userQueryOfMoreThan100ValuesIs20004() {
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			emails.add("user" + i + "@example.com");
		}
		Caller.Reply reply = caller.post("/open_api/user/query", Map.of("emails", emails));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(20004);
		assertThat(data(caller.post("/open_api/user/query", Map.of("emails", emails.subList(0, 100))))).isEmpty();
	}

	@Test
	void userSearchIsFuzzyOnNames() {
		JsonNode wang = data(caller.post("/open_api/user/search", Map.of("query", "王芳", "project_key", "demo")));
		assertThat(wang.findValuesAsString("user_key")).containsExactly("7312204958161301508", "7355501928374650192");
		JsonNode english = data(caller.post("/open_api/user/search", Map.of("query", "fang wang")));
		assertThat(english).hasSize(2);
		assertThat(data(caller.post("/open_api/user/search", Map.of("query", "nobody")))).isEmpty();
	}

}
