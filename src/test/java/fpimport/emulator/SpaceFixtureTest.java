package fpimport.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Loading and checking space fixtures. */
class SpaceFixtureTest {

	private static final String MINIMAL = """
			project_key: p1
			simple_name: mini
			plugin: {id: MII_1, secret: s}
			default_user_key: "1"
			users: [{user_key: "1", email: a@example.com, name_cn: 甲}]
			types:
			  - type_key: task
			    name: 任务
			    templates: [{id: "10", name: 默认}]
			""";

	@Test
	void theDemoSpaceMatchesTheSampleFile() {
		SpaceFixture demo = SpaceFixture.demo();
		assertThat(demo).isEqualTo(SpaceFixture.load(Path.of("samples/demo-space.yaml")));
		assertThat(demo.simpleName()).isEqualTo("demo");
		assertThat(demo.users()).hasSizeGreaterThanOrEqualTo(20);
		assertThat(demo.users().stream().filter((user) -> "王芳".equals(user.nameCn()))).hasSize(2);
		assertThat(demo.plugin().toString()).doesNotContain(demo.plugin().secret());
	}

	@Test
	void aMinimalFixtureGetsTheBuiltInFieldsAndDefaults(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("space.yaml"), MINIMAL);
		SpaceFixture fixture = SpaceFixture.load(file);
		SpaceFixture.Type task = fixture.type("task").orElseThrow();
		assertThat(task.fields()).extracting(SpaceFixture.Field::key)
			.containsExactly("name", "template", "role_owners");
		assertThat(task.field("name").orElseThrow().required()).isEqualTo(1);
		assertThat(task.apiName()).isEqualTo("task");
		assertThat(fixture.user("1").orElseThrow().status()).isEqualTo("activated");
	}

	@Test
	void typosAndBrokenReferencesAreRefused(@TempDir Path dir) throws IOException {
		Path typo = Files.writeString(dir.resolve("typo.yaml"), MINIMAL + "usres: []\n");
		assertThatIllegalArgumentException().isThrownBy(() -> SpaceFixture.load(typo)).withMessageContaining("usres");
		Path noUser = Files.writeString(dir.resolve("nouser.yaml"),
				MINIMAL.replace("default_user_key: \"1\"", "default_user_key: \"2\""));
		assertThatIllegalArgumentException().isThrownBy(() -> SpaceFixture.load(noUser))
			.withMessageContaining("default_user_key");
		Path badTemplate = Files.writeString(dir.resolve("template.yaml"), MINIMAL.replace("id: \"10\"", "id: abc"));
		assertThatIllegalArgumentException().isThrownBy(() -> SpaceFixture.load(badTemplate))
			.withMessageContaining("int64");
	}

	@Test
	void anEmulatorServesAnyFixture(@TempDir Path dir) throws IOException {
		SpaceFixture fixture = SpaceFixture.load(Files.writeString(dir.resolve("space.yaml"), MINIMAL));
		try (OpenApiEmulator emulator = OpenApiEmulator.start(EmulatorConfig.of(fixture))) {
			Caller caller = new Caller(emulator);
			caller.userKey = "1";
			caller.token = caller.newToken();
			Caller.Reply reply = caller.post("/open_api/mini/work_item/create",
					java.util.Map.of("work_item_type_key", "task", "name", "第一个任务"));
			assertThat(reply.errCode()).as(reply.text()).isZero();
			assertThat(emulator.space().items().get(0).templateId()).isEqualTo(10L);
		}
	}

}
