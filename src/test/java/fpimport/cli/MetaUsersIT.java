package fpimport.cli;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fpimport meta --users}: the people of the emulator's demo space. */
class MetaUsersIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo());

	@Test
	void listsThePeopleWithNameEmailAndStatus() {
		CliRun result = this.cli.runByEnvironment("meta", "--users");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("People (name, e-mail, status): 21\n")
			.contains("  张伟 Wei Zhang  zhang.wei@example.com  activated\n")
			.contains("  王芳 Fang Wang  wang.fang@example.com  activated\n")
			.contains("  王芳 Fang Wang (Shenzhen)  fang.wang.sz@example.com  activated\n")
			.contains("  郭涛 Tao Guo  guo.tao@example.com  resigned\n")
			.contains("  罗敏 Min Luo  luo.min@example.com  frozen\n");
		assertThat(result.out().lines().skip(1)).hasSize(21);
		assertThat(result.err()).isEmpty();
	}

	@Test
	void printsThePeopleAsJsonForTools() {
		CliRun result = this.cli.runByEnvironment("meta", "--users", "--json");
		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode people = JsonMapper.builder().build().readTree(result.out()).path("people");
		assertThat(people.size()).isEqualTo(21);
		assertThat(people.findValuesAsString("email")).contains("zhang.wei@example.com", "luo.min@example.com")
			.doesNotHaveDuplicates();
		JsonNode first = people.get(0);
		assertThat(first.path("user_key").asString()).isEqualTo("7351585340534063109");
		assertThat(first.path("name_cn").asString()).isEqualTo("张伟");
		assertThat(first.path("status").asString()).isEqualTo("activated");
	}

	@Test
	void metaSaysHowManyPeopleThereAre() {
		CliRun text = this.cli.runByEnvironment("meta");
		assertThat(text.exitCode()).as(text.err()).isZero();
		assertThat(text.out()).contains("\nPeople: 21\n").contains("`fpimport meta --users` lists the people");

		CliRun json = this.cli.runByEnvironment("meta", "--json");
		assertThat(json.exitCode()).as(json.err()).isZero();
		assertThat(JsonMapper.builder().build().readTree(json.out()).path("people").asInt()).isEqualTo(21);
	}

	@Test
	void usersAndTypeTogetherAreAUsageError() {
		CliRun result = this.cli.runByEnvironment("meta", "--users", "--type", "story");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--users and --type cannot be used together");
	}

}
