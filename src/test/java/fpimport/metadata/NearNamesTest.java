package fpimport.metadata;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A type or a person that matched none names the near ones. */
class NearNamesTest {

	/** The test space that also lists its people, as a real space does. */
	private static final class ListedPeople implements UserSource {

		private final TestSpace space = new TestSpace();

		@Override
		public List<User> findByEmails(Collection<String> emails) {
			return this.space.findByEmails(emails);
		}

		@Override
		public List<User> findByUserKeys(Collection<String> userKeys) {
			return this.space.findByUserKeys(userKeys);
		}

		@Override
		public List<User> searchByName(String query) {
			return this.space.searchByName(query);
		}

		@Override
		public List<User> people() {
			return TestSpace.USERS;
		}

	}

	@Test
	void aNameOneCharacterOffNamesTheNearPeople() {
		UserDirectory people = UserDirectory.lookUp(new ListedPeople(), UserDirectory.DEFAULT_MATCH, Map.of(),
				List.of("李思", "张玮", "wang@corp.con", "赵七", "Nobody Here"));
		assertThat(people.find("李思").problem()).isEqualTo("no person '李思' found by email, name, user_key; "
				+ "did you mean 李四 <li@corp.com>? Write that, or add it to users.aliases");
		assertThat(people.find("张玮").problem())
			.contains("did you mean 张伟 <zhangwei1@corp.com> or 张伟 <zhangwei2@corp.com>?");
		assertThat(people.find("wang@corp.con").problem()).contains("did you mean 王五 <wang@corp.com>?");
		// 赵六 resigned: nobody suggests writing a resigned person
		assertThat(people.find("赵七").problem()).endsWith("check the spelling or add it to users.aliases");
		assertThat(people.find("Nobody Here").problem()).endsWith("check the spelling or add it to users.aliases");
	}

	@Test
	void aSpaceThatListsNobodySuggestsNobody() {
		UserDirectory people = UserDirectory.lookUp(new TestSpace(), UserDirectory.DEFAULT_MATCH, Map.of(),
				List.of("李思"));
		assertThat(people.find("李思").problem())
			.isEqualTo("no person '李思' found by email, name, user_key; check the spelling or add it to users.aliases");
	}

	@Test
	void aTypeOffByALetterNamesTheNearType() {
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> SpaceCatalog.load(new TestSpace(), "stroy"))
			.withMessage("unknown work item type 'stroy'; did you mean 需求 (story)?");
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> SpaceCatalog.load(new TestSpace(), "缺限"))
			.withMessage("unknown work item type '缺限'; did you mean 缺陷 (issue)?");
	}

}
