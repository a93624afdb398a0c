package fpimport.emulator;

import java.util.List;
import java.util.Map;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Template detail, workflow query, state change, node completion, abort and comments. */
class AfterCreateEndpointsTest {

	@RegisterExtension
	final TestEmulator emulator = TestEmulator.of(EmulatorConfig.demo().withQps(0));

	private final Caller caller = Caller.connected(this.emulator);

	private long create(Object body) {
		Caller.Reply reply = this.caller.create(body);
		assertThat(reply.errCode()).as(reply.text()).isZero();
		return reply.data().longValue();
	}

	private EmulatedSpace space() {
		return this.emulator.space();
	}

	@Test
	void templateDetailGivesTheGraphBeforeAnyItemExists() {
		Caller.Reply issue = this.caller.get("/open_api/demo/template_detail/5120033");
		assertThat(issue.errCode()).as(issue.text()).isZero();
		assertThat(issue.data().path("work_item_type_key").asString()).isEqualTo("issue");
		assertThat(issue.data().path("state_flow_confs").findValuesAsString("state_key")).containsExactly("OPEN",
				"IN_PROGRESS", "RESOLVED", "CLOSED", "ARCHIVED");
		assertThat(issue.data().path("state_flow_confs").get(0).path("state_type").asInt()).isEqualTo(1);
		assertThat(issue.data().path("connections").get(1).path("transition_id").asLong()).isEqualTo(1002);
		assertThat(issue.data().path("connections").get(1).path("fields").get(0).path("field_key").asString())
			.isEqualTo("bug_classification");
		Caller.Reply story = this.caller.get("/open_api/demo/template_detail/4418592");
		assertThat(story.data().path("workflow_confs").findValuesAsString("state_key")).containsExactly("started",
				"review", "develop", "testing", "done");
		assertThat(story.data().path("state_flow_confs")).isEmpty();
		assertThat(this.caller.get("/open_api/demo/template_detail/999").errCode()).isEqualTo(50006);
	}

	@Test
	void stateChangeMovesOneHopAlongATransitionOfTheCurrentState() {
		long id = create(Bodies.issue());
		String path = "/open_api/demo/workflow/issue/" + id + "/node/state_change";
		assertThat(space().currentStates(id)).containsExactly("OPEN");
		assertThat(this.caller.post(path, Map.of("transition_id", 1003)).errCode()).isEqualTo(10002);
		assertThat(this.caller.post(path, Map.of()).errCode()).isEqualTo(20005);
		assertThat(this.caller.post(path, Map.of("transition_id", 1001)).errCode()).isZero();
		assertThat(space().currentStates(id)).containsExactly("IN_PROGRESS");
		assertThat(this.caller.post(path, Map.of("transition_id", 1002)).errCode()).as("needs its field")
			.isEqualTo(20038);
		assertThat(space().currentStates(id)).containsExactly("IN_PROGRESS");
		Caller.Reply withField = this.caller.post(path, Map.of("transition_id", 1002, "fields",
				List.of(Map.of("field_key", "bug_classification", "field_value", Map.of("value", "t8pa0c3lw")))));
		assertThat(withField.errCode()).as(withField.text()).isZero();
		Caller.Reply query = this.caller.post("/open_api/demo/work_item/issue/" + id + "/workflow/query",
				Map.of("flow_type", 1));
		assertThat(query.data().path("state_flow_nodes").get(2).path("status").asInt()).isEqualTo(2);
		assertThat(query.data().path("state_flow_nodes").get(0).path("status").asInt()).isEqualTo(1);
		assertThat(this.caller.post("/open_api/demo/work_item/issue/" + id + "/workflow/query", Map.of("flow_type", 0))
			.errCode()).isEqualTo(20026);
		Caller.Reply abort = this.caller.send("PUT", "/open_api/demo/work_item/issue/" + id + "/abort",
				Map.of("is_aborted", true, "reason", "won't do"), Map.of());
		assertThat(abort.errCode()).isEqualTo(20056);
	}

	@Test
	void nodesAreCompletedInOrderOnce() {
		long id = create(Bodies.story());
		String develop = "/open_api/demo/workflow/story/" + id + "/node/develop/operate";
		assertThat(this.caller.post(develop, Map.of("action", "confirm")).errCode()).isEqualTo(20016);
		assertThat(this.caller
			.post("/open_api/demo/workflow/story/" + id + "/node/nope/operate", Map.of("action", "confirm"))
			.errCode()).isEqualTo(20018);
		for (String node : List.of("started", "review")) {
			assertThat(this.caller
				.post("/open_api/demo/workflow/story/" + id + "/node/" + node + "/operate", Map.of("action", "confirm"))
				.errCode()).isZero();
		}
		assertThat(this.caller
			.post("/open_api/demo/workflow/story/" + id + "/node/review/operate", Map.of("action", "confirm"))
			.errCode()).isEqualTo(20017);
		assertThat(space().currentStates(id)).containsExactly("develop");
		Caller.Reply abort = this.caller.send("PUT", "/open_api/demo/work_item/story/" + id + "/abort",
				Map.of("is_aborted", true, "reason", "won't do", "reason_option", "cancel"), Map.of());
		assertThat(abort.errCode()).as(abort.text()).isZero();
		assertThat(space().aborted(id)).isTrue();
		assertThat(this.caller.post(develop, Map.of("action", "confirm")).errCode()).isEqualTo(20007);
	}

	@Test
	void commentsAreListedOldestFirstWithTheirOperator() {
		long id = create(Bodies.story());
		String base = "/open_api/demo/work_item/story/" + id;
		assertThat(this.caller.post(base + "/comment/create", Map.of("content", "first")).data().asLong()).isPositive();
		this.caller.post(base + "/comment/create", Map.of("content", "second"));
		assertThat(this.caller.post(base + "/comment/create", Map.of()).errCode()).isEqualTo(20006);
		Caller.Reply page = this.caller.get(base + "/comments?page_num=1&page_size=1");
		assertThat(page.data().findValuesAsString("content")).containsExactly("first");
		assertThat(page.data().get(0).path("operator").asString()).isEqualTo(Caller.USER);
		assertThat(page.body().path("pagination").path("total").asInt()).isEqualTo(2);
		assertThat(this.caller.get(base + "/comments?page_size=201").errCode()).isEqualTo(20002);
		assertThat(space().comments(id)).containsExactly("first", "second");
	}

	@Test
	void aDroppedStepAnswerStillCarriesTheStepOut() {
		long id = create(Bodies.story());
		this.emulator.faults().droppedSteps(1);
		Caller.Reply dropped;
		try {
			dropped = this.caller.sendOrThrow("POST", "/open_api/demo/work_item/story/" + id + "/comment/create",
					Map.of("content", "lost answer"), Map.of());
		}
		catch (java.io.IOException expected) {
			dropped = null;
		}
		assertThat(dropped).isNull();
		assertThat(space().comments(id)).containsExactly("lost answer");
	}

}
