package fpimport.api;

import java.io.IOException;
import java.util.List;

import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a rollback asks of the client: an item's update time, and its delete. */
class OpenApiClientDeleteTest {

	private ScriptedServer server;

	private OpenApiClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = new ScriptedServer();
		this.client = this.server.client(new ManualTime());
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	@Test
	void deleteSendsNoBodyToTheItemsPath() {
		this.server.reply(Reply.ok("{}"));

		this.client.delete("doc", "story", 4812084224L);

		Recorded delete = this.server.businessRequests().get(0);
		assertThat(delete.method()).isEqualTo("DELETE");
		assertThat(delete.path()).isEqualTo("/open_api/doc/work_item/story/4812084224");
		assertThat(delete.body()).isEmpty();
		assertThat(delete.header("X-PLUGIN-TOKEN")).isEqualTo("tok-1");
	}

	@Test
	void anItemGoneAlreadyIsRefusedWith30005AndNoPermissionStopsTheRun() {
		this.server.reply(Reply.error(404, 30005, "Work Item Not Found", "log-1"));
		assertThatExceptionOfType(OpenApiException.class).isThrownBy(() -> this.client.delete("doc", "story", 1L))
			.satisfies((ex) -> {
				assertThat(ex.errCode()).isEqualTo(30005);
				assertThat(ex.classification()).isEqualTo(OpenApiException.Classification.ROW_REJECTED);
			});

		this.server.reply(Reply.error(403, 10001, "No Permission", "log-2"));
		assertThatExceptionOfType(OpenApiException.class).isThrownBy(() -> this.client.delete("doc", "story", 1L))
			.satisfies((ex) -> assertThat(ex.classification()).isEqualTo(OpenApiException.Classification.STOPS_RUN));
	}

	@Test
	void queryReadsWhenAnItemLastChangedAndSaysWhenTheAnswerDoesNot() {
		this.server.reply(Reply
			.ok("""
					[{"id": 11, "name": "A", "work_item_type_key": "story", "created_at": 1722182400000,
					  "updated_at": 1722182405000, "fields": []},
					 {"id": 12, "name": "B", "work_item_type_key": "story", "created_at": 1722182400000, "fields": []}]"""));

		List<WorkItemInfo> items = this.client.query("doc", "story", List.of(11L, 12L));

		assertThat(items).extracting(WorkItemInfo::updatedAt).containsExactly(1722182405000L, null);
		assertThat(items).extracting(WorkItemInfo::createdAt).containsExactly(1722182400000L, 1722182400000L);
	}

}
