package fpimport.source;

import java.util.List;
import java.util.Map;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {

	@Test
	void findsAColumnIgnoringSpacesCaseAndWidth() {
		Headers headers = Headers.of(List.of("标题", " Priority ", "负责人（主）"));
		assertThat(headers.find("priority")).contains(" Priority ");
		assertThat(headers.find("ＰＲＩＯＲＩＴＹ")).contains(" Priority ");
		assertThat(headers.find("负责人(主)")).contains("负责人（主）");
		assertThat(headers.indexOf("标题")).isZero();
		assertThat(headers.indexOf("描述")).isEqualTo(-1);
		assertThat(headers.find("描述")).isEmpty();
		assertThat(headers.names()).containsExactly("标题", " Priority ", "负责人（主）");
	}

	@Test
	void aRepeatedNameKeepsItsNamesAndKeysItsLaterColumnsByPosition() {
		Headers headers = Headers.of(List.of("Labels", "描述", "labels ", "ＬＡＢＥＬＳ"));
		assertThat(headers.names()).containsExactly("Labels", "描述", "labels ", "ＬＡＢＥＬＳ");
		assertThat(headers.keys()).containsExactly("Labels", "描述", "labels #2", "ＬＡＢＥＬＳ#3");
		assertThat(headers.indexOf("labels#2")).isEqualTo(2);
		assertThat(headers.find("Labels#3")).contains("ＬＡＢＥＬＳ");
		assertThat(headers.indexOf("Labels")).isZero();
		SourceRow row = SourceRow.of(2, headers.cells(new String[] { "a", "d", "", "c" }));
		assertThat(row.cells()).containsExactly(Map.entry("Labels", "a"), Map.entry("描述", "d"),
				Map.entry("labels #2", ""), Map.entry("ＬＡＢＥＬＳ#3", "c"));
	}

	@Test
	void aNameThatReadsAsTheKeyOfARepeatedColumnIsRefusedNamingIt() {
		assertThatThrownBy(() -> Headers.of("a.xlsx, sheet 'S', row 1", List.of("Title", "Title", "title#2"),
				(index) -> "column " + (char) ('A' + index)))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> {
				assertThat(ex.getMessage()).isEqualTo("a.xlsx, sheet 'S', row 1: column C is named 'title#2', "
						+ "which is how a mapping calls a later column of a repeated name");
				assertThat(ex.hint()).startsWith("rename the column");
			});
		assertThatThrownBy(() -> Headers.of(List.of("Title#2", "Title", "Title")))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> assertThat(ex.getMessage()).isEqualTo(
					"header: column 1 is named 'Title#2', which is how a mapping calls a later column of a repeated name"));
		assertThatThrownBy(() -> Headers.of(List.of("Title", "Title#2")))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> assertThat(ex.getMessage()).isEqualTo(
					"header: column 2 is named 'Title#2', which is how a mapping calls a later column of a repeated name"));
		// a numbered name alone, or one that is no next position, is an ordinary name
		assertThat(Headers.of(List.of("Title#2", "Title")).keys()).containsExactly("Title#2", "Title");
		assertThat(Headers.of(List.of("Title", "Title#3")).keys()).containsExactly("Title", "Title#3");
	}

	@Test
	void emptyNamesAndAnEmptyHeaderAreErrors() {
		assertThatThrownBy(() -> Headers.of(List.of("a", "  ", "c"))).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("header: column 2 of the header row has no name"));
		assertThatThrownBy(() -> Headers.of(List.of())).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("header: the header row is empty"));
	}

	@Test
	void cellsAreAnUnmodifiableMapInHeaderOrderOfTheirOwnValues() {
		Headers headers = Headers.of(List.of("b", "a", "c", "a"));
		String[] values = { "2", "1", "", "1b" };
		SourceRow row = SourceRow.of(7, headers.cells(values));
		values[0] = "changed";
		assertThat(row.cells()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"), Map.entry("c", ""),
				Map.entry("a#2", "1b"));
		assertThat(row.cell("a#2")).isEqualTo("1b");
		assertThat(row.cell("A")).as("a key is looked up as written").isEmpty();
		assertThat(row.cells().get("a")).isEqualTo("1");
		assertThat(row.cells().get("nope")).isNull();
		assertThat(row.cells().containsKey("c")).isTrue();
		assertThat(row.cells().containsKey("d")).isFalse();
		assertThat(row.cells()).isEqualTo(Map.of("b", "2", "a", "1", "c", "", "a#2", "1b"));
		assertThatThrownBy(() -> row.cells().put("b", "x")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> row.cells().entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> headers.cells(new String[] { "1" })).isInstanceOf(IllegalArgumentException.class);
	}

}
