package fpimport.api;

import java.util.List;
import java.util.stream.IntStream;

import fpimport.api.ScriptedServer.Recorded;
import fpimport.api.ScriptedServer.Reply;
import fpimport.metadata.Requirement;
import fpimport.metadata.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter reads one space's metadata and people through the client. */
class OpenApiSpaceTest {

	@RegisterExtension
	final ScriptedServer server = ScriptedServer.started();

	private final OpenApiSpace space = new OpenApiSpace(this.server.client(new ManualTime()), "doc");

	@Test
	void metadataComesFromTheSpaceEndpoints() {
		this.server.reply(Reply.ok("[{\"type_key\":\"story\",\"name\":\"需求\"}]"))
			.reply(Reply
				.ok("[{\"field_key\":\"name\",\"field_name\":\"名称\",\"field_type_key\":\"text\",\"is_required\":1}]"))
			.reply(Reply.ok("[{\"template_id\":\"11\",\"template_name\":\"默认流程\"}]"))
			.reply(Reply.ok("[{\"id\":\"rd\",\"name\":\"开发\"}]"));

		assertThat(this.space.types()).extracting((type) -> type.typeKey()).containsExactly("story");
		assertThat(this.space.fields("story")).singleElement()
			.satisfies((field) -> assertThat(field.requirement()).isEqualTo(Requirement.REQUIRED));
		assertThat(this.space.templates("story")).extracting((template) -> template.id()).containsExactly("11");
		assertThat(this.space.roles("story")).extracting((role) -> role.id()).containsExactly("rd");
		assertThat(this.server.businessRequests()).extracting(Recorded::path)
			.containsExactly("/open_api/doc/work_item/all-types", "/open_api/doc/work_item/story/meta",
					"/open_api/doc/template_list/story", "/open_api/doc/flow_roles/story");
	}

	@Test
	void peopleAreLookedUpInBatchesOfAHundred() {
		this.server.reply(Reply.ok("[{\"user_key\":\"u1\",\"email\":\"p0@corp.com\"}]"))
			.reply(Reply.ok("[]"))
			.reply(Reply.ok("[{\"user_key\":\"u250\",\"email\":\"p249@corp.com\"}]"))
			.reply(Reply.ok("[{\"user_key\":\"u9\",\"name_cn\":\"张三\"}]"));
		List<String> emails = IntStream.range(0, 250).mapToObj((i) -> "p" + i + "@corp.com").toList();

		assertThat(this.space.findByEmails(emails)).extracting(User::userKey).containsExactly("u1", "u250");
		assertThat(this.space.searchByName("张三")).extracting(User::userKey).containsExactly("u9");

		List<Recorded> requests = this.server.businessRequests();
		assertThat(requests.subList(0, 3)).extracting((request) -> request.json().path("emails").size())
			.containsExactly(100, 100, 50);
		assertThat(requests.get(3).json().path("project_key").asString()).isEqualTo("doc");
	}

}
