package fpimport.api;

import java.time.Duration;
import java.util.List;

import fpimport.api.OpenApiException.Classification;
import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import fpimport.failure.FpImportException.Reason;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The plugin token is fetched once, reused, renewed before it expires and when refused.
 */
class OpenApiClientTokenTest {

	@RegisterExtension
	final ScriptedServer server = ScriptedServer.started();

	private final ManualTime time = new ManualTime();

	private final OpenApiClient client = this.server.client(this.time);

	@BeforeEach
	void answerEmptyLists() {
		this.server.otherwise(Reply.ok("[]"));
	}

	@Test
	void tokenIsReusedUntil180SecondsBeforeItExpires() {
		this.server.replyToken(Reply.token("short-1", 600)).replyToken(Reply.token("short-2", 600));

		this.client.types("doc");
		this.time.advance(Duration.ofSeconds(419));
		this.client.types("doc");
		this.time.advance(Duration.ofSeconds(1));
		this.client.types("doc");

		assertThat(this.server.businessRequests()).extracting((request) -> request.header("X-PLUGIN-TOKEN"))
			.containsExactly("short-1", "short-1", "short-2");
	}

	@Test
	void expiryComesFromTheAnswerNotFrom7200() {
		this.server.replyToken(Reply.token("long-1", 86400));

		this.client.types("doc");
		this.time.advance(Duration.ofSeconds(7300));
		this.client.types("doc");

		assertThat(this.server.requests()).filteredOn((request) -> request.path().equals(ScriptedServer.TOKEN_PATH))
			.hasSize(1);
		assertThat(this.server.businessRequests()).extracting((request) -> request.header("X-PLUGIN-TOKEN"))
			.containsExactly("long-1", "long-1");
	}

	@Test
	void aKeyedWriteThatMayHaveBeenDoneIsRetriedUnderItsFirstToken() {
		// the service knows an X-IDEM-UUID only under the token it came with
		this.server.replyToken(Reply.token("tok-a", 100)).replyToken(Reply.token("tok-b", 100));
		this.server.reply(Reply.error(500, 50006, "openapi system err, please try again later", "log-1"))
			.reply(Reply.ok("77"));
		this.time.advance(Duration.ofSeconds(1));

		assertThat(this.client.create("doc", new WorkItemDraft("story", null, "Row", List.of()), "row-1"))
			.isEqualTo(77L);

		assertThat(this.server.businessRequests()).extracting((request) -> request.header("X-PLUGIN-TOKEN"))
			.containsExactly("tok-a", "tok-a");
	}

	@Test
	void aKeyedWriteThatMayHaveBeenDoneIsNotResentUnderANewToken() {
		this.server.reply(Reply.error(500, 50006, "openapi system err, please try again later", "log-1"))
			.reply(Reply.error(401, 10022, "token expired", "log-2"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class,
				() -> this.client.create("doc", new WorkItemDraft("story", null, "Row", List.of()), "row-1"));

		assertThat(failure.classification()).isEqualTo(Classification.IDEMPOTENCY_CONFLICT);
		assertThat(failure.errCode()).isEqualTo(10022);
		assertThat(failure.hint()).contains("reconcile");
		assertThat(this.server.businessRequests()).hasSize(2);
	}

	@Test
	void aRefusedTokenIsRenewedOnceAndTheRequestRetried() {
		this.client.types("doc");
		for (int code : new int[] { 10022, 10211, 10021 }) {
			this.server.reply(Reply.error(401, code, "token invalid", "log-" + code))
				.reply(Reply.ok("[{\"type_key\":\"story\",\"name\":\"需求\"}]"));
			int tokensBefore = this.server.tokensIssued();

			assertThat(this.client.types("doc")).hasSize(1);

			assertThat(this.server.tokensIssued()).as("after %d", code).isEqualTo(tokensBefore + 1);
			var requests = this.server.businessRequests();
			Recorded refused = requests.get(requests.size() - 2);
			Recorded retried = requests.get(requests.size() - 1);
			assertThat(retried.header("X-PLUGIN-TOKEN")).isEqualTo("tok-" + (tokensBefore + 1))
				.isNotEqualTo(refused.header("X-PLUGIN-TOKEN"));
		}
		assertThat(this.time.pauses()).isEmpty();
	}

	@Test
	void aTokenRefusedTwiceStopsWithTheServiceAnswer() {
		this.server.reply(Reply.error(401, 10022, "token expired", "log-a"))
			.reply(Reply.error(401, 10022, "token expired", "log-b"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class, () -> this.client.types("doc"));

		assertThat(failure.classification()).isEqualTo(Classification.TOKEN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.errCode()).isEqualTo(10022);
		assertThat(failure.logId()).isEqualTo("log-b");
		assertThat(this.server.businessRequests()).hasSize(2);
		assertThat(this.server.tokensIssued()).isEqualTo(2);
	}

	@Test
	void aWrongSecretStopsTheRunBeforeAnyBusinessRequest() {
		this.server.replyToken(Reply.tokenError(10204, "invalid plugin id or secret"));

		OpenApiException failure = catchThrowableOfType(OpenApiException.class, () -> this.client.types("doc"));

		assertThat(failure.classification()).isEqualTo(Classification.STOPS_RUN);
		assertThat(failure.reason()).isEqualTo(Reason.REMOTE_REFUSED);
		assertThat(failure.endpoint()).isEqualTo("POST /open_api/authen/plugin_token");
		assertThat(failure.errCode()).isEqualTo(10204);
		assertThat(failure.getMessage()).contains("invalid plugin id or secret").contains("log-token-error");
		assertThat(failure.hint()).contains("--plugin-secret");
		assertThat(this.server.businessRequests()).isEmpty();
	}

	@Test
	void aBusyTokenEndpointIsRetried() {
		this.server.replyToken(Reply.raw(503, "text/html", "<html>busy</html>"));

		this.client.types("doc");

		assertThat(this.server.requests()).extracting(Recorded::path)
			.containsExactly(ScriptedServer.TOKEN_PATH, ScriptedServer.TOKEN_PATH, "/open_api/doc/work_item/all-types");
		assertThat(this.time.pauses()).hasSize(1);
	}

}
