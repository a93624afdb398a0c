package fpimport.workitem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnKeysTest {

	private static final List<String> NAMES = List.of("Summary", "Labels", "Comment", "labels", "ＬＡＢＥＬＳ ", "Comment",
			"Issue #2");

	private static final List<String> KEYS = ColumnKeys.keys(NAMES);

	@Test
	void laterColumnsOfARepeatedNameAreNumberedAndReadBackAsWritten() {
		assertThat(KEYS).containsExactly("Summary", "Labels", "Comment", "labels#2", "ＬＡＢＥＬＳ #3", "Comment#2",
				"Issue #2");
		assertThat(ColumnKeys.names(KEYS)).isEqualTo(NAMES);
		// a number that is not the next position is part of the name
		assertThat(ColumnKeys.names(List.of("A", "A#3", "A#1", "B#2"))).containsExactly("A", "A#3", "A#1", "B#2");
		assertThat(ColumnKeys.names(List.of("A", "A#2", "A#3", "A#3"))).containsExactly("A", "A", "A", "A#3");
	}

	@Test
	void groupsAreNamedByTheirFirstColumnInTheOrderTheyAppear() {
		assertThat(ColumnKeys.groups(KEYS)).containsExactly(Map.entry("Summary", List.of("Summary")),
				Map.entry("Labels", List.of("Labels", "labels#2", "ＬＡＢＥＬＳ #3")),
				Map.entry("Comment", List.of("Comment", "Comment#2")), Map.entry("Issue #2", List.of("Issue #2")));
		assertThat(ColumnKeys.describe(KEYS)).isEqualTo("Summary, Labels ×3, Comment ×2, Issue #2");
		assertThat(ColumnKeys.label("Labels", 1)).isEqualTo("Labels");
		assertThat(ColumnKeys.label("Labels", 2)).isEqualTo("Labels ×2");
	}

	@Test
	void aMappingsColumnFindsTheWholeGroupOrOnePosition() {
		assertThat(ColumnKeys.find(" labels ", KEYS)).containsExactly("Labels", "labels#2", "ＬＡＢＥＬＳ #3");
		assertThat(ColumnKeys.find("Labels#1", KEYS)).containsExactly("Labels");
		assertThat(ColumnKeys.find("LABELS#3 ", KEYS)).containsExactly("ＬＡＢＥＬＳ #3");
		assertThat(ColumnKeys.find("Labels#4", KEYS)).isEmpty();
		assertThat(ColumnKeys.find("Labels#0", KEYS)).isEmpty();
		assertThat(ColumnKeys.find("Summary#2", KEYS)).isEmpty();
		assertThat(ColumnKeys.find("issue #2", KEYS)).containsExactly("Issue #2");
		assertThat(ColumnKeys.find("Issue", KEYS)).isEmpty();
		assertThat(ColumnKeys.find("Label", KEYS)).isEmpty();
	}

}
