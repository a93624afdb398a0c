package fpimport.api.conformance;

import fpimport.TestEmulator;
import fpimport.api.OpenApiSpace;
import fpimport.metadata.SpaceCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static fpimport.api.conformance.EmulatedService.PROJECT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo space's relation fields and the types they take, read through
 * {@link OpenApiSpace} and {@link SpaceCatalog} over HTTP.
 */
class RelationTargetsConformanceTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.demo();

	final EmulatedService service = EmulatedService.on(this.emulator);

	private SpaceCatalog story() {
		return SpaceCatalog.load(new OpenApiSpace(this.service.client, PROJECT_KEY), "story");
	}

	private int requests() {
		return this.emulator.space().requests();
	}

	@Test
	void eachRelationFieldTakesTheTypesOfItsRelation() {
		SpaceCatalog story = story();
		assertThat(story.relationTargets("story", "field_9f8e7d")).containsExactly("story");
		assertThat(story.relationTargets("story", "field_5d6e7f")).containsExactly("story");
		assertThat(story.relationTargets("story", "field_0a9b8c")).containsExactly("issue");
		assertThat(story.relationTargets("issue", "field_ef56ab")).containsExactly("story");
		assertThat(story.relationTargets("story", "priority")).isEmpty();
		assertThat(story.relationTargets("story", "no_such_field")).isEmpty();
	}

	@Test
	void aCatalogAsksOnlyWhenAskedAndOncePerType() {
		SpaceCatalog story = story();
		int loaded = requests();
		story.fields();
		story.findFields("父需求 Parent story");
		assertThat(requests()).as("no relation field asked about, no request").isEqualTo(loaded);
		story.relationTargets("story", "field_9f8e7d");
		// field/all of story, then the space's relations
		assertThat(requests()).isEqualTo(loaded + 2);
		story.relationTargets("story", "field_0a9b8c");
		story.relationTargets("story", "priority");
		assertThat(requests()).isEqualTo(loaded + 2);
		story.relationTargets("issue", "field_ef56ab");
		story.relationTargets("issue", "field_ef56ab");
		assertThat(requests()).as("field/all of issue only").isEqualTo(loaded + 3);
	}

	@Test
	void withoutPermissionToReadRelationsTheRunGoesOnNotKnowingThem() {
		this.emulator.space().revokeRelationPermission();
		SpaceCatalog story = story();
		assertThat(story.relationTargets("story", "field_9f8e7d")).isEmpty();
		int asked = requests();
		assertThat(story.relationTargets("story", "field_0a9b8c")).isEmpty();
		assertThat(requests()).as("a refusal is not asked again").isEqualTo(asked);
		assertThat(this.emulator.space().answers(10001)).isEqualTo(1);
		assertThat(story.fields()).isNotEmpty();
	}

}
