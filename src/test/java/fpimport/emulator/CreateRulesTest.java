package fpimport.emulator;

import java.util.List;
import java.util.stream.Stream;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static fpimport.emulator.Bodies.adding;
import static fpimport.emulator.Bodies.issue;
import static fpimport.emulator.Bodies.story;
import static fpimport.emulator.Bodies.with;
import static fpimport.emulator.Bodies.without;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The create rules CW-1..CW-10, value shapes, options, users and required fields, over
 * HTTP.
 */
class CreateRulesTest {

	@RegisterExtension
	static final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	private static final Caller caller = Caller.connected(emulator);

	private static void assertRefused(ObjectNode body, int status, int code, String message) {
		int before = emulator.space().itemCount();
		Caller.Reply reply = caller.create(body);
		assertThat(reply.status()).as(reply.text()).isEqualTo(status);
		assertThat(reply.errCode()).as(reply.text()).isEqualTo(code);
		assertThat(reply.body().path("err").path("code").asInt()).isEqualTo(code);
		assertThat(reply.body().path("err").path("log_id").asString()).isNotBlank();
		assertThat(reply.data().isNull()).isTrue();
		if (message != null) {
			assertThat(reply.errMsg()).isEqualTo(message);
		}
		assertThat(emulator.space().itemCount()).as("nothing stored").isEqualTo(before);
	}

	private static StoredItem created(ObjectNode body) {
		Caller.Reply reply = caller.create(body);
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.errCode()).isZero();
		assertThat(reply.data().isIntegralNumber()).isTrue();
		assertThat(reply.response().headers().firstValue("X-Tt-Logid")).isPresent();
		return emulator.space().item(reply.data().longValue()).orElseThrow();
	}

	@Test
	void aValidStoryIsStoredWithTheFirstTemplateTheCreatorAndDefaultRoles() {
		StoredItem item = created(story());
		assertThat(item.name()).isEqualTo("登录页支持扫码 Login by QR code");
		assertThat(item.typeKey()).isEqualTo("story");
		assertThat(item.templateId()).isEqualTo(4418592L);
		assertThat(item.createdBy()).isEqualTo(Caller.USER);
		assertThat(item.field("priority").orElseThrow().path("label").asString()).isEqualTo("P1");
		// CW-8: PM and QA (self-assign off) are filled, rd (self-assign on) stays empty
		JsonNode roles = item.field("role_owners").orElseThrow();
		assertThat(roles.findValuesAsString("role")).containsExactly("PM", "role_8d2k1m");
		assertThat(roles.get(1).get("owners").size()).isEqualTo(2);
	}

	@Test
	void everyWritableFieldTypeIsAcceptedInItsShape() {
		long related = emulator.space().insertItem("story", "被关联的需求 Related", java.util.Map.of());
		long bug = emulator.space().insertItem("issue", "被关联的缺陷 Related bug", java.util.Map.of());
		ObjectNode body = story();
		with(body, "description", "\"第一行\\nsecond line\"");
		with(body, "field_a1b2c3", "[{\"value\": \"q4xi0i9dq\"}, {\"value\": \"7r2kd81mx\"}]");
		with(body, "field_0d4e6b",
				"[{\"value\": \"c\", \"children\": {\"value\": \"c_ios\", \"children\": null}}, {\"value\": \"w\", \"children\": null}]");
		with(body, "field_3b5c7d", "\"7312204958161301508\"");
		with(body, "watchers", "[\"7298834410227613697\", \"7340018273645501234\"]");
		with(body, "field_9f1e2d", "1722182400000");
		with(body, "schedule", "{\"start_time\": 1722182400000, \"end_time\": 1722787200000}");
		with(body, "field_44aa1b", "11.5");
		with(body, "field_2c3d4e", "true");
		with(body, "field_6b7c8d", "\"https://docs.example.com/prd/42\"");
		with(body, "field_1a2b3c", "\"wang.fang@example.com\"");
		with(body, "field_8e9f0a", "\"+86 138-0013-8000\"");
		with(body, "field_5d6e7f", Long.toString(related));
		with(body, "field_0a9b8c", "[" + bug + "]");
		with(body, "business", "\"662f0e13b1a20d5dd5fb3320\"");
		with(body, "field_c3d4e5", "\"JIRA-1001\"");
		with(body, "role_owners", "[{\"role\": \"rd\", \"owners\": [\"7340018273645501234\", \"7301947562839104567\"]},"
				+ " {\"role\": \"qa\", \"owners\": [\"7285521904468877312\"]}]");
		body.put("template_id", 4418592L);
		StoredItem item = created(body);
		assertThat(item.fields()).containsKeys("description", "field_a1b2c3", "field_0d4e6b", "field_3b5c7d",
				"watchers", "field_9f1e2d", "schedule", "field_44aa1b", "field_2c3d4e", "field_6b7c8d", "field_1a2b3c",
				"field_8e9f0a", "field_5d6e7f", "field_0a9b8c", "business", "field_c3d4e5", "role_owners");
		assertThat(item.field("field_7e8f9a").orElseThrow().path("children").path("label").asString())
			.isEqualTo("账号 Account");
		assertThat(item.field("field_44aa1b").orElseThrow().doubleValue()).isEqualTo(11.5);
		// role given by key "qa" is stored under its id; PM is still filled by default
		assertThat(item.field("role_owners").orElseThrow().findValuesAsString("role")).containsExactly("rd",
				"role_8d2k1m", "PM");
	}

	@Test
	void aFieldMayBeNamedByItsAlias() {
		ObjectNode body = story();
		((tools.jackson.databind.node.ArrayNode) body.get("field_value_pairs")).addObject()
			.put("field_alias", "tags")
			.set("field_value", Caller.json("[{\"value\": \"b0c9zz1ta\"}]"));
		assertThat(created(body).field("field_a1b2c3")).isPresent();
	}

	@Test
	void cw1UnknownTypeIs30014() {
		ObjectNode body = story();
		body.put("work_item_type_key", "epic");
		assertRefused(body, 404, 30014, "WorkItem Type Not Found");
		assertThat(caller.create(body).body().path("err").path("msg").asString()).isEqualTo("Work item not found");
	}

	@Test
	void cw2UnresolvableRoleOwnersAre50006() {
		assertRefused(
				with(story(), "role_owners", "[{\"role\": \"architect\", \"owners\": [\"" + Caller.USER + "\"]}]"), 500,
				50006, "Failed to process role owners");
		assertRefused(with(story(), "role_owners", "[{\"role\": \"rd\", \"owners\": [\"1234567890\"]}]"), 500, 50006,
				"Failed to process role owners");
		// a resigned user cannot own a role
		assertRefused(with(story(), "role_owners", "[{\"role\": \"rd\", \"owners\": [\"7264019283746501928\"]}]"), 500,
				50006, "Failed to process role owners");
		// PM takes one person only
		assertRefused(
				with(story(), "role_owners",
						"[{\"role\": \"PM\", \"owners\": [\"" + Caller.USER + "\", \"7312204958161301508\"]}]"),
				500, 50006, "Failed to process role owners");
	}

	@Test
	void cw3DisabledTemplateIs50006() {
		ObjectNode body = story();
		body.put("template_id", 4418601L);
		assertRefused(body, 500, 50006, "Current Template is Disable");
	}

	@Test
	void cw4UnknownTemplateIs50006AndATemplateIdMustBeANumber() {
		ObjectNode body = story();
		body.put("template_id", 5120033L);
		assertRefused(body, 500, 50006, "Template not found");
		body.put("template_id", "4418592");
		assertRefused(body, 400, 20006, null);
	}

	@Test
	void cw5TheSameFieldTwiceIs20083() {
		assertRefused(adding(story(), "priority", "{\"value\": \"2\"}"), 400, 20083, "Duplication Field Exist");
		ObjectNode byAlias = adding(story(), "field_a1b2c3", "[]");
		((tools.jackson.databind.node.ArrayNode) byAlias.get("field_value_pairs")).addObject()
			.put("field_alias", "tags")
			.set("field_value", Caller.json("[]"));
		assertRefused(byAlias, 400, 20083, "Duplication Field Exist");
	}

	@Test
	void cw6ATreeValueMustReachTheConfiguredLevel() {
		assertRefused(with(story(), "field_7e8f9a", "{\"value\": \"mod_platform\", \"children\": null}"), 400, 20050,
				null);
		// deeper than required is fine
		created(with(story(), "field_7e8f9a",
				"{\"value\": \"mod_trade\", \"children\": {\"value\": \"mod_trade_order\", \"children\": {\"value\": \"mod_trade_order_cart\", \"children\": null}}}"));
		// a leaf has no level below it
		assertRefused(with(story(), "field_7e8f9a",
				"{\"value\": \"mod_platform\", \"children\": {\"value\": \"mod_platform_account\", \"children\": {\"value\": \"x\", \"children\": null}}}"),
				400, 20050, null);
	}

	@Test
	void cw7ALabelIsNotAnOptionId() {
		Caller.Reply reply = caller.create(with(story(), "priority", "{\"value\": \"P1\"}"));
		assertThat(reply.errCode()).isEqualTo(20050);
		assertThat(reply.body().path("err").path("msg").asString()).contains("'P1' is a label", "'1'");
	}

	@Test
	void cw8RolesFilledOnlyWhenUsersMayNotAddThemselves() {
		// issue: operator is required and self-assigned, so leaving it out fails with
		// 20041
		assertRefused(without(issue(), "role_owners"), 400, 20041, null);
		StoredItem item = created(issue());
		assertThat(item.field("role_owners").orElseThrow().findValuesAsString("role")).containsExactly("operator",
				"reporter");
	}

	@Test
	void cw9NameTwiceIsRefused() {
		assertRefused(adding(story(), "name", "\"另一个名字\""), 400, 20083, null);
		ObjectNode onlyPair = adding(story(), "name", "\"字段里的名字 Name in a pair\"");
		onlyPair.remove("name");
		assertThat(created(onlyPair).name()).isEqualTo("字段里的名字 Name in a pair");
	}

	@Test
	void cw10TemplateIdAsAFieldIsRefused() {
		assertRefused(adding(story(), "template_id", "4418592"), 400, 20006, null);
	}

	@Test
	void requiredFieldsAndNameAre20038() {
		assertRefused(without(story(), "priority"), 400, 20038, "Required Field Not Set");
		ObjectNode noName = story();
		noName.remove("name");
		assertRefused(noName, 400, 20038, "Required Field Not Set");
		// is_required 3 (conditional) is not enforced
		assertThat(
				emulator.space().fixture().type("story").orElseThrow().field("field_77ab12").orElseThrow().required())
			.isEqualTo(3);
	}

	@Test
	void unknownFieldIs30009AndUnwritableFieldIs20006() {
		assertRefused(with(story(), "field_nope", "\"x\""), 404, 30009, "Field Not Found");
		assertRefused(with(story(), "attachment", "[]"), 400, 20006, null);
		assertRefused(with(story(), "template", "{\"value\": \"4418592\"}"), 400, 20006, null);
	}

	static Stream<Arguments> wrongShapes() {
		return Stream.of(Arguments.of("priority", "\"1\""), Arguments.of("priority", "{\"value\": 1}"),
				Arguments.of("priority", "[{\"value\": \"1\"}]"),
				Arguments.of("field_a1b2c3", "{\"value\": \"q4xi0i9dq\"}"),
				Arguments.of("field_7e8f9a",
						"{\"value\": \"mod_platform\", \"children\": [{\"value\": \"mod_platform_account\"}]}"),
				Arguments.of("field_7e8f9a",
						"{\"value\": \"mod_platform\", \"children\": {\"value\": \"mod_platform_account\"}}"),
				Arguments.of("field_0d4e6b", "{\"value\": \"c\", \"children\": null}"),
				Arguments.of("description", "{\"text\": \"x\"}"), Arguments.of("field_c3d4e5", "42"),
				Arguments.of("field_3b5c7d", "[\"7312204958161301508\"]"),
				Arguments.of("watchers", "\"7312204958161301508\""), Arguments.of("schedule", "[1722182400000]"),
				Arguments.of("schedule", "{\"start_time\": 1722787200000, \"end_time\": 1722182400000}"),
				Arguments.of("field_44aa1b", "\"11.5\""), Arguments.of("field_2c3d4e", "\"true\""),
				Arguments.of("field_2c3d4e", "1"), Arguments.of("field_6b7c8d", "\"docs.example.com\""),
				Arguments.of("field_1a2b3c", "\"not an e-mail\""), Arguments.of("field_8e9f0a", "\"call me\""),
				Arguments.of("field_5d6e7f", "\"6184000001\""), Arguments.of("field_0a9b8c", "6184000001"),
				Arguments.of("business", "{\"value\": \"662f0e13b1a20d5dd5fb3320\"}"),
				Arguments.of("role_owners", "{\"role\": \"rd\", \"owners\": []}"), Arguments.of("priority", "null"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("wrongShapes")
	void aValueOfTheWrongShapeIs20006(String fieldKey, String valueJson) {
		assertRefused(with(story(), fieldKey, valueJson), 400, 20006, null);
	}

	@Test
	void datesMustBe13DigitMillis() {
		for (String wrong : List.of("1722182400", "\"2024-07-29\"", "1722182400000.5", "\"1722182400000\"",
				"17221824000000")) {
			assertRefused(with(story(), "field_9f1e2d", wrong), 400, 20013, null);
		}
		assertRefused(with(story(), "schedule", "{\"start_time\": 1722182400, \"end_time\": 1722787200}"), 400, 20013,
				null);
	}

	@Test
	void unknownOrDisabledOptionsAre20050() {
		assertRefused(with(story(), "priority", "{\"value\": \"7\"}"), 400, 20050, null);
		assertRefused(with(story(), "priority", "{\"value\": \"99\"}"), 400, 20050, null);
		assertRefused(with(story(), "field_5c1d2e", "{\"value\": \"option_4\"}"), 400, 20050, null);
		assertRefused(with(story(), "field_a1b2c3", "[{\"value\": \"xk3l9p0qe\"}]"), 400, 20050, null);
		assertRefused(
				with(story(), "field_7e8f9a",
						"{\"value\": \"mod_trade\", \"children\": {\"value\": \"mod_trade_pay\", \"children\": null}}"),
				400, 20050, null);
		assertRefused(with(story(), "business", "\"000000000000000000000000\""), 400, 20050, null);
	}

	@Test
	void optionsChangedAtRuntimeApplyAtOnce() {
		emulator.space().addOption("story", "priority", "p5x", "P5");
		created(with(story(), "priority", "{\"value\": \"p5x\"}"));
		emulator.space().disableOption("story", "priority", "p5x");
		assertRefused(with(story(), "priority", "{\"value\": \"p5x\"}"), 400, 20050, null);
		emulator.space().enableOption("story", "priority", "99");
		created(with(story(), "priority", "{\"value\": \"99\"}"));
		emulator.space().disableOption("story", "priority", "99");
	}

	@Test
	void unknownResignedOrFrozenUsersAre30006() {
		assertRefused(with(story(), "field_3b5c7d", "\"1111111111111111111\""), 404, 30006, "User Not Found");
		assertRefused(with(story(), "field_3b5c7d", "\"7264019283746501928\""), 404, 30006, "User Not Found");
		assertRefused(with(story(), "watchers", "[\"" + Caller.USER + "\", \"7276650192837465019\"]"), 404, 30006,
				"User Not Found");
	}

	@Test
	void relatedItemsMustExist() {
		assertRefused(with(story(), "field_5d6e7f", "4812084224"), 404, 30005, null);
	}

}
