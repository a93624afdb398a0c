package fpimport.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What relation fields point at, asked of the space only when and as often as needed. */
class SpaceCatalogRelationsTest {

	/** {@link TestSpace} with relations, counting what it is asked. */
	private static final class RelatedSpace implements SpaceMetadataSource {

		private final TestSpace space = new TestSpace();

		final List<String> asked = new ArrayList<>();

		@Override
		public List<WorkItemType> types() {
			return this.space.types();
		}

		@Override
		public List<FieldDefinition> fields(String typeKey) {
			return this.space.fields(typeKey);
		}

		@Override
		public List<Template> templates(String typeKey) {
			return this.space.templates(typeKey);
		}

		@Override
		public List<Role> roles(String typeKey) {
			return this.space.roles(typeKey);
		}

		@Override
		public Map<String, String> relationIds(String typeKey) {
			this.asked.add("relation ids " + typeKey);
			return typeKey.equals("story") ? Map.of("parent", "r_parent", "blocks", "r_blocks", "tags", "r_gone")
					: Map.of("story_link", "r_issue");
		}

		@Override
		public List<Relation> relations() {
			this.asked.add("relations");
			return List.of(
					new Relation("r_parent", "父子", false, "story",
							List.of(new Relation.Target("p", "epic"), new Relation.Target("p", "story"),
									new Relation.Target(null, "epic"))),
					new Relation("r_blocks", "阻塞", true, "story", List.of(new Relation.Target("p", "issue"))),
					new Relation("r_issue", "缺陷关联", false, "issue", List.of(new Relation.Target("p", "story"))));
		}

	}

	@Test
	void aBoundFieldTakesTheTypesItsRelationPointsAtEachOnce() {
		RelatedSpace space = new RelatedSpace();
		SpaceCatalog story = SpaceCatalog.load(space, "story");
		assertThat(story.relationTargets("story", "parent")).containsExactly("epic", "story");
		assertThat(story.relationTargets("story", "blocks")).as("a disabled relation still says")
			.containsExactly("issue");
		assertThat(story.relationTargets("issue", "story_link")).containsExactly("story");
	}

	@Test
	void theSpaceIsAskedOnlyWhenAndOnceAsNeeded() {
		RelatedSpace space = new RelatedSpace();
		SpaceCatalog story = SpaceCatalog.load(space, "story");
		assertThat(space.asked).as("loading asks nothing about relations").isEmpty();
		assertThat(story.relationTargets("story", "priority")).isEmpty();
		assertThat(space.asked).as("an unbound field needs no relation list").containsExactly("relation ids story");
		story.relationTargets("story", "parent");
		story.relationTargets("story", "blocks");
		story.relationTargets("issue", "story_link");
		story.relationTargets("issue", "story_link");
		assertThat(space.asked).containsExactly("relation ids story", "relations", "relation ids issue");
	}

	@Test
	void anUnknownRelationOrFieldSaysNothing() {
		SpaceCatalog story = SpaceCatalog.load(new RelatedSpace(), "story");
		assertThat(story.relationTargets("story", "tags")).as("bound to a relation the space does not list").isEmpty();
		assertThat(story.relationTargets("story", "no_such_field")).isEmpty();
	}

	@Test
	void aSourceThatCannotSaySaysNothing() {
		SpaceCatalog story = SpaceCatalog.load(TestSpace.withoutRelations(), "story");
		assertThat(story.relationTargets("story", "parent")).isEmpty();
	}

}
