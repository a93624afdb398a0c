package fpimport.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fpimport.api.ScriptedServer.Reply;
import fpimport.workitem.WorkItemDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The plugin secret and the token never reach a log line, an exception message, a hint or
 * a {@code toString}, even when the service echoes them.
 */
class SecretLeakTest {

	private final Logger logger = (Logger) LoggerFactory.getLogger("fpimport.api");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level levelBefore;

	@RegisterExtension
	final ScriptedServer server = ScriptedServer.started();

	@BeforeEach
	void captureDebugLog() throws IOException {
		this.levelBefore = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void restore() throws IOException {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.levelBefore);
	}

	@Test
	void secretAndTokenStayHidden() {
		ApiSettings settings = this.server.settings();
		OpenApiClient client = new OpenApiClient(settings, new ManualTime(), () -> 0.0);
		String secret = ScriptedServer.SECRET;
		List<String> texts = new ArrayList<>();
		texts.add(settings.toString());
		texts.add(client.toString());
		texts.add(new PluginToken("tok-hidden", 7200).toString());

		this.server.replyToken(Reply.token("tok-first", 7200))
			.reply(Reply.ok("[]"))
			.reply(Reply.error(401, 10022, "token tok-first expired", "log-1"))
			.reply(Reply.ok("[]"))
			.reply(Reply.error(400, 20050, "bad option; secret was " + secret, "log-2"))
			.reply(Reply.dropConnection())
			.reply(Reply.raw(502, "text/html", "<html>" + secret + "</html>"))
			.reply(Reply.ok("5"));
		client.types("doc");
		client.types("doc");
		texts.add(catchThrowableOfType(OpenApiException.class,
				() -> client.create("doc", new WorkItemDraft("story", null, "x", List.of()), "k"))
			.toString());
		client.create("doc", new WorkItemDraft("story", null, "x", List.of()), "k");

		try (ScriptedServer refusing = new ScriptedServer()) {
			refusing.replyToken(Reply.tokenError(10204, "wrong secret " + secret));
			OpenApiException failure = catchThrowableOfType(OpenApiException.class,
					() -> new OpenApiClient(refusing.settings(), new ManualTime(), () -> 0.0).types("doc"));
			texts.add(failure.toString());
			texts.add(failure.hint());
			texts.add(failure.errMsg());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}

		List<String> logLines = this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(logLines).anySatisfy((line) -> assertThat(line).contains("POST /open_api/doc/work_item/create")
			.contains("HTTP 400")
			.contains("err_code 20050")
			.contains("log id log-2"));
		assertThat(logLines).anySatisfy((line) -> assertThat(line).contains("POST /open_api/authen/plugin_token"));
		assertThat(this.appender.list).allSatisfy((event) -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
		texts.addAll(logLines);
		assertThat(texts).isNotEmpty().allSatisfy((text) -> {
			assertThat(text).doesNotContain(secret);
			assertThat(text).doesNotContain("tok-first").doesNotContain("tok-hidden");
		});
	}

}
