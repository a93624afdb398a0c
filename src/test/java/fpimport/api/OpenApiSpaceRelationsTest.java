package fpimport.api;

import java.util.List;
import java.util.Map;

import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The requests for relation fields' targets, and the refusals a run goes on without.
 */
class OpenApiSpaceRelationsTest {

	@RegisterExtension
	final ScriptedServer server = ScriptedServer.started();

	private final OpenApiSpace space = new OpenApiSpace(this.server.client(new ManualTime()), "doc");

	@Test
	void fieldAllIsAskedForOneTypeAndTheRelationsForTheSpace() {
		this.server.reply(Reply.ok("[{\"field_key\":\"parent\",\"relation_id\":\"r1\"},{\"field_key\":\"name\"}]"))
			.reply(Reply.ok("[{\"id\":\"r1\",\"name\":\"父子\",\"work_item_type_key\":\"story\","
					+ "\"relation_details\":[{\"project_key\":\"doc\",\"work_item_type_key\":\"epic\"}]}]"));

		assertThat(this.space.relationIds("story")).containsExactly(Map.entry("parent", "r1"));
		assertThat(this.space.relations()).singleElement()
			.satisfies((relation) -> assertThat(relation.targetTypeKeys()).containsExactly("epic"));

		List<Recorded> requests = this.server.businessRequests();
		assertThat(requests).extracting(Recorded::method, Recorded::path)
			.containsExactly(tuple("POST", "/open_api/doc/field/all"),
					tuple("GET", "/open_api/doc/work_item/relation"));
		assertThat(requests.get(0).json().path("work_item_type_key").asString()).isEqualTo("story");
		assertThat(requests.get(0).json().size()).isEqualTo(1);
	}

	@Test
	void noPermissionMeansTheSpaceDoesNotSay() {
		this.server.reply(Reply.error(403, 10001, "No Permission", "log-1"))
			.reply(Reply.error(401, 10301, "API permission not granted", "log-2"))
			.reply(Reply.error(403, 10001, "No Permission", "log-3"))
			.reply(Reply.error(401, 10301, "API permission not granted", "log-4"));

		assertThat(this.space.relations()).isEmpty();
		assertThat(this.space.relations()).isEmpty();
		assertThat(this.space.relationIds("story")).isEmpty();
		assertThat(this.space.relationIds("story")).isEmpty();
		assertThat(this.server.businessRequests()).hasSize(4);
	}

	@Test
	void anyOtherRefusalIsTheCallersToHandle() {
		this.server.reply(Reply.error(404, 30014, "WorkItem Type Not Found", "log-1"))
			.reply(Reply.error(400, 20006, "invalid param", "log-2"));

		assertThatExceptionOfType(OpenApiException.class).isThrownBy(() -> this.space.relationIds("nope"))
			.satisfies((ex) -> assertThat(ex.errCode()).isEqualTo(30014));
		assertThatExceptionOfType(OpenApiException.class).isThrownBy(this.space::relations)
			.satisfies((ex) -> assertThat(ex.errCode()).isEqualTo(20006));
	}

	@Test
	void theEndpointsHaveTheirOwnTemplates() {
		assertThat(Endpoint.FIELD_ALL.describe()).isEqualTo("POST /open_api/:project_key/field/all");
		assertThat(Endpoint.RELATIONS.describe()).isEqualTo("GET /open_api/:project_key/work_item/relation");
	}

}
