package fpimport.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/** search/params, filter, query, update and delete. */
class WorkItemEndpointsTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	private final Caller caller = Caller.connected(this.emulator);

	private long create(String name, String externalId) {
		Caller.Reply reply = this.caller
			.create(Bodies.with(Bodies.story().put("name", name), "field_c3d4e5", "\"" + externalId + "\""));
		assertThat(reply.errCode()).as(reply.text()).isZero();
		return reply.data().longValue();
	}

	private static Map<String, Object> search(List<Map<String, Object>> params, int pageNum, int pageSize) {
		return Map.of("search_group", Map.of("conjunction", "AND", "search_params", params, "search_groups", List.of()),
				"page_num", pageNum, "page_size", pageSize);
	}

	private static Map<String, Object> param(String key, String operator, Object value) {
		return Map.of("param_key", key, "operator", operator, "value", value);
	}

	@Test
	void searchByNameOrByAFieldFindsExactMatches() {
		long first = create("导出报表 Export report", "EXT-1");
		create("导出报表 Export report (copy)", "EXT-2");
		Caller.Reply byName = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("name", "=", "导出报表 Export report")), 1, 50));
		assertThat(byName.data().findValuesAsString("name")).containsExactly("导出报表 Export report");
		assertThat(byName.data().get(0).path("id").asLong()).isEqualTo(first);
		assertThat(byName.body().path("pagination").path("total").asInt()).isEqualTo(1);
		Caller.Reply byField = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("field_c3d4e5", "=", "EXT-2")), 1, 50));
		assertThat(byField.data().findValuesAsString("name")).containsExactly("导出报表 Export report (copy)");
		Caller.Reply bySelect = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("priority", "=", List.of("1")), param("field_c3d4e5", "=", "EXT-1")), 1, 50));
		assertThat(bySelect.data()).hasSize(1);
	}

	@Test
	void searchByOwnerAndCreationTimeForReconciliation() throws InterruptedException {
		long before = System.currentTimeMillis();
		create("A", "EXT-A");
		Thread.sleep(20);
		long middle = System.currentTimeMillis();
		Thread.sleep(20);
		create("B", "EXT-B");
		Caller.Reply after = this.caller.post("/open_api/demo/work_item/story/search/params", search(
				List.of(param("owner", "HAS ANY OF", List.of(Caller.USER)), param("created_at", ">=", middle)), 1, 50));
		assertThat(after.data().findValuesAsString("name")).containsExactly("B");
		Caller.Reply range = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("created_at", ">=", before), param("created_at", "<=", middle)), 1, 50));
		assertThat(range.data().findValuesAsString("name")).containsExactly("A");
		Caller.Reply someoneElse = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("owner", "HAS ANY OF", List.of("7312204958161301508"))), 1, 50));
		assertThat(someoneElse.data()).isEmpty();
	}

	@Test
	void searchPagesAndRefusesUnknownKeysAndOperators() {
		for (int i = 0; i < 5; i++) {
			create("P" + i, "EXT-P" + i);
		}
		Caller.Reply page = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("owner", "HAS ANY OF", List.of(Caller.USER))), 2, 2));
		assertThat(page.data().findValuesAsString("name")).containsExactly("P2", "P3");
		assertThat(page.body().path("pagination").path("total").asInt()).isEqualTo(5);
		assertThat(this.caller
			.post("/open_api/demo/work_item/story/search/params", search(List.of(param("nope", "=", "x")), 1, 50))
			.errCode()).isEqualTo(20068);
		assertThat(this.caller
			.post("/open_api/demo/work_item/story/search/params",
					search(List.of(param("name", "HAS ANY OF", "x")), 1, 50))
			.errCode()).isEqualTo(20063);
		assertThat(this.caller
			.post("/open_api/demo/work_item/story/search/params", search(List.of(param("name", "=", "x")), 1, 51))
			.errCode()).isEqualTo(20006);
	}

	@Test
	void searchWithMoreThan2000HitsIs20055() {
		for (int i = 0; i < 2001; i++) {
			this.emulator.space().insertItem("story", "seed " + i, Map.of("field_c3d4e5", StringNode.valueOf("SEED")));
		}
		Caller.Reply reply = this.caller.post("/open_api/demo/work_item/story/search/params",
				search(List.of(param("field_c3d4e5", "=", "SEED")), 1, 50));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(20055);
	}

	@Test
	void filterIsFuzzyOnTheNameAndPaged() {
		create("支付失败 Payment fails", "F1");
		create("支付成功页 Payment page", "F2");
		create("登录 Login", "F3");
		Caller.Reply reply = this.caller.post("/open_api/demo/work_item/filter", Map.of("work_item_type_keys",
				List.of("story"), "work_item_name", "payment", "page_num", 1, "page_size", 1));
		assertThat(reply.data()).hasSize(1);
		assertThat(reply.body().path("pagination").path("total").asInt()).isEqualTo(2);
		assertThat(reply.body().path("pagination").path("page_size").asInt()).isEqualTo(1);
		assertThat(this.caller.post("/open_api/demo/work_item/filter", Map.of("work_item_type_keys", List.of("epic")))
			.errCode()).isEqualTo(30014);
	}

	@Test
	void queryAnswersWorkItemInfoForAtMost50Ids() {
		long id = create("查询 Query me", "Q1");
		Caller.Reply reply = this.caller.post("/open_api/demo/work_item/story/query",
				Map.of("work_item_ids", List.of(id, 1L)));
		JsonNode item = reply.data().get(0);
		assertThat(reply.data()).hasSize(1);
		assertThat(item.path("id").asLong()).isEqualTo(id);
		assertThat(item.path("work_item_type_key").asString()).isEqualTo("story");
		assertThat(item.path("template_id").asLong()).isEqualTo(4418592L);
		assertThat(item.path("created_by").asString()).isEqualTo(Caller.USER);
		assertThat(item.path("created_at").asLong()).isPositive();
		assertThat(item.path("fields").findValuesAsString("field_key")).contains("priority", "field_c3d4e5",
				"role_owners");
		List<Long> tooMany = new ArrayList<>();
		for (long i = 0; i < 51; i++) {
			tooMany.add(id + i);
		}
		assertThat(this.caller.post("/open_api/demo/work_item/story/query", Map.of("work_item_ids", tooMany)).errCode())
			.isEqualTo(20028);
	}

	@Test
	void updateOverwritesSentFieldsOnly() {
		long id = create("更新前 Before", "U1");
		Map<String, Object> body = new HashMap<>();
		body.put("update_fields", List.of(Map.of("field_key", "name", "field_value", "更新后 After"),
				Map.of("field_key", "priority", "field_value", Map.of("value", "0")), Map.of("field_key", "role_owners",
						"field_value", List.of(Map.of("role", "rd", "owners", List.of("7340018273645501234"))))));
		Caller.Reply reply = this.caller.send("PUT", "/open_api/demo/work_item/story/" + id, body, Map.of());
		assertThat(reply.errCode()).as(reply.text()).isZero();
		assertThat(reply.data().isObject()).isTrue();
		StoredItem item = this.emulator.space().item(id).orElseThrow();
		assertThat(item.name()).isEqualTo("更新后 After");
		assertThat(item.field("priority").orElseThrow().path("value").asString()).isEqualTo("0");
		assertThat(item.field("field_c3d4e5").orElseThrow().asString()).isEqualTo("U1");
		assertThat(item.field("role_owners").orElseThrow().findValuesAsString("role")).contains("PM", "rd");
		Caller.Reply wrong = this.caller.send("PUT", "/open_api/demo/work_item/story/" + id,
				Map.of("update_fields", List.of(Map.of("field_key", "priority", "field_value", Map.of("value", "P0")))),
				Map.of());
		assertThat(wrong.errCode()).isEqualTo(20050);
		assertThat(this.caller
			.send("PUT", "/open_api/demo/work_item/issue/" + id,
					Map.of("update_fields", List.of(Map.of("field_key", "name", "field_value", "x"))), Map.of())
			.errCode()).isEqualTo(30005);
	}

	@Test
	void deleteRemovesTheItem() {
		long id = create("删除 Delete me", "D1");
		Caller.Reply reply = this.caller.send("DELETE", "/open_api/demo/work_item/story/" + id, null, Map.of());
		assertThat(reply.errCode()).isZero();
		assertThat(this.emulator.space().item(id)).isEmpty();
		Caller.Reply again = this.caller.send("DELETE", "/open_api/demo/work_item/story/" + id, null, Map.of());
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.errCode()).isEqualTo(30005);
	}

}
