package fpimport.emulator;

import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static fpimport.emulator.Bodies.story;
import static fpimport.emulator.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relation fields bound to a relation: {@code work_item/relation}, {@code relation_id} in
 * {@code field/all}, and the ids a create or update may write, over HTTP.
 */
class RelationFieldsTest {

	private static final String PARENT = "field_9f8e7d";

	private static final String RELATED_BUGS = "field_0a9b8c";

	@RegisterExtension
	static final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	/** The demo space with 关联需求 (field_5d6e7f) bound to no relation. */
	@RegisterExtension
	static final TestEmulator unbound = TestEmulator.of(EmulatorConfig.of(unboundRelatedStory()).withQps(0));

	private static final Caller caller = Caller.connected(emulator);

	private static final Caller unboundCaller = Caller.connected(unbound);

	private static SpaceFixture unboundRelatedStory() {
		SpaceFixture demo = SpaceFixture.demo();
		List<Type> types = demo.types().stream().map((type) -> {
			List<Field> fields = type.fields()
				.stream()
				.map((field) -> field.key().equals("field_5d6e7f") ? new Field(field.key(), field.alias(), field.name(),
						field.type(), field.required(), field.custom(), field.selectLevel(), field.defaultValue(),
						field.options(), field.isWritable(), null) : field)
				.toList();
			return new Type(type.typeKey(), type.name(), type.apiName(), type.disabled(), type.templates(),
					type.roles(), fields);
		}).toList();
		return demo.withTypes(types);
	}

	private static JsonNode byKey(JsonNode list, String name, String value) {
		for (JsonNode node : list) {
			if (node.path(name).asString().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("no " + name + " = " + value + " in " + list);
	}

	private static long insert(OpenApiEmulator emulator, String typeKey, String name) {
		return emulator.space().insertItem(typeKey, name, Map.of());
	}

	private static Caller.Reply update(Caller caller, String typeKey, long id, String fieldKey, Object value) {
		return caller.send("PUT", "/open_api/demo/work_item/" + typeKey + "/" + id,
				Map.of("update_fields", List.of(Map.of("field_key", fieldKey, "field_value", value))), Map.of());
	}

	private static void assertNotFound(Caller.Reply reply, String fieldKey, long id) {
		assertThat(reply.status()).as(reply.text()).isEqualTo(404);
		assertThat(reply.errCode()).isEqualTo(30005);
		assertThat(reply.errMsg()).isEqualTo("Work Item Not Found");
		assertThat(reply.body().path("err").path("msg").asString()).contains(fieldKey).contains(Long.toString(id));
	}

	@Test
	void theRelationsAreListedAsTheSdkShapesThem() {
		Caller.Reply reply = caller.get("/open_api/demo/work_item/relation");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.errCode()).isZero();
		JsonNode relations = reply.data();
		assertThat(relations.isArray()).isTrue();
		assertThat(relations.findValuesAsString("id")).containsExactly("7f3b2a10c4d5e6f7a8b9c001",
				"7f3b2a10c4d5e6f7a8b9c002", "7f3b2a10c4d5e6f7a8b9c003", "7f3b2a10c4d5e6f7a8b9c004");
		JsonNode bugToStory = byKey(relations, "id", "7f3b2a10c4d5e6f7a8b9c004");
		assertThat(bugToStory.path("name").asString()).isEqualTo("缺陷关联需求 Bug to story");
		assertThat(bugToStory.path("disabled").isBoolean()).isTrue();
		assertThat(bugToStory.path("disabled").booleanValue()).isFalse();
		assertThat(bugToStory.path("relation_type").isIntegralNumber()).isTrue();
		assertThat(bugToStory.path("work_item_type_key").asString()).isEqualTo("issue");
		assertThat(bugToStory.path("work_item_type_name").asString()).isEqualTo("缺陷");
		JsonNode detail = bugToStory.path("relation_details").get(0);
		assertThat(bugToStory.path("relation_details").size()).isEqualTo(1);
		assertThat(detail.path("project_key").asString()).isEqualTo(Caller.PROJECT);
		assertThat(detail.path("project_name").asString()).isEqualTo("演示空间 Demo Space");
		assertThat(detail.path("work_item_type_key").asString()).isEqualTo("story");
		assertThat(detail.path("work_item_type_name").asString()).isEqualTo("需求");
		assertThat(byKey(relations, "id", "7f3b2a10c4d5e6f7a8b9c002").path("relation_details")
			.get(0)
			.path("work_item_type_key")
			.asString()).isEqualTo("issue");
	}

	@Test
	void fieldAllNamesTheRelationOfEachBoundField() {
		JsonNode story = caller.post("/open_api/demo/field/all", Map.of("work_item_type_key", "story")).data();
		assertThat(byKey(story, "field_key", PARENT).path("relation_id").asString())
			.isEqualTo("7f3b2a10c4d5e6f7a8b9c003");
		assertThat(byKey(story, "field_key", PARENT).path("field_name").asString()).isEqualTo("父需求 Parent story");
		assertThat(byKey(story, "field_key", "field_5d6e7f").path("relation_id").asString())
			.isEqualTo("7f3b2a10c4d5e6f7a8b9c001");
		assertThat(byKey(story, "field_key", RELATED_BUGS).path("relation_id").asString())
			.isEqualTo("7f3b2a10c4d5e6f7a8b9c002");
		assertThat(byKey(story, "field_key", "priority").has("relation_id")).isFalse();
		JsonNode issue = caller.post("/open_api/demo/field/all", Map.of("work_item_type_key", "issue")).data();
		assertThat(byKey(issue, "field_key", "field_ef56ab").path("relation_id").asString())
			.isEqualTo("7f3b2a10c4d5e6f7a8b9c004");
		JsonNode unboundStory = unboundCaller.post("/open_api/demo/field/all", Map.of("work_item_type_key", "story"))
			.data();
		assertThat(byKey(unboundStory, "field_key", "field_5d6e7f").has("relation_id")).isFalse();
	}

	@Test
	void aCreateTakesItemsOfTheTypesTheRelationPointsAt() {
		long parent = insert(emulator.get(), "story", "父 Parent");
		long bug1 = insert(emulator.get(), "issue", "缺陷一 Bug 1");
		long bug2 = insert(emulator.get(), "issue", "缺陷二 Bug 2");
		Caller.Reply reply = caller
			.create(with(with(story(), PARENT, Long.toString(parent)), RELATED_BUGS, "[" + bug1 + ", " + bug2 + "]"));
		assertThat(reply.errCode()).as(reply.text()).isZero();
		StoredItem item = emulator.space().item(reply.data().longValue()).orElseThrow();
		assertThat(item.relatedIds(PARENT)).containsExactly(parent);
		assertThat(item.relatedIds(RELATED_BUGS)).containsExactly(bug1, bug2);
		assertThat(item.relatedIds("field_5d6e7f")).isEmpty();
	}

	@Test
	void aCreateNamingAnItemOfAnotherTypeIsRefusedWith30005() {
		long bug = insert(emulator.get(), "issue", "缺陷 Bug");
		long story = insert(emulator.get(), "story", "需求 Story");
		int before = emulator.space().itemCount();
		Caller.Reply single = caller.create(with(story(), PARENT, Long.toString(bug)));
		assertNotFound(single, PARENT, bug);
		assertThat(single.body().path("err").path("msg").asString()).contains("issue").contains("story");
		// one wrong id among right ones is enough
		Caller.Reply multi = caller.create(with(story(), RELATED_BUGS, "[" + bug + ", " + story + "]"));
		assertNotFound(multi, RELATED_BUGS, story);
		assertThat(emulator.space().itemCount()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void aCreateNamingNoItemIsRefusedWith30005() {
		Caller.Reply reply = caller.create(with(story(), PARENT, "4812084224"));
		assertNotFound(reply, PARENT, 4812084224L);
	}

	@Test
	void anUpdateSetsARelationFieldWithinItsRelation() {
		long parent = insert(emulator.get(), "story", "父 Parent");
		long child = insert(emulator.get(), "story", "子 Child");
		long bug = insert(emulator.get(), "issue", "缺陷 Bug");
		Caller.Reply set = update(caller, "story", child, PARENT, parent);
		assertThat(set.errCode()).as(set.text()).isZero();
		assertThat(emulator.space().item(child).orElseThrow().relatedIds(PARENT)).containsExactly(parent);
		Caller.Reply linked = update(caller, "issue", bug, "field_ef56ab", child);
		assertThat(linked.errCode()).as(linked.text()).isZero();
		assertThat(emulator.space().item(bug).orElseThrow().relatedIds("field_ef56ab")).containsExactly(child);

		assertNotFound(update(caller, "story", child, PARENT, bug), PARENT, bug);
		assertNotFound(update(caller, "story", child, RELATED_BUGS, List.of(bug, parent)), RELATED_BUGS, parent);
		assertNotFound(update(caller, "story", child, PARENT, 4812084224L), PARENT, 4812084224L);
		assertNotFound(update(caller, "issue", bug, "field_ef56ab", bug), "field_ef56ab", bug);
		assertThat(emulator.space().item(child).orElseThrow().relatedIds(PARENT)).as("unchanged by the refusals")
			.containsExactly(parent);
		assertThat(emulator.space().item(child).orElseThrow().relatedIds(RELATED_BUGS)).isEmpty();
	}

	@Test
	void aFieldBoundToNoRelationTakesAnyExistingItem() {
		long bug = insert(unbound.get(), "issue", "缺陷 Bug");
		long story = insert(unbound.get(), "story", "需求 Story");
		Caller.Reply created = unboundCaller.create(with(story(), "field_5d6e7f", Long.toString(bug)));
		assertThat(created.errCode()).as(created.text()).isZero();
		assertThat(unbound.space().item(created.data().longValue()).orElseThrow().relatedIds("field_5d6e7f"))
			.containsExactly(bug);
		Caller.Reply updated = update(unboundCaller, "story", story, "field_5d6e7f", story);
		assertThat(updated.errCode()).as(updated.text()).isZero();
		assertNotFound(update(unboundCaller, "story", story, "field_5d6e7f", 4812084224L), "field_5d6e7f", 4812084224L);
	}

	@Test
	void withoutPermissionTheRelationsAnswer10001AndTheFieldsStillAnswer() {
		emulator.space().revokeRelationPermission();
		try {
			Caller.Reply refused = caller.get("/open_api/demo/work_item/relation");
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.errCode()).isEqualTo(10001);
			Caller.Reply fields = caller.post("/open_api/demo/field/all", Map.of("work_item_type_key", "story"));
			assertThat(fields.errCode()).isZero();
		}
		finally {
			emulator.space().grantRelationPermission();
		}
		assertThat(caller.get("/open_api/demo/work_item/relation").errCode()).isZero();
	}

}
