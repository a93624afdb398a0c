package fpimport.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserDirectoryTest {

	private final TestSpace space = new TestSpace();

	private UserDirectory lookUp(List<PersonForm> match, Map<String, String> aliases, List<String> persons) {
		return UserDirectory.lookUp(this.space, match, aliases, persons);
	}

	@Test
	void findsPeopleByEmailNameUserKeyAndAlias() {
		UserDirectory people = lookUp(UserDirectory.DEFAULT_MATCH, Map.of("老王", "wang@corp.com"),
				List.of("LI@corp.com", "孙八", "7351585340534063109", " 老王 ", "li@corp.com"));
		assertThat(people.find("LI@corp.com").user().userKey()).isEqualTo("u_li");
		assertThat(people.find("孙八").user().userKey()).isEqualTo("7351585340534063109");
		assertThat(people.find("7351585340534063109").user().userKey()).isEqualTo("7351585340534063109");
		assertThat(people.find("老王").user().userKey()).isEqualTo("u_wang");
		assertThat(this.space.lookups).containsExactly("emails:3", "name:孙八", "keys:1");
	}

	@Test
	void findsPeopleWrittenInFullWidthLettersAndDigits() {
		UserDirectory people = lookUp(UserDirectory.DEFAULT_MATCH, Map.of(),
				List.of("ＬＩ＠ｃｏｒｐ．ｃｏｍ", "Ｓｕｎ　Ｂａ", "７３５１５８５３４０５３４０６３１０９"));
		assertThat(people.find("ＬＩ＠ｃｏｒｐ．ｃｏｍ").user().userKey()).isEqualTo("u_li");
		assertThat(people.find("Ｓｕｎ　Ｂａ").user().userKey()).isEqualTo("7351585340534063109");
		assertThat(people.find("７３５１５８５３４０５３４０６３１０９").user().userKey()).isEqualTo("7351585340534063109");
		assertThat(this.space.lookups).containsExactly("emails:1", "name:Sun Ba", "keys:1");
	}

	@Test
	void reportsUnknownSharedResignedAndFrozenPeople() {
		UserDirectory people = lookUp(UserDirectory.DEFAULT_MATCH, Map.of("老赵", "zhao@corp.com"),
				List.of("nobody@corp.com", "张伟", "赵六", "chen@corp.com", "老赵"));
		assertThat(people.find("nobody@corp.com").problem()).isEqualTo(
				"no person 'nobody@corp.com' found by email, name, user_key; check the spelling or add it to users.aliases");
		assertThat(people.find("张伟").problem()).isEqualTo(
				"name '张伟' is shared by 2 people: 张伟 <zhangwei1@corp.com>, 张伟 <zhangwei2@corp.com>; write the e-mail instead or add users.aliases");
		assertThat(people.find("赵六").problem())
			.isEqualTo("person '赵六' (赵六 <zhao@corp.com>) is resigned; name someone active");
		assertThat(people.find("chen@corp.com").problem())
			.isEqualTo("person 'chen@corp.com' (陈七 <chen@corp.com>) is frozen; name someone active");
		assertThat(people.find("老赵").problem()).isEqualTo(
				"person '老赵' (users.aliases: 'zhao@corp.com') (赵六 <zhao@corp.com>) is resigned; name someone active");
		assertThat(people.find("王五").problem()).isEqualTo("person '王五' was not looked up before the first row");
	}

	@Test
	void triesOnlyTheFormsTheMappingAllowsInItsOrder() {
		UserDirectory people = lookUp(List.of(PersonForm.USER_KEY), Map.of(), List.of("u_li", "王五"));
		assertThat(people.find("u_li").user().email()).isEqualTo("li@corp.com");
		assertThat(people.find("王五").problem())
			.isEqualTo("no person '王五' found by user_key; check the spelling or add it to users.aliases");
		assertThat(this.space.lookups).containsExactly("keys:2");
	}

	@Test
	void looksUpInBatchesOfAHundred() {
		List<String> persons = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			persons.add("person" + i + "@corp.com");
		}
		persons.add("wang@corp.com");
		UserDirectory people = lookUp(List.of(PersonForm.EMAIL), Map.of(), persons);
		assertThat(this.space.lookups).containsExactly("emails:100", "emails:100", "emails:51");
		assertThat(people.find("wang@corp.com").found()).isTrue();
	}

}
