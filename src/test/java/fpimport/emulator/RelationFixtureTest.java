package fpimport.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Relations in a space fixture and the relation fields bound to them. */
class RelationFixtureTest {

	private static final String SPACE = """
			project_key: p1
			simple_name: mini
			plugin: {id: MII_1, secret: s}
			default_user_key: "1"
			users: [{user_key: "1", email: a@example.com, name_cn: 甲}]
			types:
			  - type_key: task
			    name: 任务
			    templates: [{id: "10", name: 默认}]
			    fields:
			      - {key: parent, name: 父任务, type: work_item_related_select, relation: r1}
			  - type_key: epic
			    name: 史诗
			    templates: [{id: "20", name: 默认}]
			relations:
			  - {id: r1, name: 父子, work_item_type_key: task, targets: [epic, task]}
			""";

	private static SpaceFixture load(Path dir, String yaml) throws IOException {
		return SpaceFixture.load(Files.writeString(dir.resolve("space.yaml"), yaml));
	}

	@Test
	void aRelationBindsAFieldToItsTargetTypes(@TempDir Path dir) throws IOException {
		SpaceFixture fixture = load(dir, SPACE);
		SpaceFixture.Relation relation = fixture.relation("r1").orElseThrow();
		assertThat(relation.targets()).containsExactly("epic", "task");
		assertThat(relation.pointsAt("epic")).isTrue();
		assertThat(relation.pointsAt("bug")).isFalse();
		assertThat(relation.disabled()).isFalse();
		assertThat(relation.relationType()).isZero();
		assertThat(fixture.type("task").orElseThrow().field("parent").orElseThrow().relation()).isEqualTo("r1");
		assertThat(fixture.relation("r2")).isEmpty();
	}

	@Test
	void theDemoSpaceBindsItsRelationFields() {
		SpaceFixture demo = SpaceFixture.demo();
		SpaceFixture.Type story = demo.type("story").orElseThrow();
		assertThat(targets(demo, story, "field_9f8e7d")).isEqualTo("story");
		assertThat(story.field("field_9f8e7d").orElseThrow().name()).isEqualTo("父需求 Parent story");
		assertThat(story.field("field_9f8e7d").orElseThrow().type()).isEqualTo("work_item_related_select");
		assertThat(targets(demo, story, "field_5d6e7f")).isEqualTo("story");
		assertThat(targets(demo, story, "field_0a9b8c")).isEqualTo("issue");
		assertThat(targets(demo, demo.type("issue").orElseThrow(), "field_ef56ab")).isEqualTo("story");
	}

	private static String targets(SpaceFixture fixture, SpaceFixture.Type type, String fieldKey) {
		String relation = type.field(fieldKey).orElseThrow().relation();
		return String.join(",", fixture.relation(relation).orElseThrow().targets());
	}

	@Test
	void brokenRelationsAreRefused(@TempDir Path dir) {
		assertRefused(dir, SPACE.replace("targets: [epic, task]", "targets: [bug]"), "points at unknown type bug");
		assertRefused(dir, SPACE.replace("targets: [epic, task]", "targets: []"), "needs at least one target type");
		assertRefused(dir, SPACE.replace("work_item_type_key: task,", "work_item_type_key: story,"),
				"belongs to unknown type story");
		assertRefused(dir, SPACE.replace("relation: r1", "relation: r9"), "bound to unknown relation r9");
		assertRefused(dir, SPACE.replace("type: work_item_related_select", "type: text"),
				"no work_item_related_select");
		assertRefused(dir, SPACE.replace("work_item_type_key: task,", "work_item_type_key: epic,"),
				"bound to relation r1 of type epic");
		assertRefused(dir, SPACE + "  - {id: r1, name: again, work_item_type_key: task, targets: [task]}\n",
				"duplicate relation id: r1");
	}

	private static void assertRefused(Path dir, String yaml, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> load(dir, yaml)).withMessageContaining(message);
	}

}
