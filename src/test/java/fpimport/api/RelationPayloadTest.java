package fpimport.api;

import java.util.List;
import java.util.Map;

import fpimport.metadata.Relation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * field/all's relation ids and work_item/relation's relations as {@link Payloads} reads
 * them.
 */
class RelationPayloadTest {

	private final ObjectMapper json = JsonMapper.builder().build();

	private final Payloads payloads = new Payloads(this.json);

	private Map<String, String> relationIds(String data) {
		return this.payloads.relationIds(this.json.readTree(data));
	}

	private List<Relation> relations(String data) {
		return this.payloads.relations(this.json.readTree(data));
	}

	@Test
	void onlyFieldsWithARelationIdAreBound() {
		Map<String, String> ids = relationIds("""
				[{"field_key": "field_9f8e7d", "field_type_key": "work_item_related_select", "relation_id": "r-parent"},
				 {"field_key": "field_5d6e7f", "field_type_key": "work_item_related_select", "relation_id": ""},
				 {"field_key": "field_0a9b8c", "field_type_key": "work_item_related_multi_select", "relation_id": "  "},
				 {"field_key": "field_ef56ab", "field_type_key": "work_item_related_select", "relation_id": null},
				 {"field_key": "priority", "field_type_key": "select"},
				 {"field_key": "field_77ab12", "relation_id": 7001}]
				""");
		assertThat(ids).containsExactly(Map.entry("field_9f8e7d", "r-parent"), Map.entry("field_77ab12", "7001"));
	}

	@Test
	void noFieldsMeanNoRelationIds() {
		assertThat(relationIds("null")).isEmpty();
		assertThat(relationIds("[]")).isEmpty();
	}

	@Test
	void aBoundFieldWithoutAKeyIsNoAnswerOfTheOpenApi() {
		assertThatIllegalStateException().isThrownBy(() -> relationIds("[{\"relation_id\": \"r1\"}]"))
			.withMessageContaining("field_key");
		assertThatIllegalStateException().isThrownBy(() -> relationIds("{\"relation_id\": \"r1\"}"))
			.withMessageContaining("expected a list");
	}

	@Test
	void aRelationNamesItsOwnerAndTheTypesItPointsAt() {
		List<Relation> relations = relations(
				"""
						[{"id": "r1", "name": "父子需求", "disabled": false, "relation_type": 0,
						  "work_item_type_key": "story", "work_item_type_name": "需求",
						  "relation_details": [
						    {"project_key": "p1", "project_name": "演示", "work_item_type_key": "epic", "work_item_type_name": "史诗"},
						    {"project_key": "p1", "work_item_type_key": "story"},
						    {"work_item_type_key": "epic"}]},
						 {"id": 42, "disabled": true, "work_item_type_key": "issue"},
						 {"id": "r3", "name": "", "disabled": 1, "work_item_type_key": "issue", "relation_details": null}]
						""");
		assertThat(relations).hasSize(3);
		Relation parent = relations.get(0);
		assertThat(parent.id()).isEqualTo("r1");
		assertThat(parent.name()).isEqualTo("父子需求");
		assertThat(parent.disabled()).isFalse();
		assertThat(parent.typeKey()).isEqualTo("story");
		assertThat(parent.targets()).containsExactly(new Relation.Target("p1", "epic"),
				new Relation.Target("p1", "story"), new Relation.Target(null, "epic"));
		assertThat(parent.targetTypeKeys()).containsExactly("epic", "story");
		Relation bare = relations.get(1);
		assertThat(bare.id()).isEqualTo("42");
		assertThat(bare.name()).as("the id stands for a missing name").isEqualTo("42");
		assertThat(bare.disabled()).isTrue();
		assertThat(bare.targets()).isEmpty();
		assertThat(relations.get(2).name()).isEqualTo("r3");
		assertThat(relations.get(2).disabled()).isTrue();
	}

	@Test
	void aRelationWithoutIdOwnerOrTargetTypeIsNoAnswerOfTheOpenApi() {
		assertThatIllegalStateException().isThrownBy(() -> relations("[{\"work_item_type_key\": \"story\"}]"))
			.withMessageContaining("no id");
		assertThatIllegalStateException().isThrownBy(() -> relations("[{\"id\": \"r1\"}]"))
			.withMessageContaining("no work_item_type_key");
		assertThatIllegalStateException().isThrownBy(() -> relations(
				"[{\"id\": \"r1\", \"work_item_type_key\": \"story\", \"relation_details\": [{\"project_key\": \"p\"}]}]"))
			.withMessageContaining("no work_item_type_key");
		assertThat(relations("null")).isEmpty();
	}

}
