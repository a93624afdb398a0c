package fpimport.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;
import fpimport.metadata.User;
import fpimport.workitem.FieldValuePair;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Requests go out exactly as the reference describes, and answers become records. */
class OpenApiClientRequestTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	final ScriptedServer server = ScriptedServer.started();

	private final OpenApiClient client = this.server.client(new ManualTime());

	@Test
	void createSendsNativeJsonValuesAndTheHeaders() {
		this.server.reply(Reply.ok("19781"));
		Map<String, Object> leaf = new LinkedHashMap<>();
		leaf.put("value", "c2");
		leaf.put("children", null);
		List<FieldValuePair> fields = List.of(new FieldValuePair("description", "line 1\nline 2"),
				new FieldValuePair("priority", Map.of("value", "q4xi0i9dq")),
				new FieldValuePair("tags", List.of(Map.of("value", "a1"), Map.of("value", "b2"))),
				new FieldValuePair("area", Map.of("value", "p1", "children", leaf)),
				new FieldValuePair("planned_date", 1722182400000L), new FieldValuePair("estimate", 11.5),
				new FieldValuePair("urgent", true), new FieldValuePair("watchers", List.of("7351", "7312")),
				new FieldValuePair("schedule", Map.of("start_time", 1722182400000L, "end_time", 1722268800000L)),
				new FieldValuePair("related", 4812084224L),
				new FieldValuePair("role_owners", List.of(Map.of("role", "rd", "owners", List.of("7351")))));

		long id = this.client.create("doc", new WorkItemDraft("story", 123456789012L, "Hello", fields), "idem-1");

		assertThat(id).isEqualTo(19781L);
		List<Recorded> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		Recorded token = requests.get(0);
		assertThat(token.method()).isEqualTo("POST");
		assertThat(token.path()).isEqualTo("/open_api/authen/plugin_token");
		assertThat(token.header("X-PLUGIN-TOKEN")).isNull();
		assertThat(token.json()).isEqualTo(
				json("{\"plugin_id\":\"plugin-1\",\"plugin_secret\":\"" + ScriptedServer.SECRET + "\",\"type\":0}"));
		Recorded create = requests.get(1);
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.path()).isEqualTo("/open_api/doc/work_item/create");
		assertThat(create.header("X-PLUGIN-TOKEN")).isEqualTo("tok-1");
		assertThat(create.header("X-USER-KEY")).isEqualTo("user-1");
		assertThat(create.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
		assertThat(create.header("X-IDEM-UUID")).isEqualTo("idem-1");
		assertThat(create.json()).isEqualTo(json("""
				{"work_item_type_key": "story", "template_id": 123456789012, "name": "Hello",
				 "field_value_pairs": [
				  {"field_key": "description", "field_value": "line 1\\nline 2"},
				  {"field_key": "priority", "field_value": {"value": "q4xi0i9dq"}},
				  {"field_key": "tags", "field_value": [{"value": "a1"}, {"value": "b2"}]},
				  {"field_key": "area", "field_value": {"value": "p1", "children": {"value": "c2", "children": null}}},
				  {"field_key": "planned_date", "field_value": 1722182400000},
				  {"field_key": "estimate", "field_value": 11.5},
				  {"field_key": "urgent", "field_value": true},
				  {"field_key": "watchers", "field_value": ["7351", "7312"]},
				  {"field_key": "schedule", "field_value": {"start_time": 1722182400000, "end_time": 1722268800000}},
				  {"field_key": "related", "field_value": 4812084224},
				  {"field_key": "role_owners", "field_value": [{"role": "rd", "owners": ["7351"]}]}
				 ]}"""));
		JsonNode pairs = create.json().path("field_value_pairs");
		assertThat(create.json().path("template_id").isIntegralNumber()).isTrue();
		assertThat(pairs.path(4).path("field_value").isIntegralNumber()).isTrue();
		assertThat(pairs.path(5).path("field_value").isNumber()).isTrue();
		assertThat(pairs.path(6).path("field_value").isBoolean()).isTrue();
		assertThat(pairs.path(3).path("field_value").path("children").path("children").isNull()).isTrue();
	}

	@Test
	void createLeavesOutTemplateAndNameWhenUnsetAndPicksAnIdempotencyKey() {
		this.server.reply(Reply.ok("\"42\""));

		long id = this.client.create("doc",
				new WorkItemDraft("story", null, null, List.of(new FieldValuePair("name", "From a field"))), null);

		assertThat(id).isEqualTo(42L);
		Recorded create = this.server.businessRequests().get(0);
		assertThat(create.json()).isEqualTo(json("""
				{"work_item_type_key": "story",
				 "field_value_pairs": [{"field_key": "name", "field_value": "From a field"}]}"""));
		// a key of its own, so that the client's retries cannot create the item twice
		assertThat(create.header("X-IDEM-UUID"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	@Test
	void virtualTokenTypeAsksForType1() throws IOException {
		try (ScriptedServer other = new ScriptedServer()) {
			other.reply(Reply.ok("[]"));
			new OpenApiClient(other.settings().withTokenType(ApiSettings.TokenType.VIRTUAL), new ManualTime(),
					() -> 1.0)
				.types("doc");
			assertThat(other.requests().get(0).json().path("type").intValue()).isEqualTo(1);
		}
	}

	@Test
	void metaBecomesFieldDefinitionsWithOptionsAndRoleAssignments() {
		this.server.reply(Reply.ok("""
				[{"field_key": "priority", "field_alias": "prio", "field_name": "优先级", "field_type_key": "select",
				  "is_required": 1, "default_value": {"value": "p2"},
				  "options": [{"label": "P0", "value": "p0", "is_disabled": 0, "children": []},
				              {"label": "P9", "value": "p9", "is_disabled": 1}]},
				 {"field_key": "area", "field_name": "Area", "field_type_key": "tree_select", "is_required": 3,
				  "options": [{"label": "Top", "value": "t", "children": [{"label": "Leaf", "value": "l"}]}]},
				 {"field_key": "role_owners", "field_name": "角色", "field_type_key": "role_owners", "is_required": 2,
				  "role_assign": [{"role": "rd", "name": "开发", "default_appear": 1, "member_assign": 2,
				                   "members": ["u1"]}]}]"""));

		CreateMeta meta = this.client.meta("doc", "story");

		assertThat(this.server.businessRequests().get(0).path()).isEqualTo("/open_api/doc/work_item/story/meta");
		assertThat(meta.fields()).containsExactly(
				new FieldDefinition("priority", "prio", "优先级", "select", Requirement.REQUIRED, Map.of("value", "p2"),
						List.of(new FieldOption("P0", "p0", false, List.of()),
								new FieldOption("P9", "p9", true, null))),
				new FieldDefinition("area", null, "Area", "tree_select", Requirement.CONDITIONAL, null,
						List.of(new FieldOption("Top", "t", false,
								List.of(new FieldOption("Leaf", "l", false, null))))),
				new FieldDefinition("role_owners", null, "角色", "role_owners", Requirement.OPTIONAL, null, null));
		assertThat(meta.roleAssignments()).containsExactly(new RoleAssignment("rd", "开发", true, 2, List.of("u1")));
	}

	@Test
	void userQueryTakesEmailsUserKeysOrOutIdsAndAtMost100() {
		String user = "{\"user_key\":\"u1\",\"email\":\"a@corp.com\",\"name_cn\":\"张三\",\"name_en\":\"Zhang San\","
				+ "\"username\":\"zhangsan\",\"out_id\":\"o1\",\"status\":\"activated\"}";
		this.server.reply(Reply.ok("[" + user + "]")).reply(Reply.ok("[]")).reply(Reply.ok("[]"));

		assertThat(this.client.queryUsers(UserQuery.emails(List.of("a@corp.com", "nobody@corp.com"))))
			.containsExactly(new User("u1", "a@corp.com", "张三", "Zhang San", "zhangsan", "activated"));
		assertThat(this.client.queryUsers(UserQuery.userKeys(List.of("u1")))).isEmpty();
		assertThat(this.client.queryUsers(UserQuery.outIds(List.of("o1")))).isEmpty();
		assertThat(this.client.queryUsers(UserQuery.emails(List.of()))).isEmpty();

		List<Recorded> requests = this.server.businessRequests();
		assertThat(requests).extracting(Recorded::path).containsOnly("/open_api/user/query");
		assertThat(requests).extracting(Recorded::json)
			.containsExactly(json("{\"emails\":[\"a@corp.com\",\"nobody@corp.com\"]}"),
					json("{\"user_keys\":[\"u1\"]}"), json("{\"out_ids\":[\"o1\"]}"));
		List<String> tooMany = IntStream.range(0, 101).mapToObj((i) -> "u" + i + "@corp.com").toList();
		assertThatIllegalArgumentException().isThrownBy(() -> UserQuery.emails(tooMany)).withMessageContaining("100");
		assertThat(this.server.businessRequests()).hasSize(3);
	}

	@Test
	void userSearchSendsQueryAndProject() {
		this.server.reply(Reply.ok("[{\"user_key\":\"u1\",\"name_cn\":\"张三\",\"status\":\"resigned\"}]"));

		List<User> users = this.client.searchUsers("张三", "doc");

		assertThat(users).containsExactly(new User("u1", null, "张三", null, null, "resigned"));
		assertThat(users.get(0).active()).isFalse();
		assertThat(this.server.businessRequests().get(0).json())
			.isEqualTo(json("{\"query\":\"张三\",\"project_key\":\"doc\"}"));
	}

	@Test
	void searchParamsSendsTheGroupAndReadsItems() {
		this.server.reply(Reply.okPaged(
				"""
						[{"id": 4812084224, "name": "Hello", "work_item_type_key": "story", "template_id": 1234567,
						  "created_by": "user-1", "created_at": 1722182400000,
						  "fields": [{"field_key": "ext_key", "field_type_key": "text", "field_value": "K-1"},
						             {"field_key": "priority", "field_type_key": "select", "field_value": {"value": "p0"}}]}]""",
				1, 50, 1));

		WorkItemPage page = this.client.search("doc", SearchRequest.equal("story", "ext_key", "K-1"));

		Recorded request = this.server.businessRequests().get(0);
		assertThat(request.path()).isEqualTo("/open_api/doc/work_item/story/search/params");
		assertThat(request.json()).isEqualTo(json("""
				{"search_group": {"conjunction": "AND",
				  "search_params": [{"param_key": "ext_key", "operator": "=", "value": "K-1"}],
				  "search_groups": []},
				 "page_num": 1, "page_size": 50}"""));
		assertThat(page.hasMore()).isFalse();
		assertThat(page.items()).containsExactly(new WorkItemInfo(4812084224L, "Hello", "story", "1234567", "user-1",
				1722182400000L, List.of(new WorkItemInfo.FieldValue("ext_key", "text", "K-1"),
						new WorkItemInfo.FieldValue("priority", "select", Map.of("value", "p0")))));
		assertThat(page.items().get(0).value("ext_key")).contains("K-1");
	}

	@Test
	void searchAllWithoutPaginationAsksForTheNextPageOnlyAfterAFullOne() {
		this.server.reply(Reply.ok("[{\"id\":1},{\"id\":2}]")).reply(Reply.ok("[{\"id\":3}]"));
		SearchRequest twoPerPage = new SearchRequest("story",
				new SearchRequest.Group("AND", List.of(new SearchRequest.Param("name", "=", "Item")), List.of()), 1, 2);

		List<WorkItemInfo> items = this.client.searchAll("doc", twoPerPage);

		assertThat(items).extracting(WorkItemInfo::id).containsExactly(1L, 2L, 3L);
		assertThat(this.server.businessRequests()).extracting((request) -> request.json().path("page_num").intValue())
			.containsExactly(1, 2);
	}

	@Test
	void queryTakesAtMost50IdsAsNumbers() {
		this.server.reply(Reply.ok("[{\"id\":11,\"name\":\"A\"}]"));

		assertThat(this.client.query("doc", "story", List.of(11L, 12L))).extracting(WorkItemInfo::name)
			.containsExactly("A");
		Recorded request = this.server.businessRequests().get(0);
		assertThat(request.path()).isEqualTo("/open_api/doc/work_item/story/query");
		assertThat(request.json()).isEqualTo(json("{\"work_item_ids\":[11,12]}"));
		List<Long> tooMany = IntStream.range(0, 51).mapToObj((i) -> (long) i).toList();
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.query("doc", "story", tooMany))
			.withMessageContaining("50");
		assertThat(this.server.businessRequests()).hasSize(1);
	}

	@Test
	void updatePutsUpdateFieldsAndDeleteDeletes() {
		this.server.reply(Reply.ok("{}")).reply(Reply.ok("{}"));

		this.client.update("doc", "story", 4812084224L, List.of(new FieldValuePair("priority", Map.of("value", "p1")),
				new FieldValuePair("estimate", 3), new FieldValuePair("due", null)));
		this.client.delete("doc", "story", 4812084224L);

		List<Recorded> requests = this.server.businessRequests();
		assertThat(requests.get(0).method()).isEqualTo("PUT");
		assertThat(requests.get(0).path()).isEqualTo("/open_api/doc/work_item/story/4812084224");
		assertThat(requests.get(0).json()).isEqualTo(json("""
				{"update_fields": [{"field_key": "priority", "field_value": {"value": "p1"}},
				                   {"field_key": "estimate", "field_value": 3},
				                   {"field_key": "due", "field_value": null}]}"""));
		assertThat(requests.get(1).method()).isEqualTo("DELETE");
		assertThat(requests.get(1).path()).isEqualTo("/open_api/doc/work_item/story/4812084224");
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
