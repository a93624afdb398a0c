package fpimport.api;

import java.util.List;

import fpimport.metadata.Workflow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The template detail's workflow as {@link Payloads} reads it. */
class WorkflowPayloadTest {

	private final ObjectMapper json = JsonMapper.builder().build();

	private final Payloads payloads = new Payloads(this.json);

	private Workflow read(String data) {
		JsonNode node = this.json.readTree(data);
		return this.payloads.workflow(node, "5120033");
	}

	@Test
	void aStateFlowStartsAtItsStateOfType1AndItsMovesNameTheFieldsTheyRequire() {
		Workflow flow = read("""
				{"state_flow_confs": [
				   {"state_key": "RESOLVED", "name": "已解决", "state_type": 2},
				   {"state_key": "OPEN", "name": "打开", "state_type": 1},
				   {"state_key": "CLOSED", "name": "关闭", "state_type": 3}],
				 "connections": [
				   {"source_state_key": "OPEN", "target_state_key": "RESOLVED", "transition_id": "1002",
				    "fields": [{"field_key": "bug_classification", "is_required": 1},
				               {"field_key": "note", "is_required": 2}]},
				   {"source_state_key": "RESOLVED", "target_state_key": "CLOSED", "transition_id": 1003.0},
				   {"source_state_key": "CLOSED", "target_state_key": "OPEN", "transition_id": "later"}]}
				""");
		assertThat(flow.nodeFlow()).isFalse();
		assertThat(flow.templateId()).isEqualTo("5120033");
		assertThat(flow.initial().key()).isEqualTo("OPEN");
		assertThat(flow.states()).extracting(Workflow.State::key).containsExactly("OPEN", "RESOLVED", "CLOSED");
		assertThat(flow.connections()).containsExactly(
				new Workflow.Connection("OPEN", "RESOLVED", 1002, List.of("bug_classification")),
				new Workflow.Connection("RESOLVED", "CLOSED", 1003, List.of()),
				new Workflow.Connection("CLOSED", "OPEN", 0, List.of()));
	}

	@Test
	void aNodeFlowStartsAtTheNodeNothingLeadsTo() {
		Workflow flow = read("""
				{"workflow_confs": [
				   {"state_key": "review", "name": "评审"},
				   {"state_key": "done", "name": "完成"},
				   {"state_key": "started", "name": "开始"}],
				 "state_flow_confs": [{"state_key": "ignored", "state_type": 1}],
				 "connections": [
				   {"source_state_key": "started", "target_state_key": "review", "transition_id": 11},
				   {"source_state_key": "review", "target_state_key": "done", "transition_id": 12}]}
				""");
		assertThat(flow.nodeFlow()).isTrue();
		assertThat(flow.initial().key()).isEqualTo("started");
		assertThat(flow.states()).extracting(Workflow.State::key).containsExactly("started", "review", "done");
		assertThat(flow.path("started", "done").orElseThrow()).extracting(Workflow.Connection::transitionId)
			.containsExactly(11L, 12L);
	}

	@Test
	void aFlowWhoseFirstStateStartsKeepsItsOrder() {
		Workflow flow = read("""
				{"workflow_confs": [],
				 "state_flow_confs": [
				   {"state_key": "OPEN", "state_type": 1},
				   {"state_key": "DONE", "state_type": 2}],
				 "connections": []}
				""");
		assertThat(flow.nodeFlow()).isFalse();
		assertThat(flow.states()).extracting(Workflow.State::key).containsExactly("OPEN", "DONE");
	}

}
