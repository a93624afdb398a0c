package fpimport.mapping;

import java.util.List;
import java.util.Map;

import fpimport.metadata.TestSpace;
import fpimport.metadata.UserDirectory;
import fpimport.translation.Translation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** People of a bound mapping: nobody before the look-up, the directory's after. */
class DirectoryPeopleTest {

	@Test
	void beforeTheLookUpEveryPersonIsAProblemAfterItTheDirectoryAnswers() {
		DirectoryPeople people = new DirectoryPeople();
		assertThat(people.lookedUp()).isFalse();
		assertThat(people.userKey("wang@corp.com")).isEqualTo(Translation.refused("people are not looked up yet"));
		people.use(UserDirectory.lookUp(new TestSpace(), UserSettings.DEFAULT.match(), Map.of(),
				List.of("wang@corp.com")));
		assertThat(people.lookedUp()).isTrue();
		assertThat(people.userKey("wang@corp.com")).isEqualTo(Translation.of("u_wang"));
		assertThat(people.userKey("nobody@corp.com").ok()).isFalse();
	}

}
