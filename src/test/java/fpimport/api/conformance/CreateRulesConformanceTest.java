package fpimport.api.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.api.OpenApiException;
import fpimport.api.OpenApiException.Classification;
import fpimport.api.WorkItemInfo;
import fpimport.emulator.EmulatorConfig;
import fpimport.emulator.SpaceFixture;
import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.Type;
import fpimport.emulator.StoredItem;
import fpimport.workitem.FieldValuePair;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static fpimport.api.conformance.EmulatedService.CHEN_JING;
import static fpimport.api.conformance.EmulatedService.LIU_YANG;
import static fpimport.api.conformance.EmulatedService.LI_NA;
import static fpimport.api.conformance.EmulatedService.PROJECT_KEY;
import static fpimport.api.conformance.EmulatedService.WANG_FANG;
import static fpimport.api.conformance.EmulatedService.ZHANG_WEI;
import static fpimport.api.conformance.EmulatedService.ZHAO_LEI;
import static fpimport.api.conformance.EmulatedService.failure;
import static fpimport.api.conformance.EmulatedService.story;
import static fpimport.api.conformance.EmulatedService.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The create rules CW-1..CW-10 of docs/design.md#create-rules, each sent through
 * {@link fpimport.api.OpenApiClient#create} to the emulator over HTTP: the code and
 * message the service answers, and what the client makes of them. Nothing is stored on a
 * refusal.
 */
class CreateRulesConformanceTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	final EmulatedService service = EmulatedService.on(this.emulator);

	@Test
	void cw1UnknownTypeStopsTheRunAsAMappingFault() {
		WorkItemDraft draft = new WorkItemDraft("epic", null, "An epic", List.of());

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, draft, "cw-1"));

		assertThat(failure.errCode()).isEqualTo(30014);
		assertThat(failure.errMsg()).isEqualTo("WorkItem Type Not Found");
		assertThat(failure.httpStatus()).isEqualTo(404); // 30005-30015: 404 (error code
															// table)
		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.INVALID_INPUT);
		assertThat(failure.hint()).contains("fpimport meta");
		assertThat(failure.attempts()).isEqualTo(1);
		assertNothingStored();
	}

	@Test
	void cw2UnresolvableRoleOwnersRejectTheRowWithoutRetry() {
		List<List<Map<String, Object>>> refused = List.of(
				// an unknown role
				List.of(owners("architect", ZHANG_WEI)),
				// an unknown user
				List.of(owners("PM", "7000000000000000000")),
				// a resigned user
				List.of(owners("rd", EmulatedService.GUO_TAO)),
				// two people in a single-person role
				List.of(owners("PM", ZHANG_WEI, WANG_FANG)));
		for (List<Map<String, Object>> roleOwners : refused) {
			OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY,
					story("CW-2", new FieldValuePair("role_owners", roleOwners)), null));

			assertThat(failure.errCode()).as("%s", roleOwners).isEqualTo(50006);
			assertThat(failure.errMsg()).isEqualTo("Failed to process role owners");
			assertThat(failure.httpStatus()).isEqualTo(500);
			assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
			assertThat(failure.attempts()).as("a rule violation is not retried").isEqualTo(1);
		}
		assertThat(this.service.emulator.space().createCalls()).isEqualTo(refused.size());
		assertNothingStored();
	}

	@Test
	void cw3DisabledTemplateRejectsTheRowWithoutRetry() {
		WorkItemDraft draft = withTemplate(4418601L);

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, draft, "cw-3"));

		assertThat(failure.errCode()).isEqualTo(50006);
		assertThat(failure.errMsg()).isEqualTo("Current Template is Disable");
		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(this.service.emulator.space().createCalls()).isEqualTo(1);
		assertNothingStored();
	}

	@Test
	void cw4UnknownTemplateRejectsTheRowWithoutRetry() {
		// 5120033 exists, but for the type issue
		for (long templateId : new long[] { 999999L, 5120033L }) {
			OpenApiException failure = failure(
					() -> this.service.client.create(PROJECT_KEY, withTemplate(templateId), null));

			assertThat(failure.errCode()).isEqualTo(50006);
			assertThat(failure.errMsg()).isEqualTo("Template not found");
			assertThat(failure.httpStatus()).isEqualTo(500);
			assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
			assertThat(failure.attempts()).isEqualTo(1);
		}
		assertNothingStored();
	}

	@Test
	void anEnabledTemplateIsStoredAndTheFirstIsTheDefault() {
		long chosen = this.service.client.create(PROJECT_KEY, withTemplate(4418592L), null);
		long defaulted = this.service.client.create(PROJECT_KEY, story("no template"), null);

		assertThat(this.service.client.query(PROJECT_KEY, "story", List.of(chosen, defaulted)))
			.extracting(WorkItemInfo::templateId)
			.containsExactly("4418592", "4418592");
	}

	@Test
	void cw5TheSameFieldTwiceIsRefusedByTheDraftAndByTheService() {
		// the client cannot send a field_key twice: the draft refuses it before any call
		assertThatIllegalArgumentException()
			.isThrownBy(() -> story("CW-5", new FieldValuePair("priority", Map.of("value", "2"))))
			.withMessageContaining("CW-5");
		// the same field by key and by alias gets past the draft; the service refuses it
		WorkItemDraft draft = story("CW-5", new FieldValuePair("field_a1b2c3", List.of(Map.of("value", "q4xi0i9dq"))),
				new FieldValuePair("tags", List.of(Map.of("value", "7r2kd81mx"))));

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, draft, "cw-5"));

		assertThat(failure.errCode()).isEqualTo(20083);
		assertThat(failure.errMsg()).isEqualTo("Duplication Field Exist");
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertNothingStored();
	}

	@Test
	void cw6TreeValueShortOfTheConfiguredLevelIsRefused() {
		// 所属模块 Module must reach level 2; 平台 Platform alone stops at level 1
		WorkItemDraft shortValue = new WorkItemDraft("story", null, "CW-6",
				List.of(new FieldValuePair("priority", Map.of("value", "1")),
						new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")),
						new FieldValuePair("field_7e8f9a", tree("mod_platform", null))));

		OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY, shortValue, null));

		assertThat(failure.errCode()).isEqualTo(20050);
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertNothingStored();

		// one level deeper than required is fine as well
		long id = this.service.client.create(PROJECT_KEY, new WorkItemDraft("story", null, "CW-6 deep",
				List.of(new FieldValuePair("priority", Map.of("value", "1")),
						new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")),
						new FieldValuePair("field_7e8f9a",
								tree("mod_trade", tree("mod_trade_order", tree("mod_trade_order_cart", null)))))),
				null);
		assertThat(this.service.client.query(PROJECT_KEY, "story", List.of(id)).get(0).value("field_7e8f9a"))
			.hasValueSatisfying((value) -> assertThat(value.toString()).contains("mod_trade_order_cart"));
	}

	@Test
	void cw7SelectFieldsTakeTheOptionIdNeverTheLabel() {
		List<FieldValuePair> byLabel = List.of(new FieldValuePair("priority", Map.of("value", "P1")),
				new FieldValuePair("field_5c1d2e", Map.of("value", "功能 Feature")),
				new FieldValuePair("field_a1b2c3", List.of(Map.of("value", "前端 Frontend"))),
				new FieldValuePair("field_7e8f9a", tree("平台 Platform", tree("账号 Account", null))));
		for (FieldValuePair label : byLabel) {
			List<FieldValuePair> fields = new ArrayList<>(EmulatedService.requiredStoryFields());
			fields.removeIf((pair) -> pair.fieldKey().equals(label.fieldKey()));
			fields.add(label);

			OpenApiException failure = failure(() -> this.service.client.create(PROJECT_KEY,
					new WorkItemDraft("story", null, "CW-7", fields), null));

			assertThat(failure.errCode()).as(label.fieldKey()).isEqualTo(20050);
			assertThat(failure.errMsg()).isEqualTo("Option Value Not Valid");
			assertThat(failure.httpStatus()).isEqualTo(400);
			assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		}
		assertNothingStored();

		// the ids of the same options are accepted, and the label is stored beside them
		long id = this.service.client.create(PROJECT_KEY, story("CW-7 ids"), null);
		assertThat(this.service.client.query(PROJECT_KEY, "story", List.of(id)).get(0).value("priority"))
			.contains(Map.of("label", "P1", "value", "1"));
	}

	@Test
	void cw8OmittedRolesGetTheirDefaultMembersUnlessUsersAssignThemselves() {
		long id = this.service.client.create(PROJECT_KEY, story("CW-8 omitted"), null);

		// PM and QA may not assign themselves: filled; rd assigns itself: left empty
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("PM", List.of(ZHANG_WEI));
		expected.put("role_8d2k1m", List.of(LI_NA, CHEN_JING));
		assertThat(roleOwnersRead(id)).isEqualTo(expected);
		assertThat(roleOwnersStored(id)).isEqualTo(expected);
	}

	@Test
	void cw8RolesSentAreKeptAndOnlyTheOmittedOnesAreFilled() {
		// rd named by id, QA by its key: both are kept as sent; PM, omitted, is filled
		long id = this.service.client.create(PROJECT_KEY, story("CW-8 sent",
				new FieldValuePair("role_owners", List.of(owners("rd", LIU_YANG, ZHAO_LEI), owners("qa", WANG_FANG)))),
				null);

		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("rd", List.of(LIU_YANG, ZHAO_LEI));
		expected.put("role_8d2k1m", List.of(WANG_FANG));
		expected.put("PM", List.of(ZHANG_WEI));
		assertThat(roleOwnersRead(id)).isEqualTo(expected);
		assertThat(roleOwnersStored(id)).isEqualTo(expected);
	}

	@Test
	void cw9TheNameBothTopLevelAndAsAPairIsAnError() {
		// the client cannot send a "name" pair beside a top-level name: the draft refuses
		assertThatIllegalArgumentException().isThrownBy(() -> story("CW-9", new FieldValuePair("name", "Also a name")))
			.withMessageContaining("CW-9");
		// a space whose name field has an alias lets such a body past the draft
		try (EmulatedService aliased = EmulatedService.start(
				EmulatorConfig.of(withNameAlias(EmulatedService.DEMO, "title")).withPort(0), EmulatedService.FAST_RETRY,
				15)) {
			WorkItemDraft draft = story("CW-9", new FieldValuePair("title", "Also a name"));

			OpenApiException failure = failure(() -> aliased.client.create(PROJECT_KEY, draft, "cw-9"));

			assertThat(failure.errCode()).isEqualTo(20083);
			assertThat(failure.errMsg()).isEqualTo("Duplication Field Exist");
			assertThat(failure.httpStatus()).isEqualTo(400);
			assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
			assertThat(aliased.emulator.space().itemCount()).isZero();

			// the name as a pair alone, or top-level alone, is fine
			long byPair = aliased.client.create(PROJECT_KEY,
					new WorkItemDraft("story", null, null,
							List.of(new FieldValuePair("title", "Named by pair"),
									new FieldValuePair("priority", Map.of("value", "1")),
									new FieldValuePair("field_5c1d2e", Map.of("value", "option_1")), new FieldValuePair(
											"field_7e8f9a", tree("mod_platform", tree("mod_platform_perm", null))))),
					null);
			assertThat(aliased.client.query(PROJECT_KEY, "story", List.of(byPair))).extracting(WorkItemInfo::name)
				.containsExactly("Named by pair");
		}
	}

	@Test
	void cw10TemplateIdAsAFieldCannotBeSentAndIsRefusedWhereverItIsSent() {
		// the client has no way to send a template_id pair on create: the draft refuses
		// it
		assertThatIllegalArgumentException()
			.isThrownBy(() -> story("CW-10", new FieldValuePair("template_id", 4418592L)))
			.withMessageContaining("CW-10");
		// update takes plain pairs, so the service's answer to such a pair can be seen
		// there
		long id = this.service.client.create(PROJECT_KEY, story("CW-10"), null);

		OpenApiException failure = failure(() -> this.service.client.update(PROJECT_KEY, "story", id,
				List.of(new FieldValuePair("template_id", 4418592L))));

		assertThat(failure.errCode()).isEqualTo(20006);
		assertThat(failure.errMsg()).contains("template_id");
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.classification()).isEqualTo(Classification.ROW_REJECTED);
		assertThat(failure.endpoint())
			.isEqualTo("PUT /open_api/:project_key/work_item/:work_item_type_key/:work_item_id");
	}

	@Test
	void everyWritableFieldTypeOfAStoryIsStoredAndReadBack() {
		long relatedStory = this.service.client.create(PROJECT_KEY, story("Related story"), null);
		long relatedBug = this.service.emulator.space().insertItem("issue", "Related bug", Map.of());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("description", "line 1\nline 2");
		values.put("priority", Map.of("value", "0"));
		values.put("field_5c1d2e", Map.of("value", "option_2"));
		values.put("field_a1b2c3", List.of(Map.of("value", "q4xi0i9dq"), Map.of("value", "b0c9zz1ta")));
		values.put("field_7e8f9a", tree("mod_trade", tree("mod_trade_order", null)));
		values.put("field_0d4e6b", List.of(tree("c", tree("c_ios", null)), tree("w", tree("w_h5", null))));
		values.put("field_3b5c7d", WANG_FANG);
		values.put("watchers", List.of(LI_NA, LIU_YANG));
		values.put("field_9f1e2d", 1722182400000L);
		values.put("schedule", Map.of("start_time", 1722182400000L, "end_time", 1722787200000L));
		values.put("field_44aa1b", 11.5);
		values.put("field_2c3d4e", true);
		values.put("field_6b7c8d", "https://docs.example.com/prd/42");
		values.put("field_1a2b3c", "contact@example.com");
		values.put("field_8e9f0a", "+86 10-1234 5678");
		values.put("field_5d6e7f", relatedStory);
		values.put("field_0a9b8c", List.of(relatedBug));
		values.put("business", "662f0e13b1a20d5dd5fb3320");
		values.put("field_c3d4e5", "EXT-0042");
		values.put("field_77ab12", "Given a cart, when paid, then ordered");
		values.put("role_owners", List.of(owners("PM", WANG_FANG), owners("rd", LIU_YANG)));
		List<FieldValuePair> pairs = new ArrayList<>();
		values.forEach((key, value) -> pairs.add(new FieldValuePair(key, value)));

		long id = this.service.client.create(PROJECT_KEY, new WorkItemDraft("story", 4418592L, "Every field", pairs),
				"every-field");

		WorkItemInfo item = this.service.client.query(PROJECT_KEY, "story", List.of(id)).get(0);
		assertThat(item.name()).isEqualTo("Every field");
		assertThat(item.typeKey()).isEqualTo("story");
		assertThat(item.templateId()).isEqualTo("4418592");
		assertThat(item.createdBy()).isEqualTo(ZHANG_WEI);
		// select-like values come back with their labels
		Map<String, Object> expected = new LinkedHashMap<>(values);
		expected.put("priority", Map.of("value", "0", "label", "P0"));
		expected.put("field_5c1d2e", Map.of("value", "option_2", "label", "优化 Improvement"));
		expected.put("field_a1b2c3", List.of(Map.of("value", "q4xi0i9dq", "label", "前端 Frontend"),
				Map.of("value", "b0c9zz1ta", "label", "数据 Data")));
		expected.put("field_7e8f9a",
				labelled("mod_trade", "交易 Trade", labelled("mod_trade_order", "下单 Ordering", null)));
		expected.put("field_0d4e6b", List.of(labelled("c", "客户端 Client", labelled("c_ios", "iOS", null)),
				labelled("w", "Web", labelled("w_h5", "H5", null))));
		// PM as sent, rd as sent, QA filled with its default members (CW-8)
		expected.put("role_owners",
				List.of(owners("PM", WANG_FANG), owners("rd", LIU_YANG), owners("role_8d2k1m", LI_NA, CHEN_JING)));
		expected.forEach((key, value) -> assertThat(item.value(key)).as(key).hasValue(normalised(value)));
		assertThat(item.fields()).extracting(WorkItemInfo.FieldValue::fieldKey)
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(item.fields()).filteredOn((field) -> field.fieldKey().equals("field_9f1e2d"))
			.extracting(WorkItemInfo.FieldValue::fieldTypeKey)
			.containsExactly("date");

		// the emulator holds the same, stored once
		StoredItem stored = this.service.emulator.space().item(id).orElseThrow();
		assertThat(stored.field("field_44aa1b"))
			.hasValueSatisfying((value) -> assertThat(value.doubleValue()).isEqualTo(11.5));
		assertThat(stored.field("field_9f1e2d"))
			.hasValueSatisfying((value) -> assertThat(value.longValue()).isEqualTo(1722182400000L));
		assertThat(this.service.emulator.space().items("story")).hasSize(2);
	}

	private WorkItemDraft withTemplate(long templateId) {
		return new WorkItemDraft("story", templateId, "Templated", EmulatedService.requiredStoryFields());
	}

	private void assertNothingStored() {
		assertThat(this.service.emulator.space().items()).isEmpty();
	}

	private Map<String, List<String>> roleOwnersRead(long id) {
		WorkItemInfo item = this.service.client.query(PROJECT_KEY, "story", List.of(id)).get(0);
		Map<String, List<String>> owners = new LinkedHashMap<>();
		Object value = item.value("role_owners").orElseThrow();
		for (Object entry : (List<?>) value) {
			Map<?, ?> map = (Map<?, ?>) entry;
			owners.put((String) map.get("role"),
					((List<?>) map.get("owners")).stream().map(String.class::cast).toList());
		}
		return owners;
	}

	private Map<String, List<String>> roleOwnersStored(long id) {
		JsonNode value = this.service.emulator.space().item(id).orElseThrow().field("role_owners").orElseThrow();
		Map<String, List<String>> owners = new LinkedHashMap<>();
		for (JsonNode entry : value) {
			owners.put(entry.get("role").stringValue(),
					entry.get("owners").valueStream().map(JsonNode::stringValue).toList());
		}
		return owners;
	}

	private static Map<String, Object> owners(String role, String... userKeys) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("role", role);
		entry.put("owners", List.of(userKeys));
		return entry;
	}

	private static Map<String, Object> labelled(String value, String label, Map<String, Object> child) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("label", label);
		node.put("value", value);
		node.put("children", child);
		return node;
	}

	/**
	 * A value as it reads back from JSON: ints for small numbers, longs for large ones.
	 */
	private static Object normalised(Object value) {
		return JSON.treeToValue(JSON.valueToTree(value), Object.class);
	}

	/** The demo space with its name field given an alias. */
	private static SpaceFixture withNameAlias(SpaceFixture fixture, String alias) {
		List<Type> types = fixture.types().stream().map((type) -> {
			List<Field> fields = type.fields()
				.stream()
				.map((field) -> field.key().equals("name") ? new Field(field.key(), alias, field.name(), field.type(),
						field.required(), field.custom(), field.selectLevel(), field.defaultValue(), field.options(),
						field.isWritable(), field.relation()) : field)
				.toList();
			return new Type(type.typeKey(), type.name(), type.apiName(), type.disabled(), type.templates(),
					type.roles(), fields);
		}).toList();
		return fixture.withTypes(types);
	}

}
