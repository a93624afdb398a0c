package fpimport.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import fpimport.emulator.EmulatorConfig;
import fpimport.metadata.Workflow;
import fpimport.workitem.FieldValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client's calls after a create, against the emulator. */
class OpenApiClientAfterCreateTest {

	private static final String PROJECT = "6a3f9c1e0b7d24e58f1a9c3d";

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	@TempDir
	Path dir;

	@Test
	void theWorkflowOfATemplateAndTheShortestWayThrough() {
		Workflow issue = this.emulator.client().workflow(PROJECT, "5120033");
		assertThat(issue.nodeFlow()).isFalse();
		assertThat(issue.initial().key()).isEqualTo("OPEN");
		assertThat(issue.path("OPEN", "CLOSED").orElseThrow()).extracting(Workflow.Connection::transitionId)
			.containsExactly(1001L, 1002L, 1003L);
		assertThat(issue.path("OPEN", "CLOSED").orElseThrow().get(1).requiredFields())
			.containsExactly("bug_classification");
		assertThat(issue.path("OPEN", "ARCHIVED")).isEmpty();
		assertThat(issue.state("已关闭 Closed").orElseThrow().key()).isEqualTo("CLOSED");
		Workflow story = this.emulator.client().workflow(PROJECT, "4418592");
		assertThat(story.nodeFlow()).isTrue();
		assertThat(story.path("started", "done").orElseThrow()).extracting(Workflow.Connection::from)
			.containsExactly("started", "review", "develop", "testing");
	}

	@Test
	void stateChangesAndNodeCompletionsMoveTheItem() {
		OpenApiClient client = this.emulator.client();
		long issue = this.emulator.space().insertItem("issue", "Bug", Map.of());
		client.changeState(PROJECT, "issue", issue, 1001, List.of(), null);
		client.changeState(PROJECT, "issue", issue, 1002,
				List.of(new FieldValuePair("bug_classification", Map.of("value", "t8pa0c3lw"))), null);
		assertThat(client.position(PROJECT, "issue", issue, false).current()).containsExactly("RESOLVED");
		OpenApiException refused = catchThrowableOfType(OpenApiException.class,
				() -> client.changeState(PROJECT, "issue", issue, 1001, List.of(), null));
		assertThat(refused.errCode()).isEqualTo(10002);
		long story = this.emulator.space().insertItem("story", "Story", Map.of());
		client.completeNode(PROJECT, "story", story, "started", List.of(), null);
		WorkflowPosition position = client.position(PROJECT, "story", story, true);
		assertThat(position.current()).containsExactly("review");
		assertThat(position.completed()).containsExactly("started");
		client.abort(PROJECT, "story", story, "Won't Do", null);
		assertThat(this.emulator.space().aborted(story)).isTrue();
	}

	@Test
	void commentsAndUploadsAreDoneOnceAlthoughTheirAnswersAreDropped() throws IOException {
		OpenApiClient client = this.emulator.client();
		long story = this.emulator.space().insertItem("story", "Story", Map.of());
		Path file = Files.writeString(this.dir.resolve("spec v2.txt"), "the spec");
		this.emulator.faults().droppedSteps(0.5).reseed(3);
		for (int i = 1; i <= 6; i++) {
			client.comment(PROJECT, "story", story, "comment " + i, "comment-key-" + i);
		}
		client.upload(PROJECT, "story", story, "attachment", file, "file-key-1");
		this.emulator.faults().reset();
		assertThat(this.emulator.space().droppedAnswers()).as("answers dropped, calls retried").isPositive();
		assertThat(client.comments(PROJECT, "story", story)).extracting(Comment::content)
			.containsExactly("comment 1", "comment 2", "comment 3", "comment 4", "comment 5", "comment 6");
		JsonNode files = this.emulator.space().item(story).orElseThrow().field("attachment").orElseThrow();
		assertThat(files).hasSize(1);
		assertThat(files.get(0).path("name").asString()).isEqualTo("spec v2.txt");
		assertThat(files.get(0).path("size").asInt()).isEqualTo(8);
		assertThat(files.get(0).path("type").asString()).isEqualTo("text/plain");
	}

	@Test
	void aFileOverTheLimitAndAFieldThatTakesNoFilesAreRefused() throws IOException {
		OpenApiClient client = this.emulator.client();
		long story = this.emulator.space().insertItem("story", "Story", Map.of());
		Path file = Files.writeString(this.dir.resolve("big.bin"), "0123456789");
		this.emulator.space().maxUploadBytes(5);
		assertThat(catchThrowableOfType(OpenApiException.class,
				() -> client.upload(PROJECT, "story", story, "attachment", file, null))
			.errCode()).isEqualTo(20024);
		this.emulator.space().maxUploadBytes(100);
		assertThat(catchThrowableOfType(OpenApiException.class,
				() -> client.upload(PROJECT, "story", story, "description", file, null))
			.errCode()).isEqualTo(20070);
	}

}
