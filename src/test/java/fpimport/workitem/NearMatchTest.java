package fpimport.workitem;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearMatchTest {

	record Field(String name, String key) {
	}

	private static final List<Field> FIELDS = List.of(new Field("优先级 Priority", "priority"),
			new Field("标签 Labels", "labels"), new Field("估算 Story Points", "story_points"),
			new Field("负责人 Owner", "owner"), new Field("描述", "description"));

	private static List<String> near(String wanted) {
		return NearMatch.among(wanted, FIELDS, (field) -> List.of(field.name(), field.key()))
			.stream()
			.map(Field::key)
			.toList();
	}

	@Test
	void aTypoIsNearTheWordOfABilingualName() {
		assertThat(near("Priorty")).containsExactly("priority");
		assertThat(near("priorityy")).containsExactly("priority");
		assertThat(near("Lables")).containsExactly("labels");
	}

	@Test
	void caseWidthSpacesAndUnderscoresDoNotCount() {
		assertThat(near("ＳＴＯＲＹ points")).containsExactly("story_points");
		assertThat(near("storypoint")).containsExactly("story_points");
	}

	@Test
	void halfOfABilingualNameIsNear() {
		assertThat(near("优先级")).containsExactly("priority");
		assertThat(near("描 述")).containsExactly("description");
	}

	@Test
	void aChineseNameOneCharacterOffIsNear() {
		assertThat(NearMatch.among("张维", List.of("张伟", "李娜", "张伟伟", "王芳"))).containsExactly("张伟");
		assertThat(NearMatch.among("张三", List.of("李四", "王五"))).isEmpty();
	}

	@Test
	void otherNumbersAreOtherValuesNotTypos() {
		assertThat(NearMatch.among("P5", List.of("P0", "P1", "P2"))).isEmpty();
		assertThat(NearMatch.among("Sprint 5", List.of("Sprint 4", "Sprnt 5"))).containsExactly("Sprnt 5");
	}

	@Test
	void aTextHoldingSeveralNamesIsNotNearEach() {
		assertThat(NearMatch.among("前端,后端", List.of("前端", "后端", "Urgent"))).isEmpty();
	}

	@Test
	void onlyTheNearestAreKeptAndAtMostThree() {
		assertThat(NearMatch.among("cat", List.of("cut", "cart", "cat1", "dog"))).containsExactly("cut", "cart",
				"cat1");
		assertThat(NearMatch.among("cat", List.of("bat", "cab", "car", "can", "cut"))).hasSize(3)
			.containsExactly("bat", "cab", "car");
		assertThat(NearMatch.among("status", List.of("statuss", "stat"))).containsExactly("statuss");
	}

	@Test
	void farNamesAreNotNear() {
		assertThat(near("Sprint")).isEmpty();
		assertThat(near("")).isEmpty();
		assertThat(NearMatch.among("a", List.of("b", "ab"))).isEmpty();
		assertThat(NearMatch.among("in", List.of("interesting"))).isEmpty();
	}

	@Test
	void longerNamesAllowMoreEdits() {
		assertThat(NearMatch.among("acceptance criteria", List.of("acceptence critera"))).hasSize(1);
		assertThat(NearMatch.among("abcd", List.of("abxy"))).isEmpty();
		assertThat(NearMatch.allowed(4)).isEqualTo(1);
		assertThat(NearMatch.allowed(5)).isEqualTo(2);
		assertThat(NearMatch.allowed(9)).isEqualTo(3);
	}

	@Test
	void suggestionsAndShortListsReadAsEnglish() {
		assertThat(NearMatch.suggestion(List.of())).isEmpty();
		assertThat(NearMatch.suggestion(List.of("优先级 Priority (priority)")))
			.isEqualTo("did you mean 优先级 Priority (priority)?");
		assertThat(NearMatch.suggestion(List.of("A", "B", "C"))).isEqualTo("did you mean A, B or C?");
		assertThat(NearMatch.shortList(List.of("P0", "P1"), 3)).isEqualTo("P0, P1");
		assertThat(NearMatch.shortList(List.of("P0", "P1", "P2", "P3", "P4"), 3)).isEqualTo("P0, P1, P2 and 2 more");
	}

}
